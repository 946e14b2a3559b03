"""Thread backend: how a thread waits on `_thread` locks, which have no timeout.

* Deadlines in raw ticks (`deadline`, `left`) and TIMEOUT_MAX, the longest one that fits.
* `timed(lock, timeout)`: a timed acquire of a raw lock, by polling with an exponential
  back-off (POLL_MIN_US doubling up to POLL_MAX_US; greenify.set_poll_interval tunes them).
  It never returns before the deadline; a release is seen at most POLL_MAX_US late.
* A pool of armed waiter locks (`waiter`/`unwaiter`): allocating a `_thread` lock costs
  ~30 us on the unix port, reusing one a list pop.
See docs/THREAD_BACKEND.md.
"""
import sys
from _thread import allocate_lock as _alloc
from greenify import _shared
from greenify._plat import MPY

# Back-off of timed waits, in microseconds. On a microcontroller, sleeps shorter than the
# RTOS tick may be busy-waits (holding the GIL): start at 1 ms there, and wake less often
# (power).
if sys.platform in ("linux", "darwin", "win32", "freebsd", "webassembly"):
    POLL_MIN_US = 50
    POLL_MAX_US = 5000
else:
    POLL_MIN_US = 1000
    POLL_MAX_US = 10000

if MPY:
    from time import ticks_us as _ticks_us, ticks_ms as _ticks_ms, ticks_diff as _tdiff
    from time import ticks_add as _tadd, sleep_us as _sleep_us

    # Deadlines of the waiting loops are raw ticks: they must stay within half the ticks
    # period (2**62 on unix: microsecond ticks; 2**30 on boards: millisecond ticks).
    _HALF = (_tadd(0, -1) + 1) >> 1
    if _HALF // 1000000 > _shared.TIMEOUT_MAX:
        _clock, _UNIT = _ticks_us, 1000000
    else:
        _clock, _UNIT = _ticks_ms, 1000
    TIMEOUT_MAX = min(_shared.TIMEOUT_MAX, float(_HALF // _UNIT - 1))

    def deadline(timeout):
        # +1 tick: two truncated readings may under-measure by up to one tick; never early.
        return _tadd(_clock(), int(timeout * _UNIT) + 1)

    def left(deadline):
        return _tdiff(deadline, _clock()) / _UNIT

else:  # CPython: its locks have timeouts
    from time import monotonic as _mono

    TIMEOUT_MAX = _shared.TIMEOUT_MAX

    def deadline(timeout):
        return _mono() + timeout

    def left(deadline):
        return deadline - _mono()


def timed(lock, timeout):
    """Acquire the raw `lock` within `timeout` seconds; True if acquired.

    Polls with an exponential back-off; elapsed time is summed from consecutive short
    tick differences, so it is correct for any timeout whatever the ticks period.
    """
    if lock.acquire(0):
        return True
    if timeout <= 0:
        return False
    if not MPY:
        return lock.acquire(True, timeout)
    rest = int(timeout * 1000000) + 1
    d = POLL_MIN_US
    cap = POLL_MAX_US
    t0 = _ticks_us()
    while True:
        _sleep_us(d if d < rest else rest)
        if lock.acquire(0):
            return True
        t1 = _ticks_us()
        rest -= _tdiff(t1, t0)
        if rest <= 0:
            return False
        t0 = t1
        if d < cap:
            d += d
            if d > cap:
                d = cap


_pool = []  # armed (acquired) waiter locks for reuse
_pool_lock = _alloc()


def waiter():
    with _pool_lock:
        if _pool:
            return _pool.pop()
    w = _alloc()
    w.acquire()
    return w


def unwaiter(w):
    # `w` must be armed (held) and in no waiter list: nobody will release it any more.
    with _pool_lock:
        if len(_pool) < 32:
            _pool.append(w)
