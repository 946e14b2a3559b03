# battery: backends=green status=3 stderr=greenify: deadlock stderr=waiter stderr=Event.wait
# The only thread that could set the event ends without setting it: reported, exit 3.
import threading
import time

ev = threading.Event()


def waiter():
    ev.wait()


def forgetful():
    time.sleep(0.05)
    print("forgetful ends without setting the event")


w = threading.Thread(target=waiter, name="waiter")
w.start()
threading.Thread(target=forgetful, name="forgetful").start()
w.join()
