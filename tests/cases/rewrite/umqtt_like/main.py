import queue
import threading
from umqtt.simple import MQTTClient

inbox = queue.Queue()


def on_message(topic, msg):
    inbox.put_nowait((topic, msg))


def link():
    c = MQTTClient("127.0.0.1")
    c.set_callback(on_message)
    c.connect()
    while c.wait_msg() is not None:
        pass


t = threading.Thread(target=link)
t.start()
print(inbox.get())
