# The agent: wires the MQTT link, the scheduler thread and the worker pool together.
#
# Commands arrive on agent/<id>/cmd as "ID VERB ARGS"; each result is published on
# agent/<id>/result as "ID ok TEXT" or "ID err TEXT".
#   echo TEXT          -> TEXT
#   sleep N            -> a long job: sleeps N seconds on its worker
#   eval EXPR          -> repr of the expression's value
#   upload NAME DATA   -> writes DATA to staging/NAME.part, then renames it over files/NAME (atomic)
#   stats              -> counters
#   quit               -> answers, then stops the agent (a Timer runs the shutdown)
#
# Memory: commands wait in a bounded inbox (AGENT_INBOX); what does not fit is dropped and counted
# (`stats`: dropped=N). Every thread survives a MemoryError: the worker's command gets an
# `err MemoryError` answer when there is memory left for one, a periodic job is skipped once.
import os
import threading
import time
import queue

from devagent.clock import ticks_ms, ticks_diff, ticks_add
from devagent.link import Link, log


def _mkdir(path):
    try:
        os.mkdir(path)
    except OSError:
        pass  # exists


class Agent:
    def __init__(self, cfg):
        self.cfg = cfg
        self.started = ticks_ms()
        self.inbox = queue.Queue(cfg.inbox)
        self.link = Link(cfg, self.inbox)
        self.stopping = threading.Event()
        self.stats_lock = threading.Lock()
        self.busy = 0
        self.done = 0
        self.beats = 0
        self.oom = 0  # MemoryErrors the threads survived
        self.files = cfg.data + "/files"
        self.staging = cfg.data + "/staging"
        self.workers = []
        for i in range(cfg.workers):
            self.workers.append(threading.Thread(target=self.worker, name="worker-%d" % (i + 1)))
        self.scheduler_thread = threading.Thread(target=self.scheduler, name="scheduler")

    def start(self):
        _mkdir(self.cfg.data)
        _mkdir(self.files)
        _mkdir(self.staging)
        self.link.start()
        self.scheduler_thread.start()
        for t in self.workers:
            t.start()
        log("started: %d workers, heartbeat every %ss" % (len(self.workers), self.cfg.heartbeat))

    def wait(self):
        self.link.thread.join()
        self.scheduler_thread.join()
        for t in self.workers:
            t.join()

    def uptime(self):
        return ticks_diff(ticks_ms(), self.started) / 1000

    # -- scheduler thread: periodic jobs on Event.wait ------------------------------------------
    def scheduler(self):
        period = int(self.cfg.heartbeat * 1000)
        next_beat = ticks_ms()
        next_stats = ticks_add(next_beat, 10 * period)
        while True:
            now = ticks_ms()
            if ticks_diff(next_beat, now) <= 0:
                try:
                    self.heartbeat()
                except MemoryError:
                    self.survived()
                next_beat = ticks_add(next_beat, period)
                if ticks_diff(next_beat, now) <= 0:  # fell behind: do not burst
                    next_beat = ticks_add(now, period)
            if ticks_diff(next_stats, now) <= 0:
                try:
                    self.report_stats()
                except MemoryError:
                    self.survived()
                next_stats = ticks_add(next_stats, 10 * period)
            wait_ms = min(ticks_diff(next_beat, ticks_ms()), ticks_diff(next_stats, ticks_ms()))
            if self.stopping.wait(max(0, wait_ms) / 1000):
                break
        log("scheduler stopped")

    def heartbeat(self):
        self.beats += 1
        with self.stats_lock:
            busy = self.busy
            done = self.done
        msg = "hb %d uptime=%.1f inbox=%d busy=%d done=%d" % (
            self.beats,
            self.uptime(),
            self.inbox.qsize(),
            busy,
            done,
        )
        self.link.publish(self.cfg.t_hb, msg.encode())

    def survived(self):
        with self.stats_lock:
            self.oom += 1

    def report_stats(self):
        log("stats: %s" % self.stats_text())

    def stats_text(self):
        with self.stats_lock:
            return "uptime=%.1f received=%d dropped=%d done=%d busy=%d inbox=%d sessions=%d oom=%d" % (
                self.uptime(),
                self.link.received,
                self.link.dropped,
                self.done,
                self.busy,
                self.inbox.qsize(),
                self.link.sessions,
                self.oom,
            )

    # -- worker threads -------------------------------------------------------------------------
    def worker(self):
        while True:
            msg = self.inbox.get()
            if msg is None:
                break
            with self.stats_lock:
                self.busy += 1
            try:
                reply = self.handle(msg)
                if reply is not None:
                    self.link.publish(self.cfg.t_result, reply.encode(), True)
            except MemoryError:
                self.survived()  # not even the error could be answered: the command is lost
            with self.stats_lock:
                self.busy -= 1
                self.done += 1

    def handle(self, msg):
        try:
            text = msg.decode()
        except Exception:
            return None
        parts = text.split(" ", 2)
        if len(parts) < 2:
            return None
        cid = parts[0]
        verb = parts[1]
        arg = parts[2] if len(parts) > 2 else ""
        try:
            out = self.execute(verb, arg)
            return cid + " ok " + out
        except Exception as e:
            return cid + " err " + type(e).__name__ + ": " + str(e)

    def execute(self, verb, arg):
        if verb == "echo":
            return arg
        if verb == "sleep":
            secs = float(arg)
            time.sleep(secs)
            return "slept " + arg
        if verb == "eval":
            return repr(eval(arg, {}))
        if verb == "upload":
            return self.upload(arg)
        if verb == "stats":
            return self.stats_text()
        if verb == "quit":
            threading.Timer(0.2, self.shutdown).start()
            return "bye"
        raise ValueError("unknown command " + verb)

    def upload(self, arg):
        sp = arg.find(" ")
        name = arg if sp < 0 else arg[:sp]
        data = "" if sp < 0 else arg[sp + 1 :]
        if not name or "/" in name or name.startswith("."):
            raise ValueError("bad file name")
        part = self.staging + "/" + name + ".part"
        with open(part, "wb") as f:
            f.write(data.encode())
        os.rename(part, self.files + "/" + name)  # the swap: readers see old or new, never half
        return "stored %s %d" % (name, len(data))

    # -- shutdown (runs on a Timer thread) ------------------------------------------------------
    def shutdown(self):
        log("shutting down")
        self.stopping.set()
        for t in self.workers:
            self.inbox.put(None)
        for t in self.workers:
            t.join()
        self.link.close()
