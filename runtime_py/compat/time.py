# greenify compat: CPython's `time` on MicroPython.  MicroPython lets a file named like an
# extensible builtin module replace it; the builtin is reached by emptying sys.path around
# the import, and every builtin name (sleep, sleep_ms, ticks_ms, time_ns...) is re-exported.
# Clocks count ticks_ms/ticks_us, the clock asyncio's sleep_ms (and so the green scheduler)
# uses, so a deadline computed from monotonic() agrees with the scheduler's sleeps.
import sys as _sys

_p = _sys.path[:]
_sys.path.clear()
try:
    from time import *
    from time import gmtime as _gm, localtime as _lt, mktime as _mk
    from time import ticks_ms as _tms, ticks_us as _tus, ticks_diff as _td
finally:
    _sys.path.extend(_p)
del _p

# (ms at the origin, us at the origin, microseconds counted up to the origin).  One tuple,
# replaced whole: with threads and no GIL a reader sees the old or the new state, never half.
_st = (_tms(), _tus(), _tms() * 1000)


def _now_us():
    global _st
    m0, u0, base = _st
    m = _tms()
    u = _tus()
    dm = _td(m, m0)
    # ticks_us wraps after ~18 min on 32-bit ports: trust it only over short spans.
    du = _td(u, u0) if dm < 100000 else dm * 1000
    if dm > 60000:  # move the origin well before either tick counter can wrap
        _st = (m, u, base + du)
    return base + du


def monotonic_ns():
    return _now_us() * 1000


def monotonic():
    return _now_us() / 1000000


perf_counter = monotonic
perf_counter_ns = monotonic_ns
# No CPU clock on MicroPython: the process is the only thing running, wall ticks stand in.
process_time = thread_time = monotonic
process_time_ns = thread_time_ns = monotonic_ns

_F = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
      "tm_isdst")


class struct_time(tuple):
    # CPython's named 9-tuple: indexes, attributes and repr alike.
    def __getattr__(self, n):
        if n == "tm_zone":
            return tzname[0]
        if n == "tm_gmtoff":
            return -timezone
        try:
            return self[_F.index(n)]
        except ValueError:
            raise AttributeError(n)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%d" % (f, v) for f, v in zip(_F, self))

    __str__ = __repr__


def _st9(t):
    t = tuple(t)
    return struct_time(t + (0,) * (9 - len(t)) if len(t) < 9 else t[:9])


def gmtime(secs=None):
    return _st9(_gm(int(secs) if secs is not None else int(_ut())))


def localtime(secs=None):
    return _st9(_lt(int(secs) if secs is not None else int(_ut())))


def mktime(t):
    return float(_mk(tuple(t)[:8] + (0,)))


from time import time as _ut  # noqa: E402  (the builtin; `time` itself stays exported)

timezone = _mk(tuple(_gm(86400 * 3))[:8] + (0,)) - 86400 * 3
altzone = timezone
daylight = 0
tzname = ("UTC", "UTC") if timezone == 0 else ("", "")

_DAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MON = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December")


def _fmt(c, t):
    # One directive of the C locale.  None: not known, kept as written (glibc does so).
    y, mo, d, h, mi, s, wd, yd = t[:8]
    if c == "Y":
        return str(y)
    if c == "j":
        return "%03d" % yd
    if c == "e":
        return "%2d" % d
    i = "mdHMSyI".find(c)
    if i >= 0:
        return "%02d" % (mo, d, h, mi, s, y % 100, h % 12 or 12)[i]
    if c == "b" or c == "h":
        return _MON[mo - 1][:3]
    if c == "B":
        return _MON[mo - 1]
    if c == "a":
        return _DAY[wd][:3]
    if c == "A":
        return _DAY[wd]
    if c == "p":
        return "AM" if h < 12 else "PM"
    if c == "w":
        return str((wd + 1) % 7)
    if c == "u":
        return str(wd + 1)
    if c == "Z":
        return tzname[0]
    if c == "z":
        o = -timezone
        return "%s%02d%02d" % ("-" if o < 0 else "+", abs(o) // 3600, abs(o) // 60 % 60)
    if c == "c":
        return strftime("%a %b %e %H:%M:%S %Y", t)
    if c == "x":
        return strftime("%m/%d/%y", t)
    if c == "X" or c == "T":
        return strftime("%H:%M:%S", t)
    if c == "D":
        return strftime("%m/%d/%y", t)
    if c == "F":
        return strftime("%Y-%m-%d", t)
    if c == "R":
        return strftime("%H:%M", t)
    if c == "n":
        return "\n"
    if c == "t":
        return "\t"
    if c == "%":
        return "%"
    return None


def strftime(fmt, t=None):
    if t is None:
        t = localtime()
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        j = fmt.find("%", i)
        if j < 0 or j + 1 >= n:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        r = _fmt(fmt[j + 1], t)
        out.append(fmt[j:j + 2] if r is None else r)
        i = j + 2
    return "".join(out)


def asctime(t=None):
    return strftime("%a %b %e %H:%M:%S %Y", localtime() if t is None else t)


def ctime(secs=None):
    return asctime(localtime(secs))
