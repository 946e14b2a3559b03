import sys
import traceback


def strip(text):
    # Paths differ between interpreters (CPython's are absolute): keep the file name only.
    out = []
    for ln in text.split("\n"):
        i = ln.find('File "')
        if i >= 0:
            j = ln.find('"', i + 6)
            path = ln[i + 6:j]
            ln = ln[:i + 6] + path[path.rfind("/") + 1:] + ln[j:]
        out.append(ln)
    return "\n".join(out)


class AppError(Exception):
    pass


def inner(x):
    if x:
        raise ValueError("bad value %d" % x)
    raise AppError()


def outer(x):
    inner(x)


try:
    outer(3)
except ValueError:
    print(strip(traceback.format_exc()))

try:
    outer(0)
except Exception as e:
    lines = traceback.format_exception(*sys.exc_info())
    print(len(lines), lines[0] == "Traceback (most recent call last):\n", lines[-1])
    print(strip("".join(traceback.format_exception(e))))
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))


class Out:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


try:
    raise KeyError("missing")
except KeyError:
    o = Out()
    traceback.print_exc(file=o)
    print(strip("".join(o.parts)))

try:
    raise RuntimeError
except RuntimeError as e:
    o = Out()
    traceback.print_exception(*sys.exc_info(), file=o)
    print(strip("".join(o.parts)), end="")
    print(strip("".join(traceback.format_exception(type(e), e, None, limit=0))))

print(traceback.format_exception_only(ValueError, None))
print(traceback.format_exception_only(None))
print(traceback.format_exc())
try:
    outer(1)
except ValueError as e:
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, len(te.stack) >= 3)
    print(strip("".join(te.format())))
    fs = te.stack[-1]
    print(fs.name, fs.line, fs.lineno)
print(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 4, "g", None)]))
print(isinstance(traceback.extract_stack(), list))
