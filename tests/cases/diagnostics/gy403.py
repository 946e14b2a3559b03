# GY403: except clauses for errno subclasses of OSError, which MicroPython never raises itself.
import errno


def load(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:               # MicroPython raises OSError(ENOENT)
        return ""
    except (PermissionError, ValueError):   # one report, for PermissionError
        return None


def load_portably(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError as e:                    # the portable form: no report
        if e.errno == errno.ENOENT:
            return ""
        raise
