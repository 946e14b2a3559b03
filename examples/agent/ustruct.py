# CPython stand-in for MicroPython's `ustruct` (MicroPython uses its built-in module).
from struct import *  # noqa: F401,F403
