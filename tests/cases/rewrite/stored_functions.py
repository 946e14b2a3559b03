# Functions stored in dicts and attributes and called later. A call site whose possible callees mix
# blocking and plain functions goes through the runtime adapter `__gy.maybe`.
import queue
import time

replies = queue.Queue()


def do_reboot(args):
    time.sleep(0.01)
    return "rebooted"


def do_status(args):
    return "ok"


def unknown(args):
    return "?"


handlers = {
    "reboot": do_reboot,
    "status": do_status,
    "ping": lambda args: "pong",
}
slow_only = {"reboot": do_reboot}


class Client:
    def __init__(self):
        self.on_message = None
        self.callbacks = []

    def subscribe(self, fn):
        self.callbacks.append(fn)

    def loop(self, msg):
        self.on_message(msg)          # only ever a blocking function: plain await
        for fn in self.callbacks:     # blocking and plain: adapter
            fn(msg)
        self.on_error(msg)            # never set in SRC: warning


def on_message(msg):
    replies.put(msg)


def dispatch(name, args):
    if name in slow_only:
        slow_only[name](args)
    return handlers.get(name, unknown)(args)


client = Client()
client.on_message = on_message
client.subscribe(on_message)
client.subscribe(print)


class Commands:
    # Functions wrapped by calls to staticmethod/classmethod in a class body.
    reboot = staticmethod(do_reboot)

    def _make(cls, msg):
        replies.put((cls.__name__, msg))

    make = classmethod(_make)


def run_commands():
    Commands.reboot(None)
    Commands().reboot(None)
    Commands.make("made")
