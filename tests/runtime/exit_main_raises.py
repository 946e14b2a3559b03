# battery: status=1
# The main script dies of an exception: non-daemon threads still run to completion.
import threading
import time


def worker():
    time.sleep(0.05)
    print("worker finished after main raised")


threading.Thread(target=worker).start()
print("main raises")
raise SystemExit(1) if False else ValueError("main failed")
