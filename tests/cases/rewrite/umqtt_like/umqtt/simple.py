import usocket as socket
import ustruct as struct


class MQTTClient:
    def __init__(self, server):
        self.sock = None
        self.addr = socket.getaddrinfo(server, 1883)[0][-1]
        self.cb = None

    def set_callback(self, f):
        self.cb = f

    def connect(self):
        self.sock = socket.socket()
        self.sock.connect(self.addr)
        if self.addr is None:
            import ussl
            self.sock = ussl.wrap_socket(self.sock)
        self.sock.write(b"\x10\0")
        return self.sock.read(4)[0]

    def wait_msg(self):
        res = self.sock.read(1)
        self.sock.setblocking(True)
        if res is None:
            return None
        sz = struct.unpack("!H", self.sock.read(2))[0]
        self.cb(b"topic", self.sock.read(sz))
        return res
