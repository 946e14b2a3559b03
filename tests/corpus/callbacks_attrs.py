# Functions stored in attributes, lists and dicts, then called later (the MQTT-client style).
# Exercises: `client.on_message = handler` then `self.on_message(...)` from a network-loop thread,
# a list of subscriber callbacks (some blocking, some not) called in a loop, a dict of topic
# handlers filled by a decorator-free register() call, a callback that is a bound method.
import threading
import queue
import time


class FakeClient:
    def __init__(self, messages):
        self.messages = messages
        self.on_connect = None
        self.on_message = None
        self.subscribers = []
        self.topic_handlers = {}

    def subscribe(self, fn):
        self.subscribers.append(fn)

    def route(self, topic, fn):
        self.topic_handlers[topic] = fn

    def loop(self):
        if self.on_connect is not None:
            self.on_connect(self)
        for topic, payload in self.messages:
            time.sleep(0.001)
            self.on_message(self, topic, payload)
            for fn in self.subscribers:
                fn(topic)
            handler = self.topic_handlers.get(topic)
            if handler is not None:
                handler(payload)


inbox = queue.Queue()
audit = []
counts = {}


def handle_message(client, topic, payload):
    inbox.put((topic, payload))


def on_connect(client):
    audit.append("connected")


def slow_audit(topic):
    time.sleep(0.0005)
    audit.append("audit " + topic)


class Stats:
    def __init__(self):
        self.seen = 0
        self.lock = threading.Lock()

    def bump(self, topic):
        with self.lock:
            self.seen += 1


def on_cmd(payload):
    inbox.put(("reply", "ack " + payload))


stats = Stats()
client = FakeClient([("sensors/t", "21"), ("cmd", "reboot"), ("sensors/h", "40"), ("cmd", "ota")])
client.on_connect = on_connect
client.on_message = handle_message
client.subscribe(slow_audit)
client.subscribe(stats.bump)
client.subscribe(lambda topic: counts.update({topic: counts.get(topic, 0) + 1}))
client.route("cmd", on_cmd)

net = threading.Thread(target=client.loop, name="net")
net.start()
net.join()
while not inbox.empty():
    print(inbox.get())
print(audit)
print("stats:", stats.seen, sorted(counts.items()))
