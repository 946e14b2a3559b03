# The first customer's acceptance scenario: two threads hand numbers through a queue while the
# main thread waits. It must print the same lines on CPython and on MicroPython (both backends).
import time as time
import threading
from queue import Queue


def isodatetime():
    """The current local time as YYYY-MM-DDTHH:MM:SS."""
    year, month, day, hour, minute, second = time.localtime(time.time())[:6]
    return '{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}'.format(year, month, day, hour, minute, second)


def threadlog(*args):
    # One print call per line, so lines from two threads never interleave on CPython.
    words = [str(threading.current_thread()), isodatetime()] + [str(arg) for arg in args]
    print(' '.join(words))


def a(q):
    for i in range(4):
        q.put(i)
        threadlog('enqueue', i)
        time.sleep(1)
    threadlog('finished iterations, exiting.')


def b(q):
    while True:
        i = q.get(block=True)
        if i is None:
            threadlog('received stop message, exiting.')
            break
        threadlog('dequeue', i)


threadlog('Started.')
q = Queue()
t1 = threading.Thread(name='t1', target=a, args=(q,))
t2 = threading.Thread(name='t2', target=b, args=(q,))
t1.start()
t2.start()
t1.join()
q.put(None)
t2.join()
threadlog('finished.')
