import queue

_box = queue.Queue()


def handle(payload):
    _box.put(payload.upper())
    return _box.get(timeout=1)
