# A thread blocked in socket recv must not block the others: the ticker keeps ticking at its
# period while the reader waits 0.5 s for data. Also: poll() with a timeout, recv with
# settimeout, accept in a thread, EOF. Same output on CPython, greenified MicroPython and the
# thread backend. argv[1]: a free TCP port on 127.0.0.1 (MicroPython sockets have no getsockname).
import sys
import socket
import select
import threading
import time

PORT = int(sys.argv[1])
ADDR = socket.getaddrinfo("127.0.0.1", PORT)[0][-1]
ticks = 0
running = True


def ticker():
    global ticks
    while running:
        time.sleep(0.02)
        ticks += 1


def server(srv):
    conn, addr = srv.accept()
    time.sleep(0.5)  # the reader is blocked in recv meanwhile
    conn.send(b"ping\n")
    got = conn.recv(100)
    rest = conn.recv(100)  # EOF once the reader closes
    print("server: got", got, "then EOF", rest == b"")
    conn.close()


def reader():
    c = socket.socket()
    c.connect(ADDR)
    before = ticks
    data = c.recv(100)
    waited = ticks - before
    print("reader: got", data)
    print("reader: ticker kept ticking while I was blocked:", waited >= 10)
    c.send(b"pong")
    p = select.poll()
    p.register(c, select.POLLIN)
    before = ticks
    res = p.poll(300)
    print("reader: poll timed out:", res == [], "ticker ticked:", ticks - before >= 5)
    c.settimeout(0.2)
    try:
        c.recv(100)
        print("reader: recv returned?!")
    except OSError:
        print("reader: recv timed out")
    c.close()


srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(ADDR)
srv.listen(1)
tt = threading.Thread(target=ticker, name="ticker")
tt.start()
ts = threading.Thread(target=server, args=(srv,), name="server")
ts.start()
tr = threading.Thread(target=reader, name="reader")
tr.start()
tr.join()
ts.join()
running = False
tt.join()
srv.close()
print("done")
