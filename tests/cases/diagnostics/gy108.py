# GY108: a blocking call in the body of a class defined inside a function (`await` cannot go in a
# class body).
import queue

q = queue.Queue()


def nested_class():
    class Local:
        item = q.get()               # GY108
    return Local
