# battery: backends=green,host
# expect: native task got 6 from green threads
# expect: cancelled getter: CancelledError, the item went to the next getter: x
# expect: green thread ran a native coroutine: 42
# expect: worker saw the event set by the native task
# expect: done
# Native asyncio and green threads in one program (a green-backend feature, so no CPython
# reference run): a native task awaits a green Queue and sets a green Event, a thread's
# target is a native coroutine function, and the threads finish before the loop ends; a
# native task cancelled while waiting on a green Queue leaves the wait list.
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


async def getter(tag, res):
    try:
        res.append(await q.get())
    except asyncio.CancelledError:
        res.append("CancelledError")
        raise


async def cancelling():
    r1 = []
    r2 = []
    t1 = asyncio.create_task(getter("t1", r1))
    t2 = asyncio.create_task(getter("t2", r2))
    await asyncio.sleep(0.01)
    t1.cancel()
    await asyncio.sleep(0.01)
    q.put_nowait("x")
    await asyncio.sleep(0.01)
    out.append("cancelled getter: %s, the item went to the next getter: %s" % (r1[0], r2[0]))


asyncio.run(cancelling())
for line in sorted(out):
    print(line)
print("done")
