# Retries with exponential backoff in worker threads (a flaky link to several devices).
# Exercises: time.sleep() with growing delays inside a retry loop, a fake device whose failures are
# scripted by attempt number (no randomness), giving up after max attempts, results and attempt
# counts collected per device under a Lock and printed sorted.
import threading
import time


class LinkError(Exception):
    pass


class FakeDevice:
    def __init__(self, name, failures):
        self.name = name
        self.failures = failures
        self.attempts = 0

    def read(self):
        self.attempts += 1
        if self.attempts <= self.failures:
            raise LinkError(self.name)
        return len(self.name) * 11


def with_retry(fn, attempts, base_delay):
    delay = base_delay
    for i in range(attempts):
        try:
            return fn()
        except LinkError:
            if i == attempts - 1:
                raise
            time.sleep(delay)
            delay *= 2


report = {}
report_lock = threading.Lock()


def poll(dev):
    try:
        value = with_retry(dev.read, 4, 0.001)
        outcome = "ok " + str(value)
    except LinkError:
        outcome = "gave up"
    with report_lock:
        report[dev.name] = (outcome, dev.attempts)


devices = [FakeDevice("pump", 0), FakeDevice("valve", 2), FakeDevice("meter", 3), FakeDevice("gate", 9)]
threads = [threading.Thread(target=poll, args=(d,), name="poll-" + d.name) for d in devices]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(report):
    print(name, report[name][0], "after", report[name][1], "attempts")
