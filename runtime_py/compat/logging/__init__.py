# greenify: needs time, traceback, _gyreal
# greenify compat: CPython's `logging` (the commonly used surface) on MicroPython.
# Records carry CPython's attributes; what MicroPython cannot know (no frames: the caller's
# file, line and function; no processes) has CPython's own "unknown" values.  One lock around
# every emit keeps each record on a line of its own with real threads (thread backend); green
# threads never switch inside an emit (it has no await), so there it is never contended.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)
import time

CRITICAL = FATAL = 50
ERROR = 40
WARNING = WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {50: "CRITICAL", 40: "ERROR", 30: "WARNING", 20: "INFO", 10: "DEBUG", 0: "NOTSET"}
_nameToLevel = {"CRITICAL": 50, "FATAL": 50, "ERROR": 40, "WARN": 30, "WARNING": 30, "INFO": 20,
                "DEBUG": 10, "NOTSET": 0}

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
raiseExceptions = True
logThreads = logProcesses = logMultiprocessing = True
_startTime = time.time()


def getLevelName(level):
    r = _levelToName.get(level)
    if r is not None:
        return r
    r = _nameToLevel.get(level)
    return r if r is not None else "Level %s" % level


def getLevelNamesMapping():
    return dict(_nameToLevel)


def addLevelName(level, levelName):
    with _lock:
        _levelToName[level] = levelName
        _nameToLevel[levelName] = level


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % level)
        return _nameToLevel[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


try:
    from _thread import allocate_lock as _alloc, get_ident as _ident
except ImportError:  # a board without threads: only green threads, which never preempt
    _alloc = _ident = None


class _RLock:
    # Reentrant (a handler may log while emitting).  Green threads share one OS thread, so
    # for them it is always free: they cannot switch while holding it.
    def __init__(self):
        self._l = _alloc() if _alloc else None
        self._o = None
        self._n = 0

    def acquire(self, *a):
        if self._l is not None:
            me = _ident()
            if self._o != me:
                self._l.acquire()
                self._o = me
            self._n += 1
        return True

    def release(self):
        if self._l is not None:
            self._n -= 1
            if not self._n:
                self._o = None
                self._l.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *a):
        self.release()


_lock = _RLock()


def _thread_info():
    # The running greenify thread (green or real), as CPython's threading reports it.
    t = sys.modules.get("threading")
    if t is not None and hasattr(t, "current_thread"):
        c = t.current_thread()
        return c.ident, c.name
    return (_ident() if _ident else 0), "MainThread"


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None,
                 **kwargs):
        ns = time.time_ns()
        ct = ns / 1e9
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        fn = pathname[pathname.rfind("/") + 1:]
        self.filename = fn
        i = fn.rfind(".")
        self.module = fn[:i] if i > 0 else fn
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = (ns // 1000000) % 1000 + 0.0
        self.relativeCreated = (ct - _startTime) * 1000
        self.thread, self.threadName = _thread_info()
        self.processName = "MainProcess"
        self.process = 0  # MicroPython has no process ids
        self.taskName = None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname,
                                                      self.lineno, self.msg)

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


_recordFactory = LogRecord


def setLogRecordFactory(factory):
    global _recordFactory
    _recordFactory = factory


def getLogRecordFactory():
    return _recordFactory


def makeLogRecord(dict):
    rv = _recordFactory(None, None, "", 0, "", (), None, None)
    for k in dict:  # MicroPython's instance __dict__ is read-only
        setattr(rv, k, dict[k])
    return rv


class Formatter:
    converter = time.localtime
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        if style not in ("%", "{", "$"):
            raise ValueError("Style must be one of: %,{,$")
        self._style = style
        self._fmt = fmt or {"%": "%(message)s", "{": "{message}", "$": "${message}"}[style]
        self._defaults = defaults
        self.datefmt = datefmt
        if validate and not self._fields_ok():
            raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, style))

    def _fields_ok(self):
        return ("%(" if self._style == "%" else self._style) in self._fmt

    def formatTime(self, record, datefmt=None):
        # Through the class: a Python function stored on a class would bind as a method.
        conv = self.__dict__.get("converter") or type(self).converter
        ct = conv(record.created)
        if datefmt:
            return time.strftime(datefmt, ct)
        s = time.strftime(self.default_time_format, ct)
        if self.default_msec_format:
            s = self.default_msec_format % (s, record.msecs)
        return s

    def formatException(self, ei):
        import traceback
        s = "".join(traceback.format_exception(ei[0], ei[1], ei[2]))
        return s[:-1] if s[-1:] == "\n" else s

    def usesTime(self):
        st = self._style
        f = self._fmt
        if st == "%":
            return "%(asctime)" in f
        if st == "{":
            return "{asctime" in f
        return "$asctime" in f or "${asctime" in f

    def formatMessage(self, record):
        d = record.__dict__
        if self._defaults:
            d = dict(self._defaults)
            d.update(record.__dict__)
        st = self._style
        if st == "%":
            return self._fmt % d
        if st == "{":
            return self._fmt.format(**d)
        s = self._fmt.replace("$$", "\0")
        for k in sorted(d, key=len, reverse=True):  # $threadName before $thread
            if k in s:
                v = str(d[k])
                s = s.replace("${%s}" % k, v).replace("$" + k, v)
        return s.replace("\0", "$")

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        if record.stack_info:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + self.formatStack(record.stack_info)
        return s


_defaultFormatter = Formatter()


class BufferingFormatter:
    def __init__(self, linefmt=None):
        self.linefmt = linefmt or _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not records:
            return ""
        return (self.formatHeader(records) + "".join(self.linefmt.format(r) for r in records)
                + self.formatFooter(records))


class Filter:
    def __init__(self, name=""):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        n = self.nlen
        if n == 0 or self.name == record.name:
            return True
        if not record.name.startswith(self.name):
            return False
        return record.name[n:n + 1] == "."


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if filter not in self.filters:
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for f in self.filters:
            r = f.filter(record) if hasattr(f, "filter") else f(record)
            if not r:
                return False
        return True


_handlers = []  # every handler made, for shutdown()


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self._closed = False
        self.lock = _lock
        _handlers.append(self)

    def get_name(self):
        return self._name

    def set_name(self, name):
        self._name = name

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = _lock

    def acquire(self):
        self.lock.acquire()

    def release(self):
        self.lock.release()

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def handle(self, record):
        rv = self.filter(record)
        if rv:
            with self.lock:
                self.emit(record)
        return rv

    def setFormatter(self, fmt):
        self.formatter = fmt

    def flush(self):
        pass

    def close(self):
        self._closed = True
        if self in _handlers:
            _handlers.remove(self)

    def handleError(self, record):
        if raiseExceptions and sys.stderr:
            import traceback
            w = sys.stderr.write
            w("--- Logging error ---\n")
            traceback.print_exc(file=sys.stderr)
            try:
                w("Message: %r\nArguments: %s\n" % (record.msg, record.args))
            except Exception:
                w("Unable to print the message and arguments - possible formatting error.\n"
                  "Use the traceback above to help find the error.\n")

    def __repr__(self):
        return "<%s (%s)>" % (type(self).__name__, getLevelName(self.level))


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def flush(self):
        with self.lock:
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()

    def emit(self, record):
        try:
            msg = self.format(record)
            # One write per record: the line reaches the stream whole.
            self.stream.write(msg + self.terminator)
            self.flush()
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        if stream is self.stream:
            return None
        with self.lock:
            old = self.stream
            self.flush()
            self.stream = stream
        return old

    def __repr__(self):
        s = self.stream
        name = "<stderr>" if s is sys.stderr else "<stdout>" if s is sys.stdout else \
            str(getattr(s, "name", ""))
        return "<%s %s(%s)>" % (type(self).__name__, name + " " if name else "",
                                getLevelName(self.level))


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        filename = str(filename)
        if not filename.startswith("/"):
            import os
            filename = os.getcwd().rstrip("/") + "/" + filename
        self.baseFilename = filename
        self.mode = mode
        self.encoding = encoding
        self.errors = errors
        self.delay = delay
        Handler.__init__(self)
        self.stream = None if delay else self._open()

    def _open(self):
        return open(self.baseFilename, self.mode)

    def emit(self, record):
        if self.stream is None:
            if self.mode != "w" or not self._closed:
                self.stream = self._open()
        if self.stream:
            StreamHandler.emit(self, record)

    def close(self):
        with self.lock:
            try:
                if self.stream:
                    try:
                        self.flush()
                    finally:
                        s = self.stream
                        self.stream = None
                        if hasattr(s, "close"):
                            s.close()
            finally:
                StreamHandler.close(self)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.baseFilename, getLevelName(self.level))


class _StderrHandler(StreamHandler):
    # The last resort: whatever sys.stderr is when the record comes.
    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)
        _handlers.remove(self)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, v):
        pass


lastResort = _StderrHandler(WARNING)
_defaultLastResort = lastResort


class NullHandler(Handler):
    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        self.lock = None


class PlaceHolder:
    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        self.loggerMap[alogger] = None


class Manager:
    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.emittedNoHandlerWarning = False
        self.loggerDict = {}
        self.loggerClass = None
        self.logRecordFactory = None

    def getLogger(self, name):
        if str(name) != name:
            raise TypeError("A logger name must be a string")
        with _lock:
            rv = self.loggerDict.get(name)
            if rv is None:
                rv = (self.loggerClass or _loggerClass)(name)
                rv.manager = self
                self.loggerDict[name] = rv
                self._fix(rv)
            return rv

    def _fix(self, lg):
        # Parent: the nearest existing ancestor by dotted name (else root).  Loggers made
        # before that now sit under the new one get it as their parent.
        name = lg.name
        parent = self.root
        i = name.rfind(".")
        while i > 0:
            p = self.loggerDict.get(name[:i])
            if p is not None:
                parent = p
                break
            i = name.rfind(".", 0, i)
        lg.parent = parent
        pre = name + "."
        n = len(name)
        for c in self.loggerDict.values():
            if c.name.startswith(pre) and (c.parent is self.root or len(c.parent.name) < n):
                c.parent = lg

    def setLoggerClass(self, klass):
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _clear_cache(self):
        pass


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")
            return
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def findCaller(self, stack_info=False, stacklevel=1):
        # MicroPython exposes no frames: CPython's values for "not found".
        return "(unknown file)", 0, "(unknown function)", None

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info, func=None, extra=None,
                   sinfo=None):
        rv = _recordFactory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        if extra is not None:
            for key in extra:
                if key in ("message", "asctime") or key in rv.__dict__:
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                setattr(rv, key, extra[key])
        return rv

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, None)
            elif not isinstance(exc_info, tuple):
                exc_info = sys.exc_info()
        self.handle(self.makeRecord(self.name, level, fn, lno, msg, args, exc_info, func, extra,
                                    sinfo))

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        with _lock:
            if hdlr not in self.handlers:
                self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        with _lock:
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            c = c.parent if c.propagate else None
        return False

    def callHandlers(self, record):
        c = self
        found = 0
        while c:
            for h in c.handlers:
                found += 1
                if record.levelno >= h.level:
                    h.handle(record)
            c = c.parent if c.propagate else None
        if found == 0:
            if lastResort:
                if record.levelno >= lastResort.level:
                    lastResort.handle(record)
            elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
                sys.stderr.write("No handlers could be found for logger \"%s\"\n" % self.name)
                self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        c = self
        while c:
            if c.level:
                return c.level
            c = c.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled or self.manager.disable >= level:
            return False
        return level >= self.getEffectiveLevel()

    def getChild(self, suffix):
        if self.root is not self:
            suffix = self.name + "." + suffix
        return self.manager.getLogger(suffix)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name,
                                 getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)


_loggerClass = Logger


def setLoggerClass(klass):
    global _loggerClass
    if klass != Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
    _loggerClass = klass


def getLoggerClass():
    return _loggerClass


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(root)
root.manager = Logger.manager


class LoggerAdapter:
    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    def isEnabledFor(self, level):
        return self.logger.isEnabledFor(level)

    def setLevel(self, level):
        self.logger.setLevel(level)

    def getEffectiveLevel(self):
        return self.logger.getEffectiveLevel()

    def hasHandlers(self):
        return self.logger.hasHandlers()

    @property
    def manager(self):
        return self.logger.manager

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        lg = self.logger
        return "<%s %s (%s)>" % (type(self).__name__, lg.name,
                                 getLevelName(lg.getEffectiveLevel()))


def getLogger(name=None):
    if not name or str(name) == name and name == root.name:
        return root
    return Logger.manager.getLogger(name)


def basicConfig(**kwargs):
    with _lock:
        if kwargs.pop("force", False):
            for h in root.handlers[:]:
                root.removeHandler(h)
                h.close()
        if not root.handlers:
            handlers = kwargs.pop("handlers", None)
            if handlers is None:
                if "stream" in kwargs and "filename" in kwargs:
                    raise ValueError("'stream' and 'filename' should not be specified together")
            elif "stream" in kwargs or "filename" in kwargs:
                raise ValueError("'stream' or 'filename' should not be specified together with "
                                 "'handlers'")
            if handlers is None:
                filename = kwargs.pop("filename", None)
                mode = kwargs.pop("filemode", "a")
                if filename:
                    h = FileHandler(filename, mode, kwargs.pop("encoding", None),
                                    errors=kwargs.pop("errors", "backslashreplace"))
                else:
                    h = StreamHandler(kwargs.pop("stream", None))
                handlers = [h]
            dfs = kwargs.pop("datefmt", None)
            style = kwargs.pop("style", "%")
            if style not in ("%", "{", "$"):
                raise ValueError("Style must be one of: %,{,$")
            fs = kwargs.pop("format", None)
            if fs is None:
                fs = {"%": BASIC_FORMAT, "{": "{levelname}:{name}:{message}",
                      "$": "${levelname}:${name}:${message}"}[style]
            fmt = Formatter(fs, dfs, style)
            for h in handlers:
                if h.formatter is None:
                    h.setFormatter(fmt)
                root.addHandler(h)
            level = kwargs.pop("level", None)
            if level is not None:
                root.setLevel(level)
            for k in ("encoding", "errors", "filemode"):
                kwargs.pop(k, None)
            if kwargs:
                raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs))


def _root_call(name, level, msg, args, kwargs):
    if not root.handlers:
        basicConfig()
    getattr(root, name)(msg, *args, **kwargs)


def critical(msg, *args, **kwargs):
    _root_call("critical", CRITICAL, msg, args, kwargs)


fatal = critical


def error(msg, *args, **kwargs):
    _root_call("error", ERROR, msg, args, kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    kwargs["exc_info"] = exc_info
    _root_call("error", ERROR, msg, args, kwargs)


def warning(msg, *args, **kwargs):
    _root_call("warning", WARNING, msg, args, kwargs)


warn = warning


def info(msg, *args, **kwargs):
    _root_call("info", INFO, msg, args, kwargs)


def debug(msg, *args, **kwargs):
    _root_call("debug", DEBUG, msg, args, kwargs)


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    root.manager.disable = level


def shutdown(handlerList=None):
    for h in list(_handlers if handlerList is None else handlerList):
        try:
            h.flush()
            h.close()
        except (OSError, ValueError):
            pass


def captureWarnings(capture):
    pass  # MicroPython has no warnings module to redirect
