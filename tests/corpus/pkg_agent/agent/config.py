# Plain settings; nothing here blocks.
VERSION = "2.3.1"
DEFAULTS = {"workers": 2, "settle_ms": 1}
