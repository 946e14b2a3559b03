# greenify: when __all__
# The public names of the green backend's threading and queue: their `__all__`, handed out
# by their module __getattr__ on first use (`from threading import *`, which ships every
# runtime module anyway, or a program reading `threading.__all__`).  Kept out of the modules
# themselves so a device that never asks does not carry the list.
ALL = {
    "threading": [
        "get_ident", "active_count", "Condition", "current_thread", "enumerate", "main_thread",
        "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Thread",
        "Barrier", "BrokenBarrierError", "Timer", "ThreadError", "ExceptHookArgs", "setprofile",
        "settrace", "local", "stack_size", "excepthook", "gettrace", "getprofile",
        "setprofile_all_threads", "settrace_all_threads", "get_native_id",
    ],
    "queue": ["Empty", "Full", "ShutDown", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"],
}
