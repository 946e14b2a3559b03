# Sockets keep their kind through the network API: the lists `select.select()` returns hold the
# sockets of the lists it was given, `poll()`/`ipoll()` results hold the registered sockets,
# `accept()` results and `makefile()` files are sockets, and so are sockets kept in lists, dicts
# and `for self.sock in ...` targets. Their blocking methods are awaited.
import select
import socket


def serve(srv):
    clients = []
    while True:
        readable, writable, _ = select.select([srv] + clients, clients, [], 1.0)
        for s in readable:
            if s is srv:
                conn, addr = s.accept()
                clients.append(conn)
            else:
                s.recv(100)
        for w in writable:
            w.send(b"x")


def polled(sock):
    p = select.poll()
    p.register(sock, select.POLLIN)
    for obj, ev in p.poll(100):
        obj.recv(10)
    for obj, ev in p.ipoll(100):
        obj.recv(10)


class Reader:
    def __init__(self):
        self.sock = None
        self.socks = {}

    def add(self, name, sock):
        self.socks[name] = sock

    def once(self):
        ready, _, _ = select.select(list(self.socks.values()), [], [])
        for self.sock in ready:
            return self.sock.recv(10)

    def lines(self, sock):
        f = sock.makefile("rb")
        return f.readline()


def main():
    srv = socket.socket()
    r = Reader()
    r.add("a", socket.socket())
    serve(srv)
    polled(srv)
    return r.once(), r.lines(socket.socket())
