# Thread introspection: current_thread(), main_thread(), enumerate(), active_count(), get_ident().
# Exercises: counts and names taken while workers are parked on an Event (so the set of live threads
# is known), ident/native_id/is_alive before start, during and after, repr() of initial, started
# and stopped threads, current_thread() inside a worker, main_thread() identity from any thread.
import threading
import queue

reports = queue.Queue()


def worker(started, release):
    me = threading.current_thread()
    reports.put((me.name, me is threading.main_thread(), me.ident == threading.get_ident(),
                 threading.main_thread().name))
    started.set()
    release.wait()


def live_names():
    return sorted([t.name for t in threading.enumerate()])


def main():
    main_t = threading.main_thread()
    print("current is main:", threading.current_thread() is main_t, main_t.name)
    print("main ident matches:", main_t.ident == threading.get_ident())
    print("main daemon:", main_t.daemon, "alive:", main_t.is_alive())
    print(repr(main_t))
    print("start:", threading.active_count(), live_names())

    release = threading.Event()
    threads = []
    started_events = []
    for i in range(3):
        started = threading.Event()
        t = threading.Thread(target=worker, args=(started, release), name="w%d" % i)
        threads.append(t)
        started_events.append(started)
    t0 = threads[0]
    print("before start:", t0.ident, t0.native_id, t0.is_alive(), repr(t0))
    for t, started in zip(threads, started_events):
        t.start()
        started.wait()
        print("started", t.name, "active:", threading.active_count(), live_names())
        print("  report:", reports.get())
    print("running:", repr(t0), isinstance(t0.ident, int), isinstance(t0.native_id, int))
    release.set()
    for t in threads:
        t.join()
    print("after join:", threading.active_count(), live_names())
    print("stopped:", repr(t0), t0.is_alive(), t0.ident is not None)
    d = threading.Thread(target=worker, name="d", daemon=True)
    print("daemon initial:", repr(d))


main()
