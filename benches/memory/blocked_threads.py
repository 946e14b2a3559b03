# Memory per blocked thread, written the way a user writes it: N worker threads
# all blocked on one queue.Queue.get().  Converted by greenify (green backend,
# thread backend) and run on MicroPython; it also runs on CPython.
#
# Usage:
#   mkdir src && cp benches/memory/blocked_threads.py src/
#   greenify src out && micropython [-X heapsize=256k] out/blocked_threads.py [N]
#
# Prints one line: RESULT n=... heap_per_thread=... rss_per_thread=...
# (bytes; heap from gc.mem_alloc, RSS from /proc/self/status VmRSS, both as
# the difference between before starting the threads and when all are blocked)
import sys
import threading
import queue
import time

try:
    import gc
    mem_alloc = gc.mem_alloc
except AttributeError:          # CPython has no GC heap counter
    def mem_alloc():
        return 0

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


def rss():
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


jobs = queue.Queue()
lock = threading.Lock()
ready = [0]
done = [0]


def worker():
    with lock:
        ready[0] += 1
    item = jobs.get()           # every worker blocks here
    with lock:
        done[0] += 1


def main():
    threads = []
    gc.collect()
    heap0 = mem_alloc()
    rss0 = rss()
    for i in range(N):
        t = threading.Thread(target=worker)
        t.start()
        threads.append(t)
    waited = 0
    while ready[0] < N:
        time.sleep(0.01)
        waited += 1
        if waited > 3000:       # 30 s: some thread died (e.g. MemoryError) before counting in
            print("only %d of %d threads started" % (ready[0], N))
            sys.exit(1)
    time.sleep(0.05)            # let the last ones reach jobs.get()
    gc.collect()
    heap1 = mem_alloc()
    rss1 = rss()
    for i in range(N):
        jobs.put(None)
    for t in threads:
        t.join()
    assert done[0] == N, done[0]
    print("RESULT n=%d heap_per_thread=%.1f rss_per_thread=%.1f"
          % (N, (heap1 - heap0) / N, (rss1 - rss0) / N))


main()
