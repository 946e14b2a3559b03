# Driver classes; the base class is re-exported.
from .base import Driver
