# An agent-like program without MQTT: a fake message source thread, a dispatcher, a worker pool,
# a scheduler thread and a result collector; everything printed sorted at the end.
# Exercises: several cooperating long-lived threads, a message source using sleep between
# messages, dispatch through a dict of handlers (blocking and plain), a worker pool with
# task_done/join, a scheduler ticking on Event.wait(timeout) producing telemetry jobs on a virtual
# clock, an orderly shutdown with sentinels, results gathered from a Queue and printed sorted.
import threading
import queue
import time

jobs = queue.Queue()
results = queue.Queue()
inbox = queue.Queue()
stop = threading.Event()
STATE = {"fw": "1.0.0", "relay_switches": 0, "readings": 0}
state_lock = threading.Lock()


def h_relay(arg):
    time.sleep(0.002)
    with state_lock:
        STATE["relay_switches"] += 1
    return "relay " + arg


def h_firmware(arg):
    for step in range(3):
        time.sleep(0.001)
    with state_lock:
        STATE["fw"] = arg
    return "fw " + arg


def h_telemetry(arg):
    with state_lock:
        STATE["readings"] += 1
    return "telemetry #" + arg


HANDLERS = {
    "relay": h_relay,
    "firmware": h_firmware,
    "telemetry": h_telemetry,
    "ping": lambda arg: "pong " + arg,
}


def message_source():
    script = [("m1", "ping", "1"), ("m2", "relay", "on"), ("m3", "firmware", "1.1.0"),
              ("m4", "ping", "2"), ("m5", "relay", "off"), ("m6", "bogus", "x"),
              ("m7", "ping", "3"), ("m8", "relay", "on")]
    for msg in script:
        time.sleep(0.001)
        inbox.put(msg)
    inbox.put(None)


def dispatcher():
    while True:
        msg = inbox.get()
        if msg is None:
            return
        mid, cmd, arg = msg
        if cmd not in HANDLERS:
            results.put((mid, "error: unknown " + cmd))
            continue
        jobs.put((mid, cmd, arg))


def worker():
    while True:
        job = jobs.get()
        if job is None:
            jobs.task_done()
            return
        mid, cmd, arg = job
        try:
            out = HANDLERS[cmd](arg)
        except Exception as e:
            out = "failed: " + type(e).__name__
        results.put((mid, out))
        jobs.task_done()


def scheduler(period_ticks, count):
    tick = 0
    sent = 0
    while sent < count and not stop.wait(0.002):
        tick += 1
        if tick % period_ticks == 0:
            sent += 1
            jobs.put(("t%d" % sent, "telemetry", str(sent)))


def main():
    pool = [threading.Thread(target=worker, name="worker-%d" % i) for i in range(3)]
    for w in pool:
        w.start()
    src = threading.Thread(target=message_source, name="source")
    disp = threading.Thread(target=dispatcher, name="dispatcher")
    sched = threading.Thread(target=scheduler, args=(2, 3), name="scheduler")
    for t in (disp, sched, src):
        t.start()
    expected = 8 + 3
    collected = []
    while len(collected) < expected:
        collected.append(results.get())
    src.join()
    disp.join()
    sched.join()
    jobs.join()
    for _ in pool:
        jobs.put(None)
    for w in pool:
        w.join()
    collected.sort()
    for mid, out in collected:
        print(mid, out)
    print("state:", sorted(STATE.items()))
    print("threads left:", threading.active_count())


main()
