# Object lifecycles in an agent: services whose __init__ creates Thread(target=self._loop) and whose
# own start()/stop()/join() methods (user methods with thread-like names) start, signal and join it;
# a registry class attribute, a staticmethod factory, a context manager whose __enter__ only starts
# (non-blocking) and an explicit stop_and_join(); a property reading is_alive(); services started in a
# loop, stopped in reverse order; a subclass overriding a blocking hook called from the base loop;
# a Thread created in one thread and started/joined from another; the builtin print as a target.
import threading
import queue
import time


class Service:
    registry = []

    def __init__(self, name, *, inbox_size=0, poll=0.01):
        self.name = name
        self.inbox = queue.Queue(maxsize=inbox_size)
        self.poll = poll
        self.handled = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="svc-" + name, daemon=False)
        Service.registry.append(self)

    @staticmethod
    def create(kind, name, **kw):
        cls = {"echo": EchoService, "slow": SlowService}[kind]
        return cls(name, **kw)

    @property
    def running(self):
        return self._thread.is_alive()

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()

    def join(self, timeout=None):
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def stop_and_join(self):
        self.stop()
        return self.join(1.0)

    def submit(self, item):
        self.inbox.put(item)

    def _loop(self):
        while not self._stop.is_set():
            try:
                item = self.inbox.get(timeout=self.poll)
            except queue.Empty:
                continue
            self.handled.append(self.handle(item))
            self.inbox.task_done()
        self.on_stop()

    def handle(self, item):
        return item

    def on_stop(self):
        pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False


class EchoService(Service):
    def handle(self, item):
        return "echo:%s" % (item,)


class SlowService(Service):
    def handle(self, item):
        time.sleep(0.002)
        return super().handle(item) * 2

    def on_stop(self):
        time.sleep(0.001)
        self.handled.append("bye")


def starter(holder, ready):
    def record(text):
        holder.append(text)

    t = threading.Thread(target=record, args=("made by " + threading.current_thread().name,))
    holder.append(t)
    ready.set()


def main():
    services = [Service.create("echo", "e1"), Service.create("slow", "s1", inbox_size=2, poll=0.005),
                Service.create(kind="echo", name="e2", poll=0.02)]
    print("running before:", [s.running for s in services])
    for s in services:
        s.start()
    print("running after:", [s.running for s in services])
    for i in range(4):
        for s in services:
            s.submit(i)
    for s in services:
        s.inbox.join()
    for s in reversed(services):
        s.stop()
        print(s.name, "joined:", s.join(), s.handled)
    print("registry:", [type(s).__name__ + "/" + s.name for s in Service.registry])

    with Service.create("slow", "ctx") as svc:
        svc.submit("x")
        svc.inbox.join()
    print("ctx stopped-and-joined:", svc.join(1.0), svc.handled, svc.running)
    svc2 = SlowService("manual").start()
    svc2.submit(5)
    svc2.inbox.join()
    print("manual:", svc2.stop_and_join(), svc2.handled)

    holder = []
    ready = threading.Event()
    maker = threading.Thread(target=starter, args=(holder, ready), name="maker")
    maker.start()
    ready.wait()
    maker.join()
    made = holder[0]
    made.start()
    made.join()
    print("made:", holder[1], "name:", made.name, "alive:", made.is_alive())
    p = threading.Thread(target=print, args=("printed", "by", "a", "thread"), kwargs={"sep": "-"})
    p.start()
    p.join()
    print("print thread:", p.name)
    print("active:", threading.active_count())


main()
