def work(q):
    import time
    time.sleep(0.01)
    return q


class Runner:
    def run(self):
        return work(1)
