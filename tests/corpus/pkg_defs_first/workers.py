def square_worker(jobs, results):
    # A module of plain defs (no import at the top): the runtime import goes on a line of its own.
    while True:
        n = jobs.get()
        if n is None:
            break
        results.put(n * n)


class Pacer:
    def __init__(self, period):
        self.period = period

    def pause(self):
        import time
        time.sleep(self.period)
