# Sensor commands: every read goes over the bus (blocking, several calls deep).
from .. import util as helpers


def read_one(ctx, args):
    key = args[0]
    return key + "=" + str(ctx.bus.request(key))


def read_all(ctx, args):
    values = {}
    for key in ("hum", "temp"):
        values[key] = ctx.bus.request(key)
    return helpers.fmt_kv(values)
