# Request/response RPC over queues with correlation ids (`import queue as Q`, `import threading as T`):
# a server thread dispatching through a table of bound methods, a reply that is lost (client's `get(timeout=...)`
# raises Q.Empty → custom RpcTimeout), a late reply discarded by id on the next call, server-side
# exceptions carried back and re-raised, three client threads with private reply queues whose
# results are printed sorted, and a `while True` / `try/except/else` shaped client loop.
import queue as Q
import threading as T
import time


class RpcTimeout(Exception):
    pass


class RemoteError(Exception):
    pass


class Server(T.Thread):
    def __init__(self, requests, **kw):
        super().__init__(name="rpc-server", **kw)
        self.requests = requests
        self.release_slow = T.Event()
        self.handled = 0
        self.methods = {"add": self.do_add, "div": self.do_div, "drop": self.do_drop,
                        "slow": self.do_slow, "echo": self.do_echo}

    def run(self):
        while True:
            msg = self.requests.get()
            if msg is None:
                break
            cid, method, args, reply_to = msg
            self.handled += 1
            try:
                result = self.methods[method](*args)
            except Exception as e:
                reply_to.put((cid, "err", type(e).__name__))
            else:
                if result is not LOST:
                    reply_to.put((cid, "ok", result))

    def do_add(self, a, b):
        return a + b

    def do_div(self, a, b):
        return a // b

    def do_drop(self):
        return LOST

    def do_slow(self, x):
        self.release_slow.wait()
        return x * 2

    def do_echo(self, *parts):
        time.sleep(0.001)
        return "-".join(parts)


LOST = object()


class Client:
    _ids = 0
    _ids_lock = T.Lock()

    def __init__(self, requests, label):
        self.requests = requests
        self.replies = Q.Queue()
        self.label = label
        self.stale = []

    @classmethod
    def next_id(cls):
        with cls._ids_lock:
            cls._ids += 1
            return cls._ids

    def call(self, method, *args, timeout=0.5):
        cid = self.next_id()
        self.requests.put((cid, method, args, self.replies))
        deadline = time.time() + timeout
        while True:
            remaining = deadline - time.time()
            try:
                rid, status, value = self.replies.get(timeout=max(remaining, 0.001))
            except Q.Empty:
                raise RpcTimeout("%s #%d timed out" % (method, cid))
            if rid != cid:
                self.stale.append(rid)
                continue
            if status == "err":
                raise RemoteError(value)
            return value


def run_client(client, n, results, lock):
    got = []
    for i in range(n):
        got.append(client.call("echo", client.label, str(i)))
    with lock:
        results[client.label] = got


def main():
    requests = Q.Queue(maxsize=4)
    server = Server(requests, daemon=False)
    server.start()
    c = Client(requests, "main")
    print("add:", c.call("add", 2, 3))
    try:
        c.call("div", 1, 0)
    except RemoteError as e:
        print("remote error:", e)
    try:
        c.call("drop", timeout=0.02)
    except RpcTimeout as e:
        print("timeout:", e)
    try:
        c.call("slow", 21, timeout=0.02)
    except RpcTimeout as e:
        print("timeout:", e)
    server.release_slow.set()
    print("add after late reply:", c.call("add", 40, 2), "stale ids:", c.stale)

    results = {}
    lock = T.Lock()
    workers = []
    for label in ("a", "b", "c"):
        cl = Client(requests, label)
        w = T.Thread(target=run_client, args=(cl, 3), kwargs={"results": results, "lock": lock})
        workers.append(w)
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    for label in sorted(results):
        print(label, results[label])
    requests.put(None)
    server.join()
    print("handled:", server.handled, "next id:", Client.next_id(), "server alive:", server.is_alive())
    print("names:", sorted(w.name for w in workers))


if __name__ == "__main__":
    main()
