# Seeded stress: threads mixing timed and untimed waits on a Condition, a Semaphore and a
# Queue, with wake-ups racing the deadlines. Totals and invariants must hold; the output
# does not depend on timing.
import queue
import random
import threading
import time

rnd = random.Random(7) if hasattr(random, "Random") else random
cond = threading.Condition()
state = {"tokens": 0, "taken": 0, "timeouts": 0, "bad": 0}
sem = threading.Semaphore(2)
inside = [0]
guard = threading.Lock()
q = queue.Queue(3)
delays = [rnd.randint(0, 3) / 1000 for _ in range(64)]
N_ROUNDS = 40


def consumer(i):
    for r in range(N_ROUNDS):
        with cond:
            if not cond.wait_for(lambda: state["tokens"] > 0, timeout=delays[(i + r) % 64]):
                state["timeouts"] += 1
                continue
            if not cond._is_owned():
                state["bad"] += 1
            state["tokens"] -= 1
            state["taken"] += 1


def producer(i):
    for r in range(N_ROUNDS):
        time.sleep(delays[(i * 7 + r) % 64])
        with cond:
            state["tokens"] += 1
            cond.notify()


def sem_user(i):
    for r in range(N_ROUNDS):
        if sem.acquire(timeout=delays[(i + r) % 64]):
            with guard:
                inside[0] += 1
                if inside[0] > 2:
                    state["bad"] += 1
            time.sleep(0)
            with guard:
                inside[0] -= 1
            sem.release()


def q_user(i):
    moved = 0
    for r in range(N_ROUNDS):
        try:
            q.put(r, timeout=delays[(i + r) % 64])
            moved += 1
        except queue.Full:
            pass
        try:
            q.get(timeout=delays[(i * 3 + r) % 64])
            moved -= 1
        except queue.Empty:
            pass
    with cond:
        state["qbalance"] = state.get("qbalance", 0) + moved


ts = [threading.Thread(target=f, args=(i,)) for i in range(4)
      for f in (consumer, producer, sem_user, q_user)]
for t in ts:
    t.start()
for t in ts:
    t.join()
left = q.qsize()
print("tokens produced = taken + left:", 4 * N_ROUNDS == state["taken"] + state["tokens"])
print("queue balance matches what is left:", state["qbalance"] == left)
print("invariant violations:", state["bad"])
print("semaphore value back to 2:", sem.acquire(False) and sem.acquire(False) and not sem.acquire(False))
