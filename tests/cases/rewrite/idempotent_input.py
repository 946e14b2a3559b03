import greenify as __gy; import threading
import time


async def already(q):
    await __gy.sleep(1)
    return await q.get()


async def caller(q):
    return (await already(q)).upper()


def plain():
    return 1


q = __gy.run(__gy.maybe(plain()))
