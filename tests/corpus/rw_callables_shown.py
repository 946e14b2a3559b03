# Blocking functions that are only shown, compared or used as keys, never called by the code they
# are handed to: `"job {}".format(f)`, `"%r" % (f,)`, f-strings, repr/str/print/id/hash/len of
# their names, `f == g`, `f is g`, dict keys and set members, `sorted(names)`, `isinstance`,
# `callable(f)`, exceptions carrying a function; then the same functions run as thread targets.
import threading
import time

done = []


def fetch():
    time.sleep(0.002)
    done.append("fetch")
    return "fetched"


def store():
    time.sleep(0.001)
    done.append("store")


def plain():
    return "plain"


def describe(f):
    text = "job {}".format(f)
    short = "%r" % (f,)
    fs = f"{f!r}"
    same = repr(f) == short == fs
    return text.startswith("job <") and same and str(f) == repr(f)


def main():
    jobs = {fetch: "fetch", store: "store", plain: "plain"}
    seen = set()
    seen.add(fetch)
    seen.add(store)
    print("described", describe(fetch), describe(store))
    print("compare", fetch == store, fetch != plain, fetch is fetch, jobs[fetch], jobs.get(store))
    print("members", fetch in seen, plain in seen, len(seen), store in jobs)
    print("ids", id(fetch) == id(fetch), hash(store) == hash(store), callable(fetch))
    print("names", sorted([f.__name__ for f in jobs]), ", ".join(jobs[f] for f in (fetch, store)))
    print("types", isinstance(fetch, type(plain)) or True, type(fetch) is type(fetch))
    err = ValueError("bad job", fetch)
    print("error", err.args[0], err.args[1] is fetch)
    order = sorted(jobs.items(), key=lambda kv: kv[1])
    print("order", [name for _, name in order])
    threads = [threading.Thread(target=f) for f in (fetch, store)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("done", sorted(done), plain())


main()
