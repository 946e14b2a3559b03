# An uncaught exception in a thread: "Exception in thread NAME:" and the traceback on stderr,
# the other threads and main go on. SystemExit in a thread is silent.
import sys
import threading


def crash():
    raise ValueError("boom")


t = threading.Thread(target=crash, name="crasher")
t.start()
t.join()
print("main goes on")
s = threading.Thread(target=sys.exit, args=(2,))
s.start()
s.join()
print("silent exit done")
