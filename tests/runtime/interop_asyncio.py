# battery: backends=green,host
# expect: native task got 6 from green threads
# expect: green thread ran a native coroutine: 42
# expect: worker saw the event set by the native task
# expect: done
# Native asyncio and green threads in one program (a green-backend feature, so no CPython
# reference run): a native task awaits a green Queue and sets a green Event, a thread's
# target is a native coroutine function, and the threads finish before the loop ends.
import asyncio
import queue
import threading

q = queue.Queue()
ev = threading.Event()
out = []


def producer():
    for i in (1, 2, 3):
        q.put(i)
    ev.wait()
    out.append("worker saw the event set by the native task")


async def native_target(x):
    await asyncio.sleep(0.01)
    out.append("green thread ran a native coroutine: %d" % x)


async def consumer():
    total = 0
    for _ in range(3):
        total += await q.get()
    print("native task got", total, "from green threads")
    await asyncio.sleep(0.01)
    ev.set()


async def main():
    t = threading.Thread(target=producer)
    t.start()
    n = threading.Thread(target=native_target, args=(42,))
    n.start()
    await consumer()
    while t.is_alive() or n.is_alive():
        await asyncio.sleep(0.01)


asyncio.run(main())
for line in sorted(out):
    print(line)
print("done")
