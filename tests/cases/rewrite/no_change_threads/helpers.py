# Threads, locks and events, but nothing that blocks: this file is copied byte for byte.
import threading

lock = threading.Lock()
done = threading.Event()


def beat():
    if lock.acquire(False):
        lock.release()
    done.set()


def start():
    t = threading.Thread(target=beat, daemon=True)
    t.start()
    return t.is_alive()
