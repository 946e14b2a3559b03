# GY107: a `with` that mixes a lock with another context manager (`async with` would apply to
# both).
import threading

lock = threading.Lock()
log = open("/dev/null", "w")


def mixed_with():
    with lock, log:                  # GY107
        pass
