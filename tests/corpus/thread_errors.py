# Misuse errors the threading API reports.
# Exercises: start() twice (RuntimeError), join() before start() (RuntimeError), a thread joining
# itself (RuntimeError), setting daemon on a started thread (RuntimeError), Condition.wait()
# without the lock (RuntimeError), Semaphore(-1) (ValueError), Lock.release() of an unlocked lock
# (RuntimeError), Queue.task_done() too often (ValueError), and the program carrying on.
import threading
import queue
import time


def attempt(label, fn):
    try:
        fn()
        print(label, "-> ok")
    except RuntimeError:
        print(label, "-> RuntimeError")
    except ValueError:
        print(label, "-> ValueError")


def self_join(out):
    try:
        threading.current_thread().join()
        out.append("joined itself?")
    except RuntimeError:
        out.append("RuntimeError")


def pause():
    time.sleep(0.002)


def main():
    t = threading.Thread(target=pause, name="once")
    attempt("join before start", t.join)
    t.start()
    attempt("daemon after start", lambda: setattr(t, "daemon", True))
    t.join()
    attempt("start twice", t.start)
    attempt("join finished thread", t.join)

    out = []
    s = threading.Thread(target=self_join, args=(out,))
    s.start()
    s.join()
    print("self join ->", out[0])

    cond = threading.Condition()

    def wait_unlocked():
        cond.wait(0.01)

    attempt("wait without lock", wait_unlocked)
    attempt("notify_all without lock", cond.notify_all)
    attempt("Semaphore(-1)", lambda: threading.Semaphore(-1))
    lock = threading.Lock()
    attempt("release unlocked", lock.release)
    q = queue.Queue()
    q.put(1)
    q.get()
    q.task_done()
    attempt("task_done again", q.task_done)
    print("still running:", threading.current_thread().name)


main()
