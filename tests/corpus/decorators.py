# Decorators defined in the program itself, as agents use them for command registries and logging.
# Exercises: a registering decorator with an argument (`@command("name")`) that stores the function
# in a dict and returns it unchanged (blocking and plain handlers), a wrapping decorator whose inner
# wrapper calls the decorated function (`@counted`, applied to a blocking and to a plain function),
# decorated functions called directly and through the registry from a worker thread.
import threading
import queue
import time

COMMANDS = {}
CALLS = {}


def command(name):
    def register(fn):
        COMMANDS[name] = fn
        return fn
    return register


def counted(fn):
    def wrapper(*args):
        CALLS[fn.__name__] = CALLS.get(fn.__name__, 0) + 1
        return fn(*args)
    return wrapper


@command("sleep")
def cmd_sleep(arg):
    time.sleep(int(arg) / 1000)
    return "slept " + arg + "ms"


@command("add")
def cmd_add(arg):
    a, b = arg.split("+")
    return str(int(a) + int(b))


@counted
def fetch(q):
    return q.get()


@counted
def shout(text):
    return text.upper() + "!"


def worker(inbox, outbox):
    while True:
        line = fetch(inbox)
        if line is None:
            outbox.put(None)
            return
        name, _, arg = line.partition(" ")
        handler = COMMANDS.get(name)
        outbox.put(line + " => " + (handler(arg) if handler else shout("unknown " + name)))


def main():
    inbox = queue.Queue()
    outbox = queue.Queue()
    t = threading.Thread(target=worker, args=(inbox, outbox), name="cmd-worker")
    t.start()
    for line in ["add 2+3", "sleep 2", "nope x", "add 40+2"]:
        inbox.put(line)
    inbox.put(None)
    while True:
        r = outbox.get()
        if r is None:
            break
        print(r)
    t.join()
    print("direct:", cmd_add("1+1"), cmd_sleep("1"), shout("hi"))
    print("registry:", sorted(COMMANDS))
    print("calls:", sorted(CALLS.items()))


main()
