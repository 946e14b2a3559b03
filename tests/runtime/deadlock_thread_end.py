# battery: backends=green,host
# battery: status=3
# battery: stderr=greenify: deadlock
# battery: stderr=waiter
# battery: stderr=Event.wait
# expect: forgetful ends without setting the event
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
