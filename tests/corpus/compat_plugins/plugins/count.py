import threading

_lock = threading.Lock()
_seen = []


def handle(payload):
    with _lock:
        _seen.append(payload)
        return len(payload.split())
