# CPython stand-in for MicroPython's `ubinascii` (MicroPython uses its built-in module).
from binascii import *  # noqa: F401,F403
