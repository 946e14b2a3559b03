# greenify: needs concurrent._gyfbase, concurrent._gyfthread, concurrent._gyfgreen
# greenify compat: CPython's `concurrent.futures` (ThreadPoolExecutor, Future, as_completed,
# wait) on both backends; the variant of the backend is loaded (the other one stays on flash):
#   thread: concurrent/_gyfthread.py, workers are `_thread` threads and waits block;
#   green:  concurrent/_gyfgreen.py, workers are green threads and the waits are awaitables
#           that the rewriter awaits (docs/COMPAT.md). Also what green output uses on CPython.
# ProcessPoolExecutor is the thread pool: a device has one process (docs/COMPAT.md).
from concurrent._gyfbase import (
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ALL_COMPLETED,
    TimeoutError,
    Error,
    CancelledError,
    InvalidStateError,
    BrokenExecutor,
)

if getattr(__import__("greenify"), "BACKEND", "green") == "thread":
    from concurrent._gyfthread import Future, Executor, ThreadPoolExecutor, as_completed, wait
else:
    from concurrent._gyfgreen import Future, Executor, ThreadPoolExecutor, as_completed, wait

ProcessPoolExecutor = ThreadPoolExecutor
