# compat: runs=green,thread,host
# socket: CPython's address tuples, getsockname/getpeername, with-blocks, makefile, create_connection,
# the OSError subclasses, constants; a thread-per-client echo on 127.0.0.1
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, port > 0)


def handle(conn, addr):
    with conn:
        f = conn.makefile("rb")
        while True:
            line = f.readline()
            if not line:
                break
            conn.sendall(line.upper())
    print("closed", addr[0])


def serve(n):
    for _ in range(n):
        conn, addr = srv.accept()
        t = threading.Thread(target=handle, args=(conn, addr))
        t.start()
        t.join()


t = threading.Thread(target=serve, args=(2,))
t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.sendall(b"hello\n")
    print(c.recv(100), c.getpeername() == ("127.0.0.1", port))
c2 = socket.socket()
c2.connect(("127.0.0.1", port))
c2.send(b"two\n")
print(c2.recv(100))
c2.close()
t.join()
srv.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print("refused", isinstance(e, OSError), e.errno == 111)
print(isinstance(socket.gethostname(), str), socket.htons(1), socket.inet_aton("1.2.3.4"), socket.SOMAXCONN > 0)
print(issubclass(socket.timeout, OSError), socket.error is OSError)
