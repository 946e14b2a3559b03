import logging
import sys
import time

rec = logging.makeLogRecord({"msg": "at %s", "args": ("noon",), "name": "clock",
                             "levelname": "INFO", "levelno": 20,
                             "created": 1700000000.25, "msecs": 250.0})
f = logging.Formatter("%(asctime)s %(msecs)d %(msecs)03d %(name)s %(message)s")
f.converter = time.gmtime
print(f.format(rec))
print(f.formatTime(rec), f.formatTime(rec, "%H:%M:%S"), f.usesTime())
g = logging.Formatter("[%(asctime)s] %(message)s", datefmt="%Y/%m/%d %I:%M %p")
g.converter = time.gmtime
print(g.format(rec))


class UTC(logging.Formatter):
    converter = time.gmtime
    default_msec_format = "%s.%03d"


print(UTC("%(asctime)s|%(message)s").format(rec))
print(logging.Formatter().format(rec), logging.Formatter(None, style="{").format(rec))
print(logging.Formatter("{asctime}", style="{").usesTime(), logging.Formatter("%(message)s").usesTime())
print(logging.Formatter("$threadName $thread_x", style="$").format(
    logging.makeLogRecord({"thread_x": 5, "threadName": "T"})))


class Short(logging.Formatter):
    # Tracebacks name absolute paths on CPython: keep file names only.
    def formatException(self, ei):
        s = logging.Formatter.formatException(self, ei)
        out = []
        for ln in s.split("\n"):
            i = ln.find('File "')
            if i >= 0:
                j = ln.find('"', i + 6)
                p = ln[i + 6:j]
                ln = ln[:i + 6] + p[p.rfind("/") + 1:] + ln[j:]
            out.append(ln)
        return "\n".join(out)


h = logging.StreamHandler(sys.stdout)
h.setFormatter(Short("%(levelname)s %(name)s: %(message)s"))
log = logging.getLogger("exc")
log.addHandler(h)
log.propagate = False


def parse(v):
    if not v.isdigit():
        raise ValueError("not a number: %r" % v)
    return int(v)


def handle(v):
    try:
        parse(v)
    except ValueError:
        log.exception("could not parse %s", v)
    try:
        parse(v)
    except ValueError as e:
        log.error("again", exc_info=True)
        log.warning("instance", exc_info=e)
        log.info("tuple", exc_info=sys.exc_info())


handle("x1")
log.error("no exception here", exc_info=False)
log.error("exc_info outside except", exc_info=True)
print("---")
logging.basicConfig(stream=sys.stdout, format="%(name)s:%(levelname)s:%(message)s:%(threadName)s")
logging.basicConfig(stream=sys.stderr, format="ignored: handlers already set")
logging.warning("root configured once")
logging.basicConfig(stream=sys.stdout, format="forced %(message)s", force=True)
logging.warning("force replaced it")
print(len(logging.root.handlers))
