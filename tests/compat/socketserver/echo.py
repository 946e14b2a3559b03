# compat: runs=thread
# socketserver: a thread-per-client line echo (ThreadingMixIn + TCPServer, StreamRequestHandler) on 127.0.0.1
import socket, socketserver, threading
class H(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())
class S(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True
srv = S(("127.0.0.1", 0), H)
t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True); t.start()
for word in (b"hi\n", b"there\n"):
    c = socket.create_connection(srv.server_address); c.sendall(word); print(c.recv(100)); c.close()
srv.shutdown(); srv.server_close(); print("done")
