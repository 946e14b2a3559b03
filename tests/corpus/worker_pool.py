# A pool of daemon worker threads fed by one Queue, synchronised with task_done()/join().
# Exercises: Queue.join() twice (two batches through the same pool), task_done, daemon workers left
# blocked in get() at exit (the program must still exit), enumerate()/active_count() while the pool
# is idle, ValueError from one task_done() too many.
import threading
import queue
import time

tasks = queue.Queue()
results = {}
results_lock = threading.Lock()


def checksum(text):
    total = 0
    for ch in text:
        total = (total * 31 + ord(ch)) % 10007
    return total


def worker():
    while True:
        job_id, payload = tasks.get()
        try:
            if job_id % 4 == 0:
                time.sleep(0.003)
            value = checksum(payload)
            with results_lock:
                results[job_id] = value
        finally:
            tasks.task_done()


def run_batch(jobs):
    for job in jobs:
        tasks.put(job)
    tasks.join()


pool = []
for i in range(4):
    t = threading.Thread(target=worker, name="pool-%d" % i, daemon=True)
    t.start()
    pool.append(t)

run_batch([(i, "payload-%d" % i) for i in range(10)])
print("batch 1:", len(results), "results")
run_batch([(i, "x" * i) for i in range(10, 16)])
print("batch 2:", len(results), "results")
for job_id in sorted(results):
    print(job_id, results[job_id])

print("threads alive:", threading.active_count(), len(threading.enumerate()))
print("pool daemon:", [t.daemon for t in pool])
try:
    tasks.task_done()
except ValueError as e:
    print("extra task_done:", type(e).__name__)
print("unfinished tasks:", tasks.unfinished_tasks)
