# Handler tables built in __init__ (self.handlers = {"a": self.on_a}) dispatched from a worker
# thread, getattr(self, "on_" + name) dispatch, blocking calls hidden behind *args/**kwargs
# forwarding wrappers, a queue held in a default argument, `print("got", q.get())`,
# `results.append(q.get())`, a blocking result indexed in a return.
import threading
import queue
import time

_default_q = queue.Queue()


def forward(fn, *args, **kwargs):
    # generic forwarding wrapper: the blocking call is hidden behind *args/**kwargs
    return fn(*args, **kwargs)


def logged(fn, *a, **kw):
    r = forward(fn, *a, **kw)
    return r


def post(item, q=_default_q):
    q.put(item)


def take(q=_default_q, timeout=None):
    return q.get(timeout=timeout)


class Device:
    def __init__(self, name):
        self.name = name
        self.inbox = queue.Queue()
        self.replies = queue.Queue()
        self.lock = threading.Lock()
        self.log = []
        self.handlers = {
            "ping": self.on_ping,
            "slow": self.on_slow,
            "echo": self.on_echo,
        }
        self.stopped = threading.Event()

    def on_ping(self, arg):
        return "pong:" + str(arg)

    def on_slow(self, arg):
        time.sleep(0.01)
        with self.lock:
            self.log.append("slow " + str(arg))
        return "slow-done:" + str(arg)

    def on_echo(self, arg):
        return {"echo": arg}

    def on_extra(self, arg):
        # reached only through getattr
        time.sleep(0.005)
        return "extra:" + str(arg)

    def dispatch(self, cmd, arg):
        h = self.handlers.get(cmd)
        if h is None:
            h = getattr(self, "on_" + cmd)
        return h(arg)

    def run(self):
        while True:
            cmd, arg = self.inbox.get()
            if cmd == "stop":
                break
            r = logged(self.dispatch, cmd, arg)
            self.replies.put({"key": r, "cmd": cmd})
        self.stopped.set()

    def request(self, cmd, arg):
        forward(self.inbox.put, (cmd, arg))
        return self.replies.get(timeout=2)["key"]


def main():
    d = Device("dev1")
    t = threading.Thread(target=d.run, name="dev-loop")
    t.start()
    print(d.request("ping", 1))
    print(d.request("slow", 2))
    print(d.request("echo", 3))
    print(d.request("extra", 4))
    d.inbox.put(("stop", None))
    while not d.stopped.wait(0.01):
        pass
    t.join()
    print("log", d.log)

    # default-argument queue
    def produce():
        for i in range(3):
            post(i)

    producer = threading.Thread(target=produce)
    producer.start()
    producer.join()
    results = []
    results.append(take())
    results.append(take(timeout=1))
    print("got", take(), "then", results)

    flag = len(results) > 1
    _default_q.put("maybe")
    x = _default_q.get() if flag else None
    print("x", x)
    y = None if not flag else logged(take, _default_q, 0.5) if _default_q.put("again") is None else 0
    print("y", y)


if __name__ == "__main__":
    main()
