# Every import form of threading, queue, time and utime; the runtime import lands on line 2.
import threading
import threading as th
from threading import Thread, Lock as L, Event
from queue import *
import queue as qm
import time as t
from time import sleep as nap
import utime
from utime import sleep_ms

lock = L()


def a(q):
    q.put(1)
    t.sleep(0.1)
    nap(0.1)
    utime.sleep_us(5)
    sleep_ms(3)


def b():
    inbox = Queue()
    other = qm.LifoQueue()
    return inbox.get() + other.get()


def c():
    ev = th.Event()
    ev.wait()
    e2 = Event()
    e2.wait(0.5)


def d():
    import time
    from queue import SimpleQueue as SQ
    time.sleep(1)
    s = SQ()
    s.get()


def e():
    w = Thread(target=a, args=(Queue(),))
    w.start()
    w.join()
    with lock:
        pass
