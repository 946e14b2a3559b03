import threading
from . import store
from .store import put_result as save
from .. import settings


def work(inbox):
    while True:
        item = inbox.get()
        if item is None:
            return
        save(item * settings.FACTOR)


def start_workers(inbox, n):
    threads = [threading.Thread(target=work, args=(inbox,)) for _ in range(n)]
    for t in threads:
        t.start()
    return threads


def drain():
    return store.results.get()
