import queue

results = queue.Queue()


def put_result(x):
    results.put(x)
