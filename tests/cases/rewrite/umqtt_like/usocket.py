# A CPython stand-in for MicroPython's built-in usocket: MicroPython never loads it.
from socket import *  # noqa: F401,F403
import socket as _socket


class socket(_socket.socket):
    def read(self, n=-1):
        return _socket.socket.recv(self, n)
