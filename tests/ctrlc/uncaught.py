# Ctrl-C not caught: the main thread's sleep raises KeyboardInterrupt, the program ends with it
# (exit status of SIGINT, 130); a daemon thread vanishes, a finally block in main runs.
import threading
import time


def spin():
    while True:
        time.sleep(0.02)


threading.Thread(target=spin, daemon=True).start()
print("ready")
try:
    time.sleep(30)
finally:
    print("finally ran")
