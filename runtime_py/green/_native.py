# greenify: when asyncio, uasyncio
# The Thread object of a native asyncio task (one the program created itself) that calls
# into the runtime: named like CPython's foreign threads (Dummy-N).  Loaded the first time
# such a task asks for current_thread(); shipped to programs that name asyncio.
from greenify import _kernel as K
from greenify import _shared as S
from greenify import threading as T


class _DummyThread(T.Thread):
    # A native asyncio task using the runtime: named like CPython's foreign threads.
    def __init__(self, task):
        T.Thread.__init__(self, name=S.newname("Dummy-%d"), daemon=True)
        self._w_st = 0
        K.tasks[task] = self
        T._natives.append(self)

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")
