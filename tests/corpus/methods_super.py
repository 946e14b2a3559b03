# Blocking methods reached through self, cls, super(), staticmethod and classmethod.
# Exercises: a base class method that blocks, a subclass override calling super().method(),
# self.method() chains, a classmethod calling cls.helper() (a blocking staticmethod), an object
# created in main and its method used as a thread target, overrides in a hierarchy that must agree.
import threading
import queue
import time


class Device:
    registry_lock = threading.Lock()
    registry = []

    def __init__(self, name):
        self.name = name
        self.inbox = queue.Queue()
        self.log = []

    @staticmethod
    def settle(ms):
        time.sleep(ms / 1000)

    @classmethod
    def register(cls, dev):
        cls.settle(1)
        with cls.registry_lock:
            cls.registry.append(dev.name)

    def handle(self, msg):
        self.settle(1)
        self.log.append("base:" + msg)

    def serve(self):
        Device.register(self)
        while True:
            msg = self.inbox.get()
            if msg == "stop":
                break
            self.handle(msg)


class Sensor(Device):
    def handle(self, msg):
        super().handle(msg)
        self.log.append("sensor:" + msg)


class SmartSensor(Sensor):
    def handle(self, msg):
        if msg.startswith("cal"):
            self.calibrate()
        super().handle(msg)

    def calibrate(self):
        self.settle(2)
        self.log.append("calibrated")


def main():
    devices = [Device("plain"), Sensor("sensor"), SmartSensor("smart")]
    threads = []
    for d in devices:
        t = threading.Thread(target=d.serve, name=d.name)
        t.start()
        threads.append(t)
    for msg in ["hello", "calibrate", "read"]:
        for d in devices:
            d.inbox.put(msg)
    for d in devices:
        d.inbox.put("stop")
    for t in threads:
        t.join()
    for d in devices:
        print(d.name, d.log)
    print("registered:", sorted(Device.registry))
    Device.register(Device("late"))
    print("registered:", sorted(Device.registry))


main()
