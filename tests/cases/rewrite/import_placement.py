from __future__ import annotations
import time


def f():
    time.sleep(1)
