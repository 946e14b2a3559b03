# greenify: needs _gyreal, socket
# greenify compat: CPython's `socketserver` (TCPServer, ThreadingMixIn/ThreadingTCPServer,
# BaseRequestHandler, StreamRequestHandler) on MicroPython, over the compat `socket` module and
# the program's `threading`. Thread backend: serve_forever waits with select.poll in slices of
# poll_interval, so shutdown() from another thread stops it, as in CPython.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)

import socket
import select
import threading


class BaseServer:
    timeout = None

    def __init__(self, server_address, RequestHandlerClass):
        self.server_address = server_address
        self.RequestHandlerClass = RequestHandlerClass
        self._stop = False
        self._stopped = threading.Event()
        self._stopped.set()

    def serve_forever(self, poll_interval=0.5):
        self._stopped.clear()
        self._stop = False
        p = select.poll()
        p.register(self.socket, select.POLLIN)
        try:
            while not self._stop:
                if p.poll(int(poll_interval * 1000)) and not self._stop:
                    self._handle_request_noblock()
                self.service_actions()
        finally:
            self._stop = False
            self._stopped.set()

    def service_actions(self):
        pass

    def shutdown(self):
        self._stop = True
        self._stopped.wait()

    def handle_request(self):
        self._handle_request_noblock()

    def _handle_request_noblock(self):
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        if self.verify_request(request, client_address):
            try:
                self.process_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
                self.shutdown_request(request)
        else:
            self.shutdown_request(request)

    def verify_request(self, request, client_address):
        return True

    def process_request(self, request, client_address):
        self.finish_request(request, client_address)
        self.shutdown_request(request)

    def finish_request(self, request, client_address):
        self.RequestHandlerClass(request, client_address, self)

    def shutdown_request(self, request):
        self.close_request(request)

    def close_request(self, request):
        pass

    def handle_error(self, request, client_address):
        sys.stderr.write("-" * 40 + "\nException occurred during processing of request from %s\n" % (client_address,))
        sys.print_exception(sys.exc_info()[1]) if hasattr(sys, "print_exception") else None
        sys.stderr.write("-" * 40 + "\n")

    def server_close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.server_close()


class TCPServer(BaseServer):
    address_family = socket.AF_INET
    socket_type = socket.SOCK_STREAM
    request_queue_size = 5
    allow_reuse_address = False
    allow_reuse_port = False

    def __init__(self, server_address, RequestHandlerClass, bind_and_activate=True):
        BaseServer.__init__(self, server_address, RequestHandlerClass)
        self.socket = socket.socket(self.address_family, self.socket_type)
        if bind_and_activate:
            try:
                self.server_bind()
                self.server_activate()
            except BaseException:
                self.server_close()
                raise

    def server_bind(self):
        if self.allow_reuse_address:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def server_activate(self):
        self.socket.listen(self.request_queue_size)

    def server_close(self):
        self.socket.close()

    def fileno(self):
        return self.socket.fileno()

    def get_request(self):
        return self.socket.accept()

    def shutdown_request(self, request):
        try:
            request.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.close_request(request)

    def close_request(self, request):
        request.close()


class ThreadingMixIn:
    daemon_threads = False
    block_on_close = True

    def process_request_thread(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def process_request(self, request, client_address):
        t = threading.Thread(target=self.process_request_thread, args=(request, client_address))
        t.daemon = self.daemon_threads
        if not t.daemon and self.block_on_close:
            if not hasattr(self, "_threads"):
                self._threads = []
            self._threads.append(t)
        t.start()

    def server_close(self):
        # MicroPython's super() in a mixin does not reach the server class beside it
        (TCPServer if isinstance(self, TCPServer) else BaseServer).server_close(self)
        for t in getattr(self, "_threads", ()):
            t.join()
        self._threads = []


class ThreadingTCPServer(ThreadingMixIn, TCPServer):
    pass


class BaseRequestHandler:
    def __init__(self, request, client_address, server):
        self.request = request
        self.client_address = client_address
        self.server = server
        self.setup()
        try:
            self.handle()
        finally:
            self.finish()

    def setup(self):
        pass

    def handle(self):
        pass

    def finish(self):
        pass


class StreamRequestHandler(BaseRequestHandler):
    rbufsize = -1
    wbufsize = 0
    timeout = None

    def setup(self):
        self.connection = self.request
        if self.timeout is not None:
            self.connection.settimeout(self.timeout)
        self.rfile = self.connection.makefile("rb")
        self.wfile = self.connection.makefile("wb")

    def finish(self):
        try:
            self.wfile.flush()
        except OSError:
            pass
        self.wfile.close()
        self.rfile.close()
