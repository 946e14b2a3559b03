# greenify compat: the `signal` module for MicroPython, which has none (docs/RUNTIME.md, "Ctrl-C
# and signals").  What a port can deliver: SIGINT, which MicroPython turns into KeyboardInterrupt
# (unix port: its own handler; bare-metal boards: Ctrl-C on the REPL UART).  A Python SIGINT
# handler set here runs in the main thread when that KeyboardInterrupt reaches the green
# runtime's scheduler, and the main thread's blocking call then goes on, as on CPython.  Other
# signals (SIGTERM...) cannot be caught from Python on MicroPython (no signal, no ffi in the
# unix port's standard build): handlers are accepted and kept, never run, and the signal acts as
# the OS decides (SIGTERM ends the process, as it does on CPython without a handler).
# On CPython (host runs of an output) this file hands over to the real module.
import sys

if sys.implementation.name == "micropython":
    SIGINT = 2
    SIGTERM = 15
    SIGHUP = 1
    SIGQUIT = 3
    SIGUSR1 = 10
    SIGUSR2 = 12
    SIGALRM = 14
    SIG_DFL = 0
    SIG_IGN = 1
    NSIG = 65

    def default_int_handler(signum, frame):
        raise KeyboardInterrupt

    _handlers = {}

    def _check(signum):
        if not isinstance(signum, int):
            raise TypeError("an integer is required")
        if not 1 <= signum < NSIG:
            raise ValueError("signal number out of range")
        if signum in (9, 19):  # SIGKILL, SIGSTOP
            raise OSError(22, "Invalid argument")

    def getsignal(signum):
        _check(signum)
        return _handlers.get(signum, default_int_handler if signum == SIGINT else SIG_DFL)

    def _ignore(signum, frame):
        pass

    def signal(signum, handler):
        _check(signum)
        if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
            raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        old = getsignal(signum)
        _handlers[signum] = handler
        if signum == SIGINT:
            _install(None if handler is SIG_DFL or handler is default_int_handler
                     else _ignore if handler is SIG_IGN else handler)
        return old

    def _install(h):
        # The green runtime's scheduler calls it when Ctrl-C reaches it (greenify._kernel).
        k = sys.modules.get("greenify._kernel")
        if k is not None and hasattr(k, "sigint"):
            k.sigint = h

    def raise_signal(signum):
        _check(signum)
        h = getsignal(signum)
        if signum == SIGINT and h is default_int_handler:
            raise KeyboardInterrupt
        if callable(h):
            h(signum, None)

    def alarm(seconds):
        raise OSError(95, "signal.alarm is not available on MicroPython")

else:
    import os

    _here = os.path.dirname(os.path.abspath(__file__))
    _saved = sys.path[:]
    del sys.modules["signal"]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.getcwd()) != _here]
    try:
        import signal as _real
    finally:
        sys.path[:] = _saved
    sys.modules["signal"] = _real
