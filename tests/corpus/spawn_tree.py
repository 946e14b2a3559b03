# Threads that start and join their own child threads (divide and conquer, supervisors).
# Exercises: a thread target that creates, starts and joins more threads recursively, results
# passed back through per-child lists, a supervisor thread that spawns one short-lived worker per
# job and joins each, active_count() back to 1 at the end, names given explicitly (the default
# Thread-N numbering would depend on which branch constructs first).
import threading
import time


def tree_sum(values, depth, out, name):
    if len(values) <= 2 or depth == 0:
        time.sleep(0.001)
        out.append(sum(values))
        return
    mid = len(values) // 2
    left_out = []
    right_out = []
    left = threading.Thread(target=tree_sum, args=(values[:mid], depth - 1, left_out, name + "L"),
                            name=name + "L")
    right = threading.Thread(target=tree_sum, args=(values[mid:], depth - 1, right_out, name + "R"),
                             name=name + "R")
    left.start()
    right.start()
    left.join()
    right.join()
    out.append(left_out[0] + right_out[0])


def supervisor(jobs, report):
    for job in jobs:
        box = []
        w = threading.Thread(target=lambda j=job, b=box: b.append(j * j), name="job-%d" % job)
        w.start()
        w.join()
        report.append((job, box[0], w.is_alive()))


def main():
    out = []
    values = list(range(1, 33))
    root = threading.Thread(target=tree_sum, args=(values, 3, out, "n"), name="n")
    root.start()
    root.join()
    print("tree sum:", out[0], "expected:", sum(values))

    report = []
    s = threading.Thread(target=supervisor, args=([3, 1, 4, 1, 5], report), name="supervisor")
    s.start()
    s.join()
    for line in report:
        print("job", line)
    print("active at end:", threading.active_count())


main()
