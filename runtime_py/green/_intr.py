# greenify: when KeyboardInterrupt, signal
"""Ctrl-C on the green backend (MicroPython): what the kernel does when KeyboardInterrupt leaves
the scheduler.  Loaded on the first Ctrl-C; shipped to programs that name KeyboardInterrupt or
import signal (docs/RUNTIME.md, "Ctrl-C and signals")."""
import sys
from time import sleep_ms
from greenify import _kernel as K

core = K.core
tasks = K.tasks

def resume(task, until, e):
    """The rest of the kernel's _run once Ctrl-C (`e`) left the loop, or (e None) the loop
    emptied while the main thread's call waits and a SIGINT handler is set."""
    while True:
        if e is not None and not interrupted(task, e):
            raise e
        try:
            if task.done():
                # It ended while a signal handler ran the loop: its outcome is kept.
                er = task.data
                if isinstance(er, StopIteration):
                    return er.value
                raise er
            r = until(task)
            if task.done() or K.sigint is None:
                return r
            # Nothing can run and the call is not done: only Ctrl-C can change that (the
            # loop returned, having nothing to wait on).  Sleep until it comes.
            while True:
                sleep_ms(1 << 20)
        except KeyboardInterrupt as x:
            e = x


def _in_task(e):
    # Whether a KeyboardInterrupt was raised in a task's code rather than while the loop
    # waited for I/O or time: its traceback goes on past run_until_complete into something
    # other than wait_io_event.  (Only read on Ctrl-C: allocating is fine here.)
    import io

    buf = io.StringIO()
    sys.print_exception(e, buf)
    lines = buf.getvalue().split("\n")
    for i, line in enumerate(lines):
        if line.endswith("in run_until_complete"):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            return nxt.startswith("  File") and not nxt.endswith("in wait_io_event")
    return False


def interrupted(task, e):
    """Ctrl-C reached the scheduler while the main thread waited in `task`.

    MicroPython raises KeyboardInterrupt wherever code runs: in the loop's wait (every
    thread blocked or sleeping) or in the code of the thread that was running.  CPython
    raises it in the main thread only.  Here the loop is left as the main thread's blocking
    call: the main thread's wait is withdrawn, `current_thread()` is MainThread again, and
    a thread whose code the interrupt unwound ends (its coroutine cannot be resumed; it
    ends without a report, as it would not have been interrupted on CPython).  With a
    signal.signal(SIGINT, ...) handler, the handler runs in the main thread and True is
    returned: the loop resumes and the main thread's call goes on, as on CPython (unless
    the interrupt unwound the main thread's own code)."""
    t = core.cur_task
    hit = t is not None and _in_task(e)
    resume = K.sigint is not None and not (hit and t is task)
    if not resume:
        _withdraw(task)  # first: ending a thread below must not see the main thread waiting
    if hit and t is not task:
        th = tasks.get(t)
        if th is not None and th is not K.main_w and th._w_st != 5:
            th._gy_end()
    core.cur_task = None
    if resume:
        try:
            r = K.sigint(2, None)
            if K.awaitable(r):
                # A converted handler (it blocks).  The main thread's own call is still
                # pending on the main thread's Waiter, so the handler waits as a thread of
                # its own, named MainThread.
                h = core.create_task(_await(r))
                from greenify.threading import _MainThread

                tasks[h] = _MainThread()
                try:
                    core.run_until_complete(h)
                finally:
                    tasks.pop(h, None)
                    core.cur_task = None
        except BaseException:  # noqa: B036 - the handler raised: the main thread's call ends
            _withdraw(task)
            raise
    return resume


async def _await(aw):
    return await aw


def _withdraw(task):
    # The main thread leaves its blocking call: off its wait list, its task off the queue.
    w = K.main_w
    if w._w_st in (1, 2, 3, 4):
        if w._w_st in (1, 2) and w._w_wl is not None and w in w._w_wl:
            w._w_wl.remove(w)
        w._w_st = 0
        w._w_val = None
        w._w_lk = None
        w._w_ret = True
        w._w_item = None
        w._w_ms = None
    core._task_queue.remove(task)  # a sleeping or timed wait is queued with its deadline
    task.data = K._CANCEL
