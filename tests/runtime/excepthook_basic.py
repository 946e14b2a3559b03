# battery: stderr-first-line
# Uncaught exceptions in threads: CPython's default report on stderr, a replaced
# threading.excepthook receives ExceptHookArgs, SystemExit is silent, other threads go on.
import sys
import threading

# MicroPython exceptions carry no traceback object: exc_traceback is None there.
TB_OK = sys.implementation.name == "micropython"


def bad():
    raise ValueError("boom")


t = threading.Thread(target=bad)
t.start()
t.join()
print("main goes on", t.is_alive())


def quiet():
    raise SystemExit(5)


t = threading.Thread(target=quiet)
t.start()
t.join()
print("SystemExit in a thread is silent")

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None or TB_OK))


print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook
t = threading.Thread(target=bad, name="hooked")
t.start()
t.join()
t = threading.Thread(target=quiet, name="exits")
t.start()
t.join()
print(seen[0])
print("a replaced hook sees SystemExit too:", seen[1][:3])
threading.excepthook = threading.__excepthook__
a = threading.ExceptHookArgs([KeyError, KeyError("k"), None, None])
print(a.exc_type.__name__, a.thread, a.exc_traceback)
