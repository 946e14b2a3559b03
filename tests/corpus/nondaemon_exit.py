# Non-daemon threads are waited for at exit, without any explicit join().
# Exercises: the interpreter's implicit wait at the end of the main script; threads that are blocked
# on an Event which the main script sets as its very last statement, so their output comes after
# the main thread's last print; a thread that keeps working (sleep, queue) after main returned.
import threading
import queue
import time

go = threading.Event()
handoff = queue.Queue()


def finisher():
    go.wait()
    time.sleep(0.002)
    print("finisher: main is gone, finishing work")
    handoff.put("from finisher")


def last_word():
    msg = handoff.get()
    time.sleep(0.001)
    print("last_word got:", msg)
    print("last_word: done")


threading.Thread(target=finisher, name="finisher").start()
threading.Thread(target=last_word, name="last-word").start()
print("main: started", threading.active_count() - 1, "threads")
print("main: returning without join")
go.set()
