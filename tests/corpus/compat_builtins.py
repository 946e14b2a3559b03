# Builtin names CPython has and MicroPython lacks, used the way agents use them: a transport
# raising TimeoutError / ConnectionResetError / BrokenPipeError from a worker thread, caught by
# family (ConnectionError, OSError), IOError as OSError, a Warning subclass, format() for
# readings, vars() of a settings object, exit() of a supervised thread.
import queue
import threading


class FlakyLink:
    def __init__(self, script):
        self.script = list(script)

    def send(self, payload):
        step = self.script.pop(0)
        if step == "timeout":
            raise TimeoutError("no ack for " + payload)
        if step == "reset":
            raise ConnectionResetError(104, "peer reset")
        if step == "pipe":
            raise BrokenPipeError(32, "broken pipe")
        if step == "disk":
            raise IOError("spool full")
        return "ok " + payload


class StaleReading(UserWarning):
    pass


class Settings:
    def __init__(self):
        self.interval = 5
        self.retries = 3


def sender(link, jobs, report):
    while True:
        payload = jobs.get()
        if payload is None:
            break
        try:
            report.put(link.send(payload))
        except TimeoutError as e:
            report.put("timeout: %s" % e)
        except ConnectionError as e:
            report.put("%s errno=%d is ConnectionError=%s" % (type(e).__name__, e.args[0], isinstance(e, ConnectionError)))
        except OSError as e:
            report.put("OSError family: %s (%s)" % (e, type(e) is OSError))


def quitter():
    exit(0)


link = FlakyLink(["ok", "timeout", "reset", "pipe", "disk", "ok"])
jobs = queue.Queue()
report = queue.Queue()
t = threading.Thread(target=sender, args=(link, jobs, report), name="sender")
t.start()
for n in range(6):
    jobs.put("m%d" % n)
jobs.put(None)
t.join()
while not report.empty():
    print(report.get())

try:
    raise StaleReading("sensor 3")
except Warning as w:
    print("warning:", type(w).__name__, w, issubclass(StaleReading, Warning))

for value in (3.14159, 21.5, 100):
    print("reading", format(value, ".2f"), format(value, ">8.1f"))
print(sorted(vars(Settings()).items()))

q = threading.Thread(target=quitter, name="quitter")
q.start()
q.join()
print("quitter stopped quietly:", not q.is_alive())
print("issubclass(TimeoutError, OSError):", issubclass(TimeoutError, OSError))
print("issubclass(BrokenPipeError, ConnectionError):", issubclass(BrokenPipeError, ConnectionError))
