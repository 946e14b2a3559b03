# Device agent entry point (MicroPython runs main.py from the root of the tree).
#   micropython main.py [HOST [PORT]]      (or: python3 main.py ... on CPython)
# See devagent/config.py for the environment variables and devagent/agent.py for the commands.
import sys

from devagent.config import Config
from devagent.agent import Agent
from devagent.link import log


def main():
    cfg = Config(sys.argv)
    agent = Agent(cfg)
    agent.start()
    agent.wait()
    log("stopped")


main()
