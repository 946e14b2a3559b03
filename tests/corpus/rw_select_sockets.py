# Sockets that come back from the network API keep their kind: `poll()` over the listening
# socket plus accepted connections (`for s, ev in p.poll(): s.recv(...)`; CPython's poll gives
# file descriptors, MicroPython's the objects: a dict maps the former), `accept()` results kept
# in a list and a dict, `makefile()` lines, and a `for self.sock in ready:` target.
# (MicroPython's unix port has no select.select(): tests/cases/sockets_flow.py covers it.)
# The port is the first free one from a fixed range (MicroPython sockets have no getsockname).
import select
import socket
import threading


def bind_free(srv):
    for port in range(47310, 47410):
        addr = socket.getaddrinfo("127.0.0.1", port)[0][-1]
        try:
            srv.bind(addr)
            return addr
        except OSError:
            pass
    raise OSError("no free port")


def serve(srv, clients_expected, log):
    p = select.poll()
    p.register(srv, select.POLLIN)
    by_fd = {srv.fileno(): srv}
    clients = []
    names = {}
    finished = 0
    while finished < clients_expected:
        for key, ev in p.poll(2000):
            s = by_fd.get(key, key)
            if s is srv:
                conn, _ = s.accept()
                clients.append(conn)
                by_fd[conn.fileno()] = conn
                p.register(conn, select.POLLIN)
                names[id(conn)] = "c%d" % len(clients)
                continue
            data = s.recv(64)
            if data:
                s.sendall(data.upper())
            else:
                log.append("closed " + names[id(s)])
                p.unregister(s)
                clients.remove(s)
                s.close()
                finished += 1
    srv.close()


class LineClient:
    def __init__(self, addr):
        self.sock = socket.socket()
        self.sock.connect(addr)
        self.file = self.sock.makefile("rwb")

    def ask(self, text):
        self.sock.sendall(text + b"\n")
        return self.file.readline()

    def close(self):
        self.file.close()
        self.sock.close()


class Waiter:
    def __init__(self, sock):
        self.poller = select.poll()
        self.poller.register(sock, select.POLLIN)
        self.by_fd = {sock.fileno(): sock}
        self.out = sock
        self.sock = None

    def echo(self, text):
        self.out.sendall(text)
        ready = [self.by_fd.get(key, key) for key, ev in self.poller.poll(2000)]
        for self.sock in ready:
            return self.sock.recv(64)
        return b"timeout"


def main():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    addr = bind_free(srv)
    srv.listen(4)
    log = []
    t = threading.Thread(target=serve, args=(srv, 2, log))
    t.start()
    a = LineClient(addr)
    print(a.ask(b"hello"), a.ask(b"again"))
    raw = socket.socket()
    raw.connect(addr)
    w = Waiter(raw)
    print(w.echo(b"ping"), w.sock is raw)
    a.close()
    raw.close()
    t.join()
    print(sorted(log))


main()
