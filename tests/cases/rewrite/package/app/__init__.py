"""The app package."""
from .worker import start_workers
