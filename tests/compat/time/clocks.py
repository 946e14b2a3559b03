import time

# Clocks: monotonic, ordered, consistent units.
a = time.monotonic()
an = time.monotonic_ns()
p = time.perf_counter()
pn = time.perf_counter_ns()
c = time.process_time()
print(type(a).__name__, type(an).__name__, type(p).__name__, type(pn).__name__, type(c).__name__)
time.sleep(0.05)
b = time.monotonic()
print("monotonic advanced", 0.04 < b - a < 1.0)
print("perf advanced", 0.04 < time.perf_counter() - p < 1.0)
print("ns agrees", abs(time.monotonic_ns() / 1e9 - time.monotonic()) < 0.01)
print("perf_ns agrees", abs(time.perf_counter_ns() - pn - (time.perf_counter() - p) * 1e9) < 1e7)
print("never backwards", all(time.monotonic() <= time.monotonic() for _ in range(100)))
deadline = time.monotonic() + 0.03
n = 0
while time.monotonic() < deadline:
    time.sleep(0.01)
    n += 1
print("deadline loop ended", 1 <= n <= 5)
# The builtin names are still there.
print(callable(time.sleep), callable(time.time), callable(time.time_ns))
print(abs(time.time() - time.time_ns() / 1e9) < 1)
