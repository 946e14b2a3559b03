# Unit test of greenify.gsocket / greenify.gselect driven by asyncio directly (no rewriter needed).
# Runs on MicroPython and CPython with the same output. argv[1]: a free TCP port on 127.0.0.1,
# argv[2]: a port where nothing listens. The expected output is at the end of this file.
import sys
import asyncio
import errno
from greenify import gsocket, gselect

MP = sys.implementation.name == "micropython"
PORT = int(sys.argv[1])
DEAD = int(sys.argv[2])
ADDR = gsocket.getaddrinfo("127.0.0.1", PORT)[0][-1]
ticks = [0]
running = [True]


def now():
    import time

    return time.ticks_ms() if MP else int(time.monotonic() * 1000)


def is_timeout(e):
    if MP:
        return isinstance(e, OSError) and e.errno == errno.ETIMEDOUT
    import socket

    return isinstance(e, socket.timeout)


async def ticker():
    while running[0]:
        await asyncio.sleep(0.02)
        ticks[0] += 1


async def server(srv):
    conn, addr = await srv.accept()
    print("server: accepted")
    t0 = ticks[0]
    line = await conn.readline()  # blocks ~0.3 s: the ticker must keep going
    print("server: line", line, "ticker advanced", ticks[0] - t0 >= 5)
    await conn.write(b"echo:" + line)
    data = await conn.read(6)  # arrives in two pieces, read(n) waits for all
    print("server: read(6)", data)
    t0 = ticks[0]
    conn.setsockopt(gsocket.SOL_SOCKET, 7, 4096)  # SO_SNDBUF (Linux): small, so sendall must wait
    await conn.sendall(data * 50000)  # 300 kB
    print("server: bulk sent, ticker advanced", ticks[0] - t0 >= 5)
    n = await conn.recv(10)
    print("server: recv at EOF", n)
    conn.close()


async def main():
    srv = gsocket.socket(gsocket.AF_INET, gsocket.SOCK_STREAM)
    srv.setsockopt(gsocket.SOL_SOCKET, gsocket.SO_REUSEADDR, 1)
    srv.bind(ADDR)
    srv.listen(2)
    asyncio.create_task(ticker())
    st = asyncio.create_task(server(srv))

    c = gsocket.socket()
    await c.connect(ADDR)
    print("client: connected")
    await asyncio.sleep(0.3)
    await c.write(b"hello\n")
    print("client: got", await c.read(11))
    await c.send(b"abc")
    await asyncio.sleep(0.05)
    await c.send(b"def")
    await asyncio.sleep(0.2)  # the server's sendall waits for buffer space meanwhile
    total = 0
    while total < 300000:
        chunk = await c.recv(65536)
        if not chunk:
            break
        total += len(chunk)
    print("client: bulk bytes", total)

    # timeouts and non-blocking mode
    c.settimeout(0.1)
    t = now()
    try:
        await c.recv(1)
        print("client: no timeout?!")
    except Exception as e:
        el = now() - t
        print("client: recv timeout", is_timeout(e), 80 <= el < 1000)
    c.setblocking(False)
    try:
        await c.recv(1)
    except OSError as e:
        print("client: non-blocking recv", e.errno == errno.EAGAIN)
    print("client: non-blocking read", await c.read(1))
    c.setblocking(True)

    # select / poll
    p = gselect.poll()
    p.register(c, gselect.POLLIN)
    t = now()
    res = await p.poll(100)
    print("poll: timeout", res, 80 <= now() - t < 1000)
    r, w, x = await gselect.select([c], [c], [], 1.0)
    print("select: writable", r == [], w == [c])
    c.close()  # the server sees EOF
    await st

    # a task waiting in recv is woken by close() of the socket from another task
    c2 = gsocket.socket()
    await c2.connect(ADDR)
    conn, a = await srv.accept()

    async def closer():
        await asyncio.sleep(0.1)
        c2.close()

    asyncio.create_task(closer())
    try:
        r = await c2.recv(1)
        print("closed while waiting: returned", r)
    except OSError as e:
        print("closed while waiting: OSError", e.errno == errno.EBADF)
    # poll sees a socket that becomes readable while parked
    async def later():
        await asyncio.sleep(0.1)
        await conn.write(b"x")

    c3 = gsocket.socket()
    await c3.connect(ADDR)
    conn3, a = await srv.accept()
    p = gselect.poll()
    p.register(c3, gselect.POLLIN)
    conn = conn3
    asyncio.create_task(later())
    res = await p.poll(2000)
    print("poll: ready", len(res), res[0][0] is (c3 if MP else c3.fileno()), res[0][1] & gselect.POLLIN != 0)
    r, w, x = await gselect.select([c3], [], [], 0)
    print("select: readable", r == [c3], await c3.recv(5))
    c3.close()
    conn3.close()
    srv.close()

    # UDP: recvfrom waits for a datagram sent 0.1 s later
    u1 = gsocket.socket(gsocket.AF_INET, gsocket.SOCK_DGRAM)
    u1.bind(ADDR)
    u2 = gsocket.socket(gsocket.AF_INET, gsocket.SOCK_DGRAM)

    async def send_later():
        await asyncio.sleep(0.1)
        await u2.sendto(b"datagram", ADDR)

    asyncio.create_task(send_later())
    t0 = ticks[0]
    data, frm = await u1.recvfrom(100)
    print("udp: recvfrom", data, "ticker advanced", ticks[0] - t0 >= 2)
    u1.close()
    u2.close()

    # create_connection returns a connected green socket
    srv2 = gsocket.socket()
    srv2.setsockopt(gsocket.SOL_SOCKET, gsocket.SO_REUSEADDR, 1)
    srv2.bind(ADDR)
    srv2.listen(1)
    cc = await gsocket.create_connection(("127.0.0.1", PORT), 2.0)
    peer, a = await srv2.accept()
    await peer.sendall(b"hi")
    print("create_connection:", isinstance(cc, gsocket.socket), cc.gettimeout(), await cc.read(2))
    buf = bytearray(8)

    async def send_abc():
        await asyncio.sleep(0.05)
        await peer.write(b"abc")

    asyncio.create_task(send_abc())
    n = await cc.recv_into(buf)
    print("recv_into:", n, bytes(buf[:n]))
    cc.setblocking(False)
    try:
        await cc.recv_into(buf)
    except OSError as e:
        print("recv_into non-blocking:", e.errno == errno.EAGAIN)
    cc.close()
    peer.close()
    srv2.close()

    # connection refused
    d = gsocket.socket()
    try:
        await d.connect(gsocket.getaddrinfo("127.0.0.1", DEAD)[0][-1])
        print("refused: connected?!")
    except OSError as e:
        print("refused:", e.errno == errno.ECONNREFUSED)
    d.close()
    running[0] = False
    print("io waits left", gsocket.waiting())


asyncio.run(main())
print("done")

# expected:
# server: accepted
# client: connected
# server: line b'hello\n' ticker advanced True
# client: got b'echo:hello\n'
# server: read(6) b'abcdef'
# server: bulk sent, ticker advanced True
# client: bulk bytes 300000
# client: recv timeout True True
# client: non-blocking recv True
# client: non-blocking read None
# poll: timeout [] True
# select: writable True True
# server: recv at EOF b''
# closed while waiting: OSError True
# poll: ready 1 True True
# select: readable True b'x'
# udp: recvfrom b'datagram' ticker advanced True
# create_connection: True 2.0 b'hi'
# recv_into: 3 b'abc'
# recv_into non-blocking: True
# refused: True
# io waits left 0
# done
