# greenify: needs _gyreal
# greenify compat: the `concurrent` package (only `concurrent.futures` is in it).
import sys

if sys.implementation.name != "micropython":  # a host run: the real package
    __import__("_gyreal").real(__name__)
