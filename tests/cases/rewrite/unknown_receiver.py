# The unknown-receiver rule: when nothing in SRC tells what a receiver is and the method name is a
# blocking one of a kind the program builds, the call is left plain with warning GY301.
import queue

q = queue.Queue()


def api(inbox):                      # never called from SRC: `inbox` has no known value
    return inbox.get()


def fed(inbox):
    return inbox.get()               # fed with a Queue below: awaited


def config(d):
    return d.get("x")                # fed with a dict: plain, no warning


def handler(conn):
    conn.wait()                      # Event is not built anywhere: no warning


fed(q)
config({"x": 1})


import umqtt_lib  # outside SRC (installed on the board)


class Client(umqtt_lib.MQTTClient):
    # Attributes not set in SRC come from the class outside SRC: plain calls, no GY303; a
    # blocking function handed to one of them is a GY106 error.
    def __init__(self, q):
        super().__init__("id")
        self.q = q

    def on_msg(self, topic, msg):
        self.q.put(msg)

    def loop(self):
        self.set_callback(self.on_msg)
        self.connect()
        self.check_msg()


client = Client(queue.Queue())
