# greenify: when RLock
# threading.RLock for green threads, loaded on first use (Condition's default lock is one).
# A release hands the lock straight to the longest waiting thread with its count.
from greenify import _kernel as K
from greenify import _shared as S
from greenify import threading as T

_K_RLOCK = ("RLock.acquire", False)


class RLock(T._LockBase):
    def __init__(self):
        self._owner = None
        self._count = 0
        self._wl = []

    def acquire(self, blocking=True, timeout=-1):
        t = T._lock_timeout(blocking, timeout)
        me = T.current_thread()
        if self._owner is None or self._owner is me:
            self._owner = me
            self._count += 1
            return K.TRUE if blocking else True
        if not blocking:
            return False
        if t == 0:
            return K.FALSE
        if me._w_cnt != 1:
            me._w_cnt = 1  # a Condition wait may have left its saved count here
        return me._w_arm(self._wl, t, _K_RLOCK)

    def release(self):
        if self._owner is not T.current_thread():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._pass()

    def _pass(self):
        wl = self._wl
        if wl:
            w = wl.pop(0)
            self._owner = w
            self._count = w._w_cnt
            K.grant(w)
        else:
            self._owner = None

    def locked(self):
        return self._owner is not None

    def _is_owned(self):
        return self._owner is T.current_thread()

    def _release_save(self):
        if not self._is_owned():
            raise RuntimeError("cannot release un-acquired lock")
        c = self._count
        self._count = 0
        self._pass()
        return c

    def _gy_take(self, w):
        if self._owner is not None:
            return False
        self._owner = w
        self._count = w._w_cnt
        return True

    def __repr__(self):
        o = self._owner
        return "<%s _thread.RLock object owner=%d count=%d at %s>" % (
            "locked" if o else "unlocked", o.ident if o else 0, self._count, S.addr(self))
