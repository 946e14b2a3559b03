# A module that starts with `def`/`class` (no import above them) whose functions block: worker pool.
import threading
import queue

import workers


def run():
    jobs, results = queue.Queue(), queue.Queue()
    pool = [threading.Thread(target=workers.square_worker, args=(jobs, results)) for _ in range(3)]
    for t in pool:
        t.start()
    pacer = workers.Pacer(0.01)
    for n in range(6):
        jobs.put(n)
        pacer.pause()
    for _ in pool:
        jobs.put(None)
    for t in pool:
        t.join()
    got = sorted(results.get_nowait() for _ in range(6))
    print("squares", got)


run()
