# battery: port
# A thread blocked in a socket call while every other thread waits without a timeout is
# not a deadlock: the data on its way wakes it. (argv[1]: a free TCP port on 127.0.0.1.)
import socket
import sys
import threading

ADDR = socket.getaddrinfo("127.0.0.1", int(sys.argv[1]))[0][-1]
got = threading.Event()
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(ADDR)
srv.listen(1)


def server():
    conn, _ = srv.accept()
    data = conn.recv(10)  # everyone else waits without a timeout meanwhile
    print("server got", data)
    got.set()
    conn.close()


def client():
    c = socket.socket()
    c.connect(ADDR)
    c.send(b"hello")
    got.wait()  # no timeout: only the socket can move things on
    print("client saw the server get it")
    c.close()


ts = [threading.Thread(target=server), threading.Thread(target=client)]
for t in ts:
    t.start()
for t in ts:
    t.join()
srv.close()
print("no deadlock reported")
