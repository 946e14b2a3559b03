# GY101: a blocking call inside a lambda (a lambda cannot become `async`).
import queue

q = queue.Queue()


def in_lambda():
    cb = lambda: q.get()            # GY101
    return cb
