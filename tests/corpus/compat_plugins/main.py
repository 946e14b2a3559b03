# Plugins loaded with importlib.import_module (a literal name, names built at run time with a
# prefix and an f-string, a relative name with a package): their functions block (sleep, Queue.get)
# and are called through the returned module from worker threads and at top level; a name
# computed from a list (every module of SRC may come back).
import importlib
import queue
import threading
from importlib import import_module

ENABLED = ["echo", "upper"]

registry = {}
for name in ENABLED:
    registry[name] = importlib.import_module("plugins." + name)
registry["count"] = import_module(f"plugins.{'count'}")
base = importlib.import_module("plugins.base")
relative = importlib.import_module(".echo", "plugins")
print("loaded:", sorted(registry), base.NAME, relative is registry["echo"])


def worker(inbox, outbox):
    while True:
        job = inbox.get()
        if job is None:
            break
        plugin_name, payload = job
        plugin = registry[plugin_name]
        outbox.put((plugin_name, plugin.handle(payload)))


inbox = queue.Queue()
outbox = queue.Queue()
threads = [threading.Thread(target=worker, args=(inbox, outbox), name="w%d" % i) for i in range(2)]
for t in threads:
    t.start()
jobs = [("echo", "hi"), ("upper", "loud"), ("count", "a b c"), ("echo", "bye")]
for job in jobs:
    inbox.put(job)
for _ in threads:
    inbox.put(None)
for t in threads:
    t.join()
results = []
while not outbox.empty():
    results.append(outbox.get())
for r in sorted(results):
    print(r)
print("top level:", registry["upper"].handle("direct"), base.describe(registry["count"]))


def call_by_name(parts, payload):
    # A name the analysis cannot read: every module of SRC may come back.
    module = importlib.import_module(".".join(parts))
    return module.handle(payload)


print("by name:", call_by_name(["plugins", "echo"], "dyn"))
