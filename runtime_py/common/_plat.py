"""What the runtime runs on: the one place that tells MicroPython from CPython.

Every runtime module asks `MPY` here (CPython runs greenified output for host testing).
"""
import sys

MPY = sys.implementation.name == "micropython"
