# Propagation through self/cls/super(), staticmethod and classmethod, obj.m() on inferred objects,
# and one color for same-name methods of one class hierarchy.
import queue
import threading
import time


class Device:
    registry_lock = threading.Lock()

    @staticmethod
    def settle(ms):
        time.sleep(ms / 1000)

    @classmethod
    def register(cls, name):
        cls.settle(1)
        with cls.registry_lock:
            print(name)

    def handle(self, msg):
        print("base", msg)            # plain, but an override blocks: same color

    def serve(self):
        Device.register("x")
        self.handle("hello")


class Sensor(Device):
    def handle(self, msg):
        super().handle(msg)
        self.settle(1)


class Unrelated:
    def handle(self, msg):            # another hierarchy: stays plain
        print(msg)


def main():
    d = Sensor()
    d.serve()
    Unrelated().handle("x")
    d.handle("y")


class Probe:
    def read(self):
        time.sleep(0.01)
        return 1

    def twice(self):
        # Methods reached through the object's class.
        return type(self).read(self) + self.__class__.read(self)


def through_the_class(t, q):
    # Runtime methods called through their class: the receiver is the first argument.
    threading.Thread.start(t)
    threading.Thread.join(t)
    item = queue.Queue.get(q)
    maybe_item = queue.Queue.get(q, False)
    return item, maybe_item
