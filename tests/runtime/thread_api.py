# Thread: default names, repr texts, identity functions, liveness, join with timeout,
# subclasses, the errors CPython raises, camelCase aliases, stack_size, settrace.
import threading
import time


def work(x, y=0):
    me = threading.current_thread()
    print("in thread:", me.name, x + y, me is not threading.main_thread(),
          threading.get_ident() == me.ident, me.ident is not None)
    print(repr(me))


def noop():
    pass


main = threading.main_thread()
print(main.name, repr(main), threading.current_thread() is main, main.is_alive(), main.daemon)
t1 = threading.Thread(target=work, args=(1,), kwargs={"y": 2})
t2 = threading.Thread()
t3 = threading.Thread(name="custom", target=noop)
t4 = threading.Thread(target=noop, daemon=True)
t5 = threading.Thread(target=noop, name=0)
for t in (t1, t2, t3, t4, t5):
    print(repr(t), t.ident, t.is_alive(), t.daemon)
t1.start()
t1.join()
print(repr(t1), t1.is_alive())
t4.start()
t4.join()
print(repr(t4))
t2.start()
t2.join()

# enumerate / active_count while some threads run.
stop = threading.Event()


def parked():
    stop.wait()


ts = [threading.Thread(target=parked, name="p%d" % i) for i in range(3)]
for t in ts:
    t.start()
names = sorted(t.name for t in threading.enumerate())
print(names, threading.active_count())
print(all(t.is_alive() for t in ts), len(set(t.ident for t in ts)))
stop.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])

# join(timeout) returns after the timeout while the thread still runs.
gate = threading.Event()
slow = threading.Thread(target=gate.wait, name="slow")
slow.start()
slow.join(0.05)
print("after join(timeout):", slow.is_alive())
gate.set()
slow.join()
print("after join():", slow.is_alive())

# Errors.
t = threading.Thread(target=noop)
for label, fn in (("join before start", t.join),):
    try:
        fn()
    except RuntimeError as e:
        print(label, "RuntimeError:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("start twice RuntimeError:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("daemon after start RuntimeError:", e)
t.join()
try:
    main.join()
except RuntimeError as e:
    print("join main from main RuntimeError:", e)
errs = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errs.append(str(e))


t = threading.Thread(target=join_self)
t.start()
t.join()
print("join self RuntimeError:", errs)


# A subclass overriding run(), with its own __init__.
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.result = None

    def run(self):
        time.sleep(0.001)
        self.result = self.n * 10


w = Worker(4)
print(repr(w))
w.start()
w.join()
print(w.result, repr(w))

# Daemon flag is inherited from the creating thread.
inherited = []


def spawn_child():
    c = threading.Thread(target=noop)
    inherited.append(c.daemon)


d = threading.Thread(target=spawn_child, daemon=True)
d.start()
d.join()
print("child of daemon is daemon:", inherited)

# camelCase aliases (deprecated in CPython, still there).
t = threading.Thread(target=noop, name="old")
t.setName("renamed")
t.setDaemon(True)
print(t.getName(), t.isDaemon(), t.name, t.daemon)
t.name = "again"
print(t.name)

# stack_size is accepted (meaningless for green threads), settrace/gettrace store the hook.
print(threading.stack_size(), threading.stack_size(65536), threading.stack_size())
threading.stack_size(0)
try:
    threading.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
print(threading.TIMEOUT_MAX > 1000, issubclass(threading.ThreadError, Exception))


def tracer(*a):
    return None


threading.settrace(tracer)
print(threading.gettrace() is tracer)
threading.settrace(None)
threading.setprofile(tracer)
print(threading.getprofile() is tracer)
threading.setprofile(None)
print(threading.get_native_id() is not None, main.native_id is not None)
