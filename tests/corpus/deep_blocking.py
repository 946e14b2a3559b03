# Blocking three (and more) calls deep: main -> fetch_reading -> read_sensor -> wait_reply -> q.get().
# Exercises: propagation of "can block" up a call chain of plain-looking functions, a queue
# returned from a factory function and passed down as a parameter, a function that blocks only on
# one branch, a chain that never blocks (must stay a plain function) called from the same places.
import threading
import queue
import time


def make_channel():
    return queue.Queue()


def wait_reply(chan):
    return chan.get()


def read_sensor(bus, chan, name):
    bus.put((name, chan))
    return wait_reply(chan)


def fetch_reading(bus, name, cached):
    if name in cached:
        return cached[name]
    chan = make_channel()
    value = read_sensor(bus, chan, name)
    cached[name] = value
    return value


def scale(value):
    return value * 2


def describe(name, value):
    return name + "=" + str(scale(value))


def bus_server(bus):
    values = {"temp": 21, "hum": 40, "lux": 300}
    while True:
        name, chan = bus.get()
        if name == "quit":
            chan.put(None)
            return
        time.sleep(0.001)
        chan.put(values.get(name, -1))


def poll_all(bus, names):
    cache = {}
    lines = []
    for n in names:
        lines.append(describe(n, fetch_reading(bus, n, cache)))
    return lines


def main():
    bus = make_channel()
    server = threading.Thread(target=bus_server, args=(bus,), name="bus")
    server.start()
    for line in poll_all(bus, ["temp", "hum", "temp", "lux", "nope"]):
        print(line)
    print("quit:", read_sensor(bus, make_channel(), "quit"))
    server.join()


main()
