# GY402: MicroPython language differences the program visibly relies on (any backend).
import abc


def render(template, name):
    return eval(template)                   # sees `name` on CPython; MicroPython: module globals only


def snapshot():
    level = 3
    return locals()                         # MicroPython: the module's globals


class Plugin:
    registry = []

    def __init_subclass__(cls):             # never called by MicroPython
        Plugin.registry.append(cls)


class Singleton(type):
    pass


class Config(metaclass=Singleton):          # a metaclass other than ABCMeta: its methods do not run
    pass


class Handler(abc.ABC, metaclass=abc.ABCMeta):   # ABCMeta is supported: no report
    pass


class Tagged(Plugin, tag="x"):              # class keywords: TypeError on MicroPython
    pass
