# Constructors that block: `with self.lock:` on a lock made a line earlier, a connect-with-retry
# loop of `time.sleep` in `__init__`, a subclass that inherits the blocking `__init__`, one that
# calls it with `super().__init__(...)`, another through `Base.__init__(self, ...)`, construction
# through `cls(...)` in a classmethod factory, `type(self)(...)`, a class held in a dict, inside
# a thread target, at module top level and in a default argument.
import threading
import time

attempts = []


class Link:
    def __init__(self, host, fail_times=2):
        self.lock = threading.Lock()
        with self.lock:
            self.host = host
        self.connected = False
        tries = 0
        while not self.connected:
            tries += 1
            attempts.append((host, tries))
            if tries > fail_times:
                self.connected = True
            else:
                time.sleep(0.001)
        self.tries = tries

    @classmethod
    def open(cls, host):
        return cls(host, fail_times=0)

    def again(self):
        return type(self)(self.host + "'", 1)

    def __repr__(self):
        return "<%s %s tries=%d>" % (type(self).__name__, self.host, self.tries)


class Quick(Link):
    pass


class Secure(Link):
    def __init__(self, host):
        super().__init__(host, fail_times=1)
        self.secure = True


class Legacy(Link):
    def __init__(self, host):
        Link.__init__(self, host, 0)
        self.legacy = True


BOOT = Link("boot", 1)
KINDS = {"quick": Quick, "secure": Secure}


def make(kind, host):
    return KINDS[kind](host)


def worker(out, default=Link("default", 0)):
    out.append(Secure("w1"))
    out.append(default)


def main():
    links = [BOOT, Link("a"), Quick("b", 0), make("secure", "c"), Legacy("d"), Link.open("e")]
    links.append(links[1].again())
    out = []
    t = threading.Thread(target=worker, args=(out,))
    t.start()
    t.join()
    links.extend(out)
    for link in links:
        print(link, getattr(link, "secure", False), getattr(link, "legacy", False))
    print(len(attempts), attempts[:4])


main()
