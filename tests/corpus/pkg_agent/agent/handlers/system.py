# System commands: uptime is plain, reboot blocks (it settles through util.pause).
from ..util import pause

__all__ = ["uptime", "reboot"]


def uptime(ctx, args):
    return "up"


def reboot(ctx, args):
    pause(ctx.settings["settle_ms"])
    return "rebooting"


def _internal_helper():
    return "not exported"
