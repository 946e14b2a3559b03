# Entry script of a multi-module agent (a directory program: run main.py at the top of the folder).
# Exercises: a package with a subpackage, `import agent`, `from agent.core import Agent`,
# `import agent.util as u`, `from agent import config as cfg`; inside the package: relative imports
# (`from . import x`, `from .sub import y`, `from ..util import z`, `from .system import *` with
# __all__, aliased relative imports); blocking reached across modules (worker -> handler in
# handlers/sensors.py -> Bus.request in transport.py -> util.wait_reply -> Queue.get()); a registry
# dict mixing blocking handlers, plain handlers and a lambda, looked up with dict.get.
import agent
from agent.core import Agent
import agent.util as u
from agent import config as cfg


def main():
    a = Agent(cfg.DEFAULTS)
    a.start()
    commands = ["sys.uptime", "sensor.read temp", "sensor.all", "sys.reboot", "sys.version",
                "sensor.read hum", "sys.selfdestruct"]
    for line in commands:
        a.submit(line)
    for reply in a.collect(len(commands)):
        print(reply)
    a.stop()
    print("bus transactions:", a.ctx.bus.transactions)
    print("version", agent.VERSION, u.fmt_kv({"workers": cfg.DEFAULTS["workers"], "app": "demo"}))


main()
