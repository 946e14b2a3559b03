import time

NAME = "base"


def pause():
    time.sleep(0.005)


def describe(module):
    pause()
    return "plugin " + module.__name__
