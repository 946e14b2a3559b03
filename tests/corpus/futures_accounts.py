# concurrent.futures worker pool over shared accounts (the hold-out style: submitted functions that
# take a Lock and sleep). Exercises: `with ThreadPoolExecutor(max_workers=4) as ex:` in a function,
# `ex.submit(account.deposit, n)` (a bound method whose body takes the account's Lock), a list of
# futures consumed with `as_completed` (results sorted before printing), `f.result()` raising the
# worker's exception, `f.exception()`, `add_done_callback` with a callback that takes a Lock,
# `concurrent.futures.wait` with FIRST_COMPLETED then ALL_COMPLETED, a pool shut down by hand, and
# work left queued at the end of the script (CPython finishes it at exit).
import threading
import time
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed

log_lock = threading.Lock()
events = []


class Overdrawn(Exception):
    pass


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            time.sleep(0.002)
            self.balance += amount
            return self.balance

    def withdraw(self, amount):
        with self.lock:
            time.sleep(0.002)
            if amount > self.balance:
                raise Overdrawn("%s: %d > %d" % (self.name, amount, self.balance))
            self.balance -= amount
            return self.balance


def note(fut):
    with log_lock:
        events.append("callback sees %s" % (fut.result(),))


def run_bank():
    acct = Account("alice", 100)
    with ThreadPoolExecutor(max_workers=4) as ex:
        futs = [ex.submit(acct.deposit, n) for n in (5, 10, 20, 40)]
        seen = []
        for f in as_completed(futs):
            seen.append(f.result())
        print("deposits seen", len(seen), "largest", max(seen))
        bad = ex.submit(acct.withdraw, 1000)
        try:
            bad.result()
        except Overdrawn as e:
            print("overdrawn:", e)
        print("exception() type", type(bad.exception()).__name__)
        ok = ex.submit(acct.withdraw, 75)
        ok.add_done_callback(note)
        print("withdraw left", ok.result())
    print("final", acct.balance, "callbacks", events)


def slow(n):
    time.sleep(0.004 * n)
    return n


def run_wait():
    pool = ThreadPoolExecutor(3, thread_name_prefix="w")
    fs = [pool.submit(slow, n) for n in (6, 1, 9)]
    done, pending = concurrent.futures.wait(fs, return_when=concurrent.futures.FIRST_COMPLETED)
    for f in done:
        print("first done", f.result())
    done, pending = concurrent.futures.wait(fs)
    got = []
    for f in done:
        got.append(f.result())
    print("all done", sorted(got), "pending", len(pending))
    pool.shutdown()
    try:
        pool.submit(slow, 1)
    except RuntimeError as e:
        print("after shutdown:", e)


def late(f):
    print("late deposit ->", f.result())


run_bank()
run_wait()
leftover = ThreadPoolExecutor(1)
acct = Account("bob", 1)
leftover.submit(acct.deposit, 2)
leftover.submit(acct.deposit, 3).add_done_callback(late)
print("script ends")
