# greenify: needs logging, time
# greenify compat: CPython's `logging.handlers` (the part device programs use) on MicroPython:
# QueueHandler/QueueListener (log from many threads, write from one), RotatingFileHandler,
# TimedRotatingFileHandler, WatchedFileHandler, BufferingHandler/MemoryHandler.  Network
# handlers (Socket, SysLog, HTTP, SMTP) are not provided.
# Green backend: greenify does not convert this file, so the listener's thread is an async
# function that awaits the queue the way converted code does (for records other code puts
# there: greenify's QueueHandler hands its records to the queue's started listener at once, as
# the listener's thread would in queue order); stop() called by the main thread
# at top level runs the scheduler until the listener is done (as a join), and called from a
# green thread (which a plain call cannot make wait) hands the records still queued to the
# handlers itself.
# Host runs (green output on CPython): greenify's _host.py puts this folder first on the real
# logging package's __path__; the file then takes every name of CPython's logging.handlers
# (read from the standard library) and keeps only its own QueueListener, which green threads need.
import sys

_HOST = sys.implementation.name != "micropython"
import logging
import os
import time

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514


def _green():
    # The program runs on greenify's green backend (its threading is greenify's, not _thread's).
    g = sys.modules.get("greenify")
    return g is not None and getattr(g, "BACKEND", "green") != "thread"


def _at_top():
    # Plain code of the main thread, outside any green thread's task: greenify.run() may run
    # the scheduler from here.
    k = sys.modules["greenify"]._kernel
    core = getattr(k, "core", None)
    if core is not None:
        return core.cur_task is None
    import asyncio  # the host kernel: top level is where no loop runs
    try:
        asyncio.get_running_loop()
        return False
    except RuntimeError:
        return True


class BaseRotatingHandler(logging.FileHandler):
    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode, encoding, delay, errors)
        self.mode = mode

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        return default_name if not callable(self.namer) else self.namer(default_name)

    def rotate(self, source, dest):
        if not callable(self.rotator):
            if _exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


def _exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


class RotatingFileHandler(BaseRotatingHandler):
    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0, encoding=None, delay=False,
                 errors=None):
        if maxBytes > 0:
            mode = "a"  # CPython: rotating in "w" mode would lose the earlier runs
        BaseRotatingHandler.__init__(self, filename, mode, encoding, delay, errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                sfn = self.rotation_filename("%s.%d" % (self.baseFilename, i))
                dfn = self.rotation_filename("%s.%d" % (self.baseFilename, i + 1))
                if _exists(sfn):
                    _remove(dfn)
                    os.rename(sfn, dfn)
            dfn = self.rotation_filename(self.baseFilename + ".1")
            _remove(dfn)
            self.rotate(self.baseFilename, dfn)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            msg = "%s\n" % self.format(record)
            # MicroPython's tell() of a file opened for appending starts at 0: seek to the end.
            self.stream.seek(0, 2)
            if self.stream.tell() + len(msg) >= self.maxBytes:
                return True
        return False


_UNITS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "MIDNIGHT": 86400}
_SUFFIX = {"S": "%Y-%m-%d_%H-%M-%S", "M": "%Y-%m-%d_%H-%M", "H": "%Y-%m-%d_%H", "D": "%Y-%m-%d",
           "MIDNIGHT": "%Y-%m-%d"}


class TimedRotatingFileHandler(BaseRotatingHandler):
    def __init__(self, filename, when="h", interval=1, backupCount=0, encoding=None, delay=False,
                 utc=False, atTime=None, errors=None):
        BaseRotatingHandler.__init__(self, filename, "a", encoding, delay, errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        if self.when.startswith("W") and len(self.when) == 2 and self.when[1] in "0123456":
            self.dayOfWeek = int(self.when[1])
            unit, self.suffix = 86400 * 7, "%Y-%m-%d"
        elif self.when in _UNITS:
            unit, self.suffix = _UNITS[self.when], _SUFFIX[self.when]
        else:
            raise ValueError("Invalid rollover interval specified: %s" % self.when)
        self.interval = unit * interval
        try:
            t = os.stat(self.baseFilename)[8]
        except OSError:
            t = int(time.time())
        self.rolloverAt = self.computeRollover(t)

    def computeRollover(self, currentTime):
        result = currentTime + self.interval
        if self.when == "MIDNIGHT" or self.when.startswith("W"):
            t = time.gmtime(currentTime) if self.utc else time.localtime(currentTime)
            at = 0
            if self.atTime is not None:
                at = self.atTime.hour * 3600 + self.atTime.minute * 60 + self.atTime.second
            r = at - (t[3] * 3600 + t[4] * 60 + t[5])
            if r <= 0:
                r += 86400
            result = currentTime + r
            if self.when.startswith("W"):
                day = t[6]
                if day != self.dayOfWeek:
                    days = (self.dayOfWeek - day) % 7
                    result += days * 86400
        return result

    def shouldRollover(self, record):
        return int(time.time()) >= self.rolloverAt

    def getFilesToDelete(self):
        d, _, base = self.baseFilename.rpartition("/")
        prefix = base + "."
        found = sorted(n for n in os.listdir(d or ".") if n.startswith(prefix))
        if len(found) <= self.backupCount:
            return []
        return [(d + "/" if d else "") + n for n in found[:len(found) - self.backupCount]]

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        now = int(time.time())
        t = self.rolloverAt - self.interval
        tt = time.gmtime(t) if self.utc else time.localtime(t)
        dfn = self.rotation_filename(self.baseFilename + "." + time.strftime(self.suffix, tt))
        _remove(dfn)
        self.rotate(self.baseFilename, dfn)
        if self.backupCount > 0:
            for s in self.getFilesToDelete():
                _remove(s)
        if not self.delay:
            self.stream = self._open()
        r = self.computeRollover(now)
        while r <= now:
            r += self.interval
        self.rolloverAt = r


class WatchedFileHandler(logging.FileHandler):
    # Reopens the file when another program moved or deleted it (logrotate); MicroPython's
    # stat has no device/inode worth comparing, so only a missing file is noticed.
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode, encoding, delay, errors)

    def reopenIfNeeded(self):
        if self.stream is not None and not _exists(self.baseFilename):
            self.stream.close()
            self.stream = self._open()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class QueueHandler(logging.Handler):
    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        # As CPython: the message is formatted here (arguments may not survive the trip) and
        # the copy sent carries it in `msg` with no arguments nor exception left.
        msg = self.format(record)
        r = object.__new__(type(record))
        for k, v in record.__dict__.items():
            setattr(r, k, v)
        r.message = msg
        r.msg = msg
        r.args = None
        r.exc_info = None
        r.exc_text = None
        r.stack_info = None
        return r

    def emit(self, record):
        try:
            r = self.prepare(record)
            lst = _direct.get(id(self.queue)) if _direct else None
            if lst is not None:
                # Green: the queue's listener handles it now, in the order of the queue (a
                # record handed to its parked thread could be left behind by a plain stop()).
                lst.handle(r)
            else:
                self.enqueue(r)
        except Exception:
            self.handleError(record)


_direct = {}  # id(queue) -> its started QueueListener, green backend only


class QueueListener:
    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        if self._thread is not None:
            raise RuntimeError("Listener already started")
        import threading
        green = _green()
        self._thread = t = threading.Thread(target=self._amonitor if green else self._monitor)
        if green:
            _direct[id(self.queue)] = self
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        has_task_done = hasattr(q, "task_done")
        while True:
            record = self.dequeue(True)
            if record is self._sentinel:
                if has_task_done:
                    q.task_done()
                break
            self.handle(record)
            if has_task_done:
                q.task_done()

    async def _amonitor(self):
        # The green thread's body: greenify's Queue.get returns an awaitable here.
        q = self.queue
        has_task_done = hasattr(q, "task_done")
        aw = sys.modules["greenify"]._kernel.awaitable
        while self._thread is not None:
            record = self.dequeue(True)
            if aw(record):
                record = await record
            if record is self._sentinel:
                if has_task_done:
                    q.task_done()
                break
            self.handle(record)
            if has_task_done:
                q.task_done()

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        if self._thread is None:
            return
        if _direct.get(id(self.queue)) is self:
            del _direct[id(self.queue)]
        if _green() and _at_top():
            self.enqueue_sentinel()
            g = sys.modules["greenify"]
            g.run(self._thread.join())
            self._thread = None
            return
        if _green():
            # A plain call cannot wait for a green thread: handle what is queued now, here,
            # then let the listener's thread end when it next runs.
            while True:
                try:
                    record = self.queue.get(False)
                except Exception:  # queue.Empty
                    break
                if record is not self._sentinel:
                    self.handle(record)
                if hasattr(self.queue, "task_done"):
                    self.queue.task_done()
            self._thread = None
            self.enqueue_sentinel()
            return
        self.enqueue_sentinel()
        self._thread.join()
        self._thread = None


class BufferingHandler(logging.Handler):
    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        with self.lock:
            self.buffer.clear()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        with self.lock:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


if _HOST:
    _mine = QueueListener
    _std = logging.__file__.rpartition("/")[0] + "/handlers.py"
    with open(_std) as _f:
        exec(compile(_f.read(), _std, "exec"), globals())
    if _green():
        QueueListener = _mine
    del _mine, _std, _f
