# A leading try: the runtime import goes before its first statement.
try:
    import utime as time
except ImportError:
    import time


def f():
    time.sleep_ms(1)


if __name__ == "__main__":
    f()
