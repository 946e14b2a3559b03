# threading.Barrier with an action, reused over several phases.
# Exercises: Barrier(parties, action=...), the action running once per phase before any party is
# released, parties/n_waiting, arrivals collected under a Lock and printed sorted by the action,
# the return value of wait() being a distinct index per phase.
import threading
import time

PHASES = 3
NAMES = ["node-a", "node-b", "node-c", "node-d"]
arrivals = []
indices = []
lock = threading.Lock()
phase_no = [0]


def end_of_phase():
    phase_no[0] += 1
    print("phase", phase_no[0], "complete:", sorted(arrivals))
    arrivals.clear()


barrier = threading.Barrier(len(NAMES), action=end_of_phase)


def node(delay_ms):
    me = threading.current_thread().name
    for phase in range(PHASES):
        time.sleep(delay_ms / 1000)
        with lock:
            arrivals.append(me + "@" + str(phase))
        idx = barrier.wait()
        with lock:
            indices.append((phase, idx))


threads = []
for i, name in enumerate(NAMES):
    t = threading.Thread(target=node, args=((i * 3) % 4 + 1,), name=name)
    threads.append(t)
    t.start()
for t in threads:
    t.join()

print("parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)
for phase in range(PHASES):
    got = sorted([idx for (p, idx) in indices if p == phase])
    print("phase", phase, "indices", got)
