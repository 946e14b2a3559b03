# Condition.wait_for() and timeouts.
# Exercises: wait_for(predicate) woken by another thread's notify, wait_for returning the
# predicate's (non-bool) value, wait_for(pred, timeout) returning a falsy value on timeout,
# wait(timeout) returning False, notify() without holding the lock raising RuntimeError.
import threading
import time

cond = threading.Condition()
state = {"stage": 0, "payload": None}


def advance():
    for stage in range(1, 4):
        time.sleep(0.002)
        with cond:
            state["stage"] = stage
            if stage == 3:
                state["payload"] = "config-v3"
            cond.notify_all()


def wait_stage_two():
    with cond:
        cond.wait_for(lambda: state["stage"] >= 2)
        return state["stage"] >= 2


def wait_payload():
    with cond:
        return cond.wait_for(lambda: state["payload"])


def main():
    t = threading.Thread(target=advance, name="advancer")
    t.start()
    print("reached stage two:", wait_stage_two())
    print("payload:", wait_payload())
    t.join()
    print("stage:", state["stage"])

    with cond:
        r = cond.wait_for(lambda: state["stage"] > 10, timeout=0.01)
    print("timed out wait_for:", r)
    with cond:
        r = cond.wait(0.01)
    print("timed out wait:", r)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify without lock:", type(e).__name__)


main()
