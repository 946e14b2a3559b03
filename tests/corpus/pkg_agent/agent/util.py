# Small helpers: one blocks (sleep), one blocks on whatever queue it is given, one is plain.
import time as _time


def pause(ms):
    _time.sleep(ms / 1000)


def wait_reply(chan):
    return chan.get()


def fmt_kv(d):
    parts = []
    for k in sorted(d):
        parts.append(k + "=" + str(d[k]))
    return ",".join(parts)
