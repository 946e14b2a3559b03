# Thread-N default names of built-in targets: `Thread(target=print)` is "Thread-N (print)" (on
# MicroPython built-in functions have no __name__; on the thread backend print is replaced by a
# line-atomic print, which must still be named print), `len`, `sorted`; a Python callable object
# without __name__ gets no suffix.
import threading


class Job:
    def __call__(self):
        pass


def main():
    for target, args, kw in ((print, ("a", "b"), {"sep": "+"}), (len, ([1],), {}),
                             (sorted, ([2, 1],), {}), (Job(), (), {})):
        t = threading.Thread(target=target, args=args, kwargs=kw)
        print("before:", t.name)
        t.start()
        t.join()
        print("after:", t.name)
    t = threading.Timer(0, print, args=("timer",))
    t.start()
    t.join()
    print("timer:", t.name)


main()
