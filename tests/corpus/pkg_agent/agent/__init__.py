# The agent package: re-exports the Agent class and the version.
from .core import Agent
from . import config

VERSION = config.VERSION
