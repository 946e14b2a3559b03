# Request/response through a tiny Future (Event + result slot), the RPC pattern agents use to talk
# to a hardware-owning thread.
# Exercises: a Future class whose result(timeout) waits on an Event and raises a custom Timeout
# error, a service thread owning the "hardware", several client threads each waiting for their own
# replies, exceptions transported through the future, a request answered only after its timeout
# expired (the late reply is then still readable).
import threading
import queue
import time


class Timeout(Exception):
    pass


class Future:
    def __init__(self):
        self._done = threading.Event()
        self._value = None
        self._error = None

    def set_result(self, value):
        self._value = value
        self._done.set()

    def set_error(self, err):
        self._error = err
        self._done.set()

    def result(self, timeout=None):
        if not self._done.wait(timeout):
            raise Timeout()
        if self._error is not None:
            raise self._error
        return self._value


class Service:
    def __init__(self):
        self.requests = queue.Queue()
        self.hold = threading.Event()
        self.thread = threading.Thread(target=self.serve, name="hw-service")

    def call(self, op, arg):
        fut = Future()
        self.requests.put((op, arg, fut))
        return fut

    def serve(self):
        while True:
            op, arg, fut = self.requests.get()
            if op == "stop":
                fut.set_result("stopped")
                return
            if op == "slow":
                self.hold.wait()
            if op == "div":
                try:
                    fut.set_result(100 // arg)
                except ZeroDivisionError as e:
                    fut.set_error(e)
                continue
            time.sleep(0.0005)
            fut.set_result(op + ":" + str(arg))


def client(svc, cid, out, lock):
    answers = []
    for i in range(3):
        answers.append(svc.call("read", cid * 10 + i).result())
    with lock:
        out.append((cid, answers))


def main():
    svc = Service()
    svc.thread.start()
    out = []
    lock = threading.Lock()
    clients = [threading.Thread(target=client, args=(svc, c, out, lock)) for c in range(3)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    for cid, answers in sorted(out):
        print("client", cid, answers)

    print("div:", svc.call("div", 4).result())
    try:
        svc.call("div", 0).result()
    except ZeroDivisionError:
        print("div by zero travelled back")

    slow = svc.call("slow", 1)
    try:
        slow.result(timeout=0.01)
    except Timeout:
        print("slow: timed out")
    svc.hold.set()
    print("slow late result:", slow.result())
    print(svc.call("stop", 0).result(1.0))
    svc.thread.join()


main()
