# Code full of get/put/join/wait/acquire names that do not block (must be left alone), next to a
# little code that does.
# Exercises: dict.get, dict.pop, str.join (on literals and on variables), list.append/pop/insert,
# set.add, a user class with non-blocking get/put/join/wait/acquire methods, a parameter holding a
# dict called through .get, bytes.join, a generator function (must stay a generator) feeding a
# blocking put loop; one real Queue consumer thread so the file is not inert.
import threading
import queue


class Cache:
    def __init__(self):
        self.data = {}
        self.hits = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
        return self.data.get(key, default)

    def put(self, key, value):
        self.data[key] = value

    def join(self, other):
        merged = Cache()
        merged.data.update(self.data)
        merged.data.update(other.data)
        return merged

    def wait(self):
        return "cache never waits"

    def acquire(self, name):
        return "acquired " + name


def lookup(table, key):
    return table.get(key, "?")


def render(rows, sep):
    lines = []
    for row in rows:
        lines.append(sep.join(row))
    return "\n".join(lines)


def batches(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def consumer(q, out):
    while True:
        item = q.get()
        if item is None:
            return
        out.append(item)


def main():
    settings = {"host": "broker", "port": 1883}
    print(lookup(settings, "host"), lookup(settings, "missing"), settings.get("port"))
    print(settings.pop("port"), settings.get("port", "gone"))
    print(render([["a", "b"], ["c", "d"]], "|"))
    words = ["x"]
    words.append("y")
    words.insert(0, "w")
    last = words.pop()
    print("-".join(words), last, b",".join([b"1", b"2"]))
    tags = set()
    tags.add("b")
    tags.add("a")
    tags.add("b")
    print(sorted(tags))
    c1 = Cache()
    c1.put("k", 1)
    c2 = Cache()
    c2.put("j", 2)
    both = c1.join(c2)
    print(both.get("k"), both.get("j"), both.get("z", 0), both.hits, both.wait(), both.acquire("slot"))

    q = queue.Queue()
    out = []
    t = threading.Thread(target=consumer, args=(q, out))
    t.start()
    for batch in batches(["one", "two", "three"], 2):
        q.put("+".join(batch))
    q.put(None)
    t.join()
    print(", ".join(out))


main()
