# Imports inside functions (lazy imports are common on devices to save RAM at boot).
# Exercises: `import time` / `from queue import Queue` / `import threading as thr` inside function
# bodies, a function-local alias `from time import sleep as nap`, a module-level name `time` that
# is NOT the module (a plain int), so only the function-local imports block.
time = 3

def worker(inbox, outbox):
    import time
    while True:
        job = inbox.get()
        if job is None:
            break
        time.sleep(0.001)
        outbox.put(job.upper())


def slow_echo(msg):
    from time import sleep as nap
    nap(0.002)
    return msg + "!"


def build():
    from queue import Queue
    import threading as thr
    inbox = Queue()
    outbox = Queue()
    t = thr.Thread(target=worker, args=(inbox, outbox), name="lazy-worker")
    return t, inbox, outbox


def main():
    import threading
    t, inbox, outbox = build()
    t.start()
    for word in ["boot", "wifi", "mqtt"]:
        inbox.put(word)
    inbox.put(None)
    got = []
    for _ in range(3):
        got.append(outbox.get())
    t.join()
    print("got:", got)
    results = []
    lock = threading.Lock()

    def call(m):
        r = slow_echo(m)
        with lock:
            results.append(r)

    ts = [threading.Thread(target=call, args=(m,)) for m in ["a", "b"]]
    for x in ts:
        x.start()
    for x in ts:
        x.join()
    print("echo:", sorted(results))
    print("module-level time is an int:", time + 1)


main()
