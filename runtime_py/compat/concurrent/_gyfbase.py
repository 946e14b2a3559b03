# greenify: needs _gycompat, collections
# greenify compat: what both variants of `concurrent.futures` share (concurrent/futures.py picks
# the variant of the backend): constants, exceptions, future states, the clock.
from collections import namedtuple

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

TimeoutError = __import__("_gycompat").TimeoutError


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


_PENDING, _RUNNING, _CANCELLED, _NOTIFIED, _FINISHED = "PENDING", "RUNNING", "CANCELLED", "CANCELLED_AND_NOTIFIED", "FINISHED"
_STATE_REPR = {_PENDING: "pending", _RUNNING: "running", _CANCELLED: "cancelled", _NOTIFIED: "cancelled", _FINISHED: "finished"}

DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")


def _repr(f):
    # CPython's Future repr, from the future's fields.
    st = _STATE_REPR[f._state]
    if f._state == _FINISHED:
        if f._exception is not None:
            return "<Future at 0x%x state=%s raised %s>" % (id(f), st, type(f._exception).__name__)
        return "<Future at 0x%x state=%s returned %s>" % (id(f), st, type(f._result).__name__)
    return "<Future at 0x%x state=%s>" % (id(f), st)


def _stop_waiting(done, pending, return_when):
    # Whether wait() has what it waits for (done futures are finished or cancelled).
    if not pending:
        return True
    if return_when == FIRST_COMPLETED:
        return bool(done)
    if return_when == FIRST_EXCEPTION:
        return any(f._state == _FINISHED and f._exception is not None for f in done)
    return False


def _now():
    import time

    return time.monotonic() if hasattr(time, "monotonic") else time.ticks_ms() / 1000


def _left(deadline):
    return None if deadline is None else max(0.0, deadline - _now())
