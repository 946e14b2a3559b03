# greenify: needs _gyreal
# greenify compat: CPython's `contextlib` on MicroPython (the context managers and ExitStack;
# no async variants: MicroPython has no async generators).
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

__all__ = ["contextmanager", "closing", "nullcontext", "AbstractContextManager",
           "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr", "suppress",
           "chdir"]


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    # A context manager that also decorates: the function runs inside it.
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)

    def __enter__(self):
        del self.args, self.kwds
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield")

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value  # the generator swallowed it
        except BaseException as exc:
            if exc is value:
                return False  # re-raised unchanged: let `with` propagate it
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class _Redirect(AbstractContextManager):
    # MicroPython's sys.stdout cannot be assigned: print() is redirected instead (through
    # builtins, for the duration), and sys.stdout too where the port allows it.
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old = []

    def __enter__(self):
        import builtins
        target = self._new_target
        old_print = builtins.print
        name = self._stream

        def redirected(*args, sep=" ", end="\n", file=None, flush=False):
            if file is None or file is getattr(sys, name):
                file = target
            old_print(*args, sep=sep, end=end, file=file)

        self._old.append((old_print, getattr(sys, name)))
        builtins.print = redirected
        try:
            setattr(sys, name, target)
        except (AttributeError, TypeError):
            pass
        return target

    def __exit__(self, exctype, excinst, exctb):
        import builtins
        old_print, old_stream = self._old.pop()
        builtins.print = old_print
        try:
            setattr(sys, self._stream, old_stream)
        except (AttributeError, TypeError):
            pass


class redirect_stdout(_Redirect):
    _stream = "stdout"


class redirect_stderr(_Redirect):
    _stream = "stderr"


class chdir(AbstractContextManager):
    def __init__(self, path):
        self.path = path
        self._old = []

    def __enter__(self):
        import os
        self._old.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old.pop())


class ExitStack(AbstractContextManager):
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new = type(self)()
        new._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new

    def push(self, exit):
        # A context manager's __exit__, or a callable with __exit__'s signature.
        ex = getattr(exit, "__exit__", None)
        self._exit_callbacks.append(ex if ex is not None else exit)
        return exit

    def enter_context(self, cm):
        try:
            enter = cm.__enter__
            ex = cm.__exit__
        except AttributeError:
            raise TypeError("'%s' object does not support the context manager protocol"
                            % type(cm).__name__)
        result = enter()
        self._exit_callbacks.append(ex)
        return result

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback  # where the port allows it
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed_exc = False
        pending_raise = False
        cur = exc_details
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*cur):
                    suppressed_exc = True
                    pending_raise = False
                    cur = (None, None, None)
            except BaseException as e:
                cur = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise cur[1]
        return received_exc and suppressed_exc
