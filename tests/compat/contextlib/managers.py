import contextlib
import io
import sys
from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext

log = []


@contextmanager
def tag(name):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        log.append("</%s>" % name)


with tag("a") as t:
    log.append(t)
print(log)
log.clear()
try:
    with tag("b"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e, log)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e.args[0]))


with swallow():
    {}["k"]
print("after swallow")


@contextmanager
def transaction(db):
    db.append("begin")
    try:
        yield db
    except Exception:
        db.append("rollback")
        raise
    else:
        db.append("commit")


db = []
with transaction(db):
    db.append("work")
try:
    with transaction(db):
        raise RuntimeError("fail")
except RuntimeError:
    pass
print(db)


@tag("deco")
def decorated(x):
    log.append("body %d" % x)
    return x * 2


log.clear()
print(decorated(2), decorated(3), log)

with suppress(OSError, KeyError):
    {}["missing"]
print("suppressed")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)


with closing(Resource("r1")) as r:
    print("using", r.name)
with nullcontext(5) as v:
    print("null", v)
with nullcontext():
    print("null none")

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("x", "y")]
    stack.callback(print, "callback", 1, sep="-")
    stack.push(lambda *exc: print("push sees", exc[0]))
    print("names", names)
print(log[-4:])
try:
    with ExitStack() as stack:
        stack.callback(print, "cleanup runs")
        stack.push(lambda t, v, tb: t is KeyError)
        raise KeyError("k")
    print("KeyError suppressed by push")
except KeyError:
    print("not suppressed")
stack = ExitStack()
stack.callback(print, "deferred")
moved = stack.pop_all()
stack.close()
print("before close")
moved.close()

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 42)
    print("second line")
print("got", repr(buf.getvalue()))


class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        print("CM exit")


with CM() as c:
    print(type(c).__name__)


class Ctx(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit")
        return False


@Ctx()
def job():
    print("job")


job()
