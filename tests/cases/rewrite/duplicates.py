# One problem, one diagnostic: a blocking callback stored on an object that may be any of
# several objects from outside SRC, a call evaluated twice by the analysis (the subscript of an
# augmented assignment), a callback handed over in a loop: each is reported once.
import time
import umqtt.simple
import paho.mqtt.client as paho


def on_message(client, userdata, msg):
    time.sleep(0.1)


DEFAULT = paho.default_client if paho else umqtt.simple.default_client
counts = {}


def setup(kind):
    client = DEFAULT if kind else paho.shared.client
    client.on_message = on_message                       # GY106, once
    for topic in ("a", "b", "c"):
        client.message_callback_add(topic, on_message)   # GY106, once
    counts[paho.topic_key(on_message)] += 1              # GY106, once
    return client
