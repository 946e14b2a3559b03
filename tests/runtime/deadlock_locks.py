# battery: backends=green,host
# battery: status=3
# battery: stderr=greenify: deadlock
# battery: stderr=alpha
# battery: stderr=beta
# battery: stderr=MainThread
# expect: main joins
# Two threads each hold one lock and wait for the other's: greenify reports the deadlock
# (naming every thread and what it waits on) and exits with status 3 instead of hanging.
import threading
import time

a = threading.Lock()
b = threading.Lock()


def alpha():
    with a:
        time.sleep(0.01)
        with b:
            print("alpha never gets here")


def beta():
    with b:
        time.sleep(0.01)
        with a:
            print("beta never gets here")


ts = [threading.Thread(target=alpha, name="alpha"), threading.Thread(target=beta, name="beta")]
for t in ts:
    t.start()
print("main joins")
for t in ts:
    t.join()
print("never printed")
