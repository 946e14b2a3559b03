# Green I/O seeds: socket construction is replaced by the runtime's, blocking socket methods and
# select/poll are awaited; accepted connections are sockets too.
import socket
import select
import threading


class Server:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def serve(self):
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        conn, addr = self.sock.accept()
        data = conn.recv(10)
        conn.sendall(data)
        conn.close()

    def port(self):
        return self.sock.getsockname()[1]


def client(port):
    s = socket.socket()
    s.settimeout(1)
    s.connect(("127.0.0.1", port))
    s.send(b"hi")
    r, _, _ = select.select([s], [], [], 1)
    p = select.poll()
    p.register(s, select.POLLIN)
    p.poll(100)
    print(s.recv(10))
    s.close()


def fetch(port):
    c = socket.create_connection(("127.0.0.1", port))
    c.sendall(b"x")
    return c.recv(1)


def main():
    srv = Server()
    t = threading.Thread(target=srv.serve)
    t.start()
    client(srv.port())
    t.join()


main()
