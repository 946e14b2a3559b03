# threading.excepthook and what it prints, both backends: loaded when a thread ends with an
# exception (or the program names excepthook / ExceptHookArgs), so a program whose threads
# never fail does not load it.  Shipped with every program: any thread may fail.
import sys
from greenify import _shared as S


class ExceptHookArgs:
    # CPython's structseq: built from one 4-sequence, readable by name or index.

    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args
        self._t = tuple(args)

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 4

    def __iter__(self):
        return iter(self._t)


def print_exc(exc, file):
    # Traceback text to `file`, the native way on each implementation.
    if hasattr(sys, "print_exception"):
        sys.print_exception(exc, file)
    else:
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__, file=file)


def excepthook(args):
    # Default threading.excepthook: CPython's text, SystemExit silent.
    if args.exc_type is SystemExit or isinstance(args.exc_value, SystemExit):
        return
    err = sys.stderr
    if err is None:
        return
    th = args.thread
    who = th.name if th is not None else (S.current_thread() and S.current_thread().ident)
    print("Exception in thread %s:" % who, file=err)
    print_exc(args.exc_value, err)
    if hasattr(err, "flush"):
        err.flush()


def call_excepthook(hook, exc, thread):
    # Runs the (possibly user-replaced) hook for `exc`; a failing hook is reported, not
    # raised.  Returns what the hook returns (a converted hook's coroutine, for the green
    # backend to await).
    try:
        return hook(ExceptHookArgs((type(exc), exc, getattr(exc, "__traceback__", None), thread)))
    except BaseException as e:  # noqa: B036 - a hook must never kill the runtime
        excepthook_failed(e)


def excepthook_failed(e):
    # What CPython prints when threading.excepthook itself raises (SystemExit: nothing).
    if isinstance(e, SystemExit):
        return
    print("Exception in threading.excepthook:", file=sys.stderr)
    print_exc(e, sys.stderr)


__excepthook__ = excepthook
