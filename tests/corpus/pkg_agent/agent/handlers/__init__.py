# Command handlers, gathered into one registry dict.
from .system import *
from .sensors import read_one, read_all as read_everything
from ..config import VERSION


def build_registry():
    return {
        "sys.uptime": uptime,
        "sys.reboot": reboot,
        "sys.version": lambda ctx, args: "v" + VERSION,
        "sensor.read": read_one,
        "sensor.all": read_everything,
    }
