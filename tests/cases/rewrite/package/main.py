import queue
import app
import app.worker as aw
from app.store import *


def main():
    inbox = queue.Queue()
    threads = app.start_workers(inbox, 2)
    for i in range(3):
        inbox.put(i)
    for _ in threads:
        inbox.put(None)
    for t in threads:
        t.join()
    print(sorted([results.get(), aw.drain(), results.get()]))


main()
