# GY401: imports that will not resolve on the device, one warning each (any backend).
import json, subprocess                     # json is MicroPython's; subprocess is nowhere
from multiprocessing import Pool            # no processes on a device: use threading
import time

try:
    import ctypes                           # guarded: the program has a fallback, no warning
except ImportError:
    ctypes = None


def plugin(name):
    import importlib
    return importlib.import_module("sqlite3")   # a literal name is checked too


def run():
    import paho.mqtt.client as mqtt         # inside a function: still reported
    return mqtt, Pool, time, json
