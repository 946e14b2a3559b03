# Command dispatch through a dict of handlers, as device agents do for remote commands.
# Exercises: a dict mapping command names to a mix of blocking functions (sleep, queue round trip),
# plain functions, lambdas and bound methods; calls through `handlers[name](args)` and through
# `handlers.get(name, unknown)(args)`; handlers added to the dict after creation; a dispatcher
# thread reading commands from a Queue and replying on another Queue.
import threading
import queue
import time

state = {"uptime": 0, "reboots": 0, "config": {"interval": 5, "mode": "eco"}}
io_requests = queue.Queue()


def io_service():
    while True:
        req = io_requests.get()
        if req is None:
            break
        key, reply = req
        time.sleep(0.001)
        reply.put("io:" + key.upper())


def do_reboot(args):
    time.sleep(0.003)
    state["reboots"] += 1
    return "rebooted (%d)" % state["reboots"]


def do_read(args):
    reply = queue.Queue(1)
    io_requests.put((args[0], reply))
    return reply.get()


def do_status(args):
    return "uptime=%d reboots=%d" % (state["uptime"], state["reboots"])


def unknown(args):
    return "unknown command"


class ConfigHandler:
    def __init__(self, cfg):
        self.cfg = cfg
        self.lock = threading.Lock()

    def set(self, args):
        with self.lock:
            self.cfg[args[0]] = args[1]
        return "set " + args[0]

    def show(self, args):
        parts = []
        for k in sorted(self.cfg):
            parts.append(k + "=" + str(self.cfg[k]))
        return ",".join(parts)


config = ConfigHandler(state["config"])
handlers = {
    "reboot": do_reboot,
    "read": do_read,
    "status": do_status,
    "ping": lambda args: "pong",
    "echo": lambda args: " ".join(args),
    "set": config.set,
}
handlers["show"] = config.show


def dispatcher(commands, replies):
    while True:
        line = commands.get()
        if line is None:
            replies.put(None)
            return
        words = line.split()
        name, args = words[0], words[1:]
        if name in handlers:
            result = handlers[name](args)
        else:
            result = handlers.get(name, unknown)(args)
        state["uptime"] += 1
        replies.put(line + " -> " + result)


def main():
    io = threading.Thread(target=io_service, name="io")
    io.start()
    commands = queue.Queue()
    replies = queue.Queue()
    d = threading.Thread(target=dispatcher, args=(commands, replies), name="dispatcher")
    d.start()
    script = ["ping", "status", "read temp", "set interval 10", "reboot", "echo hello agent",
              "show", "selftest", "read fan", "status"]
    for line in script:
        commands.put(line)
    commands.put(None)
    while True:
        r = replies.get()
        if r is None:
            break
        print(r)
    d.join()
    io_requests.put(None)
    io.join()
    print("direct call:", handlers.get("ping")([]), handlers["status"]([]))


main()
