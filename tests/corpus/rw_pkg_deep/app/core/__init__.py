from . import state
