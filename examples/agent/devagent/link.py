# The MQTT link: one thread owns the connection to the broker (connect, subscribe, wait_msg loop,
# reconnect with back-off); any thread may publish through it.
#
# Locking: umqtt's client is not thread-safe. The reader thread sits in wait_msg() (a socket read)
# WITHOUT holding the lock: a QoS 0 subscriber never writes from wait_msg, so reading and writing use
# separate directions of the socket. Everything that writes (publish, connect/subscribe, disconnect)
# or replaces the client holds `self.lock`.
#
# Memory: a device's heap can run out at any allocation. The link thread must outlive that: a
# command that cannot be queued is dropped and counted (`dropped`), and a MemoryError anywhere
# else in the session ends the session like a broken connection (reconnect with back-off).
import threading
from queue import Full

from umqtt.simple import MQTTClient, MQTTException

from devagent.clock import ticks_ms


def log(msg):
    try:
        print("[agent] " + msg)
    except MemoryError:
        pass  # a log line is not worth a thread


class Link:
    def __init__(self, cfg, inbox):
        self.cfg = cfg
        self.inbox = inbox  # commands received: (topic, payload) tuples
        self.lock = threading.Lock()
        self.client = None
        self.online = threading.Event()  # set while connected and subscribed
        self.stopping = threading.Event()
        self.sessions = 0
        self.unsent = []  # results that could not be published while the broker was away
        self.received = 0
        self.dropped = 0  # commands received but not queued: inbox full or heap exhausted
        self.thread = threading.Thread(target=self.run, name="mqtt")

    def start(self):
        self.thread.start()

    # -- the link thread ---------------------------------------------------------------------
    def run(self):
        delay = 0.1
        while not self.stopping.is_set():
            try:
                self.connect()
                delay = 0.1
                self.serve()
            except (OSError, MQTTException, AssertionError, IndexError, MemoryError) as e:
                if not self.stopping.is_set():
                    try:
                        log("link lost: %s: %s" % (type(e).__name__, e))
                    except MemoryError:
                        pass
            self.drop()
            if self.stopping.wait(delay):
                break
            delay = min(delay * 2, 2.0)
        log("link stopped")

    def connect(self):
        cfg = self.cfg
        client = MQTTClient(cfg.name + "-" + str(ticks_ms() % 100000), cfg.host, cfg.port)
        client.set_callback(self.on_message)
        with self.lock:
            client.connect()
            client.subscribe(cfg.t_cmd)
            self.client = client
            self.sessions += 1
            # retained: a controller that subscribes later still learns the agent is up
            client.publish(cfg.t_status, ("online %d" % self.sessions).encode(), True)
            backlog = self.unsent
            self.unsent = []
            for topic, msg in backlog:
                client.publish(topic, msg)
        self.online.set()
        log("connected to %s:%d (session %d, %d results flushed)" % (cfg.host, cfg.port, self.sessions, len(backlog)))

    def serve(self):
        client = self.client
        while not self.stopping.is_set():
            client.wait_msg()

    def on_message(self, topic, msg):
        # called by umqtt inside wait_msg on the link thread: must not block, and must not raise
        # (umqtt would leave the rest of the packet unread): a command that does not fit is
        # dropped and counted; it gets no answer, the link stays up.
        self.received += 1
        try:
            self.inbox.put_nowait(msg)
        except (Full, MemoryError):
            self.dropped += 1

    def drop(self):
        self.online.clear()
        with self.lock:
            client = self.client
            self.client = None
            if client is not None and client.sock is not None:
                try:
                    client.sock.close()
                except OSError:
                    pass

    # -- any thread ----------------------------------------------------------------------------
    def publish(self, topic, msg, keep=False):
        """Publish; if the broker is away, keep the message for the next session when `keep`."""
        with self.lock:
            client = self.client
            if client is not None:
                try:
                    client.publish(topic, msg)
                    return True
                except OSError:
                    pass  # the link thread notices the broken connection and reconnects
            if keep:
                self.unsent.append((topic, msg))
            return False

    def close(self):
        self.stopping.set()
        with self.lock:
            client = self.client
            if client is not None:
                try:
                    client.publish(self.cfg.t_status, b"offline", True)
                    client.disconnect()  # the broker closes the connection: wait_msg ends
                except OSError:
                    pass
                self.client = None
