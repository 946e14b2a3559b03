import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(levelname)s|%(levelno)d|%(name)s|%(message)s")
log = logging.getLogger("app")
log.info("hello %s, you are %d", "world", 42)
log.debug("not shown")
log.warning("dict args %(a)s/%(b)d", {"a": "x", "b": 7})
log.error("percent %% kept")
log.critical("no args %s")
logging.info("root info")
logging.warning("root %s", "warning")

# Hierarchy: created out of order, parents fixed up.
c = logging.getLogger("app.net.mqtt")
b = logging.getLogger("app.net")
print(c.parent.name, b.parent.name, log.parent.name, logging.getLogger().name)
print(logging.getLogger("app") is log, logging.getLogger("root") is logging.root,
      logging.getLogger() is logging.root, log.getChild("net") is b)
print(c.getEffectiveLevel(), log.getEffectiveLevel())
b.setLevel("DEBUG")
print(c.getEffectiveLevel(), c.isEnabledFor(logging.DEBUG), log.isEnabledFor(logging.DEBUG))
c.debug("debug from mqtt via net level")
print(repr(log), repr(c), repr(logging.root))

# Handlers: levels, formatters, propagation.
h = logging.StreamHandler(sys.stdout)
h.setLevel(logging.WARNING)
h.setFormatter(logging.Formatter("NET %(name)s: %(message)s"))
b.addHandler(h)
c.info("info reaches root only")
c.warning("warning reaches both")
b.propagate = False
c.warning("not propagated past net")
b.propagate = True
b.removeHandler(h)
c.warning("handler removed")
print(repr(h), b.hasHandlers(), logging.NullHandler().handle(None))

# Levels and names.
print(logging.getLevelName(logging.WARNING), logging.getLevelName(35), logging.getLevelName("INFO"))
logging.addLevelName(25, "NOTICE")
log.log(25, "custom level %s", "notice")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.WARN, logging.FATAL)
try:
    log.setLevel("LOUD")
except ValueError as e:
    print("ValueError", e)
try:
    log.log("x", "y")
except TypeError as e:
    print("TypeError", e)

# disable
logging.disable(logging.WARNING)
log.warning("disabled")
log.error("error passes disable(WARNING)")
logging.disable(logging.NOTSET)
log.warning("enabled again")

# Filters
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1

f = OnlyOdd()
log.addFilter(f)
for i in range(4):
    log.info("n=%d", i)
log.removeFilter(f)
log.addFilter(lambda r: "secret" not in r.getMessage())
log.info("a secret")
log.info("public")
nf = logging.Filter("app.net")
for n in ("app.net", "app.net.x", "app.network", "app"):
    print(n, nf.filter(logging.makeLogRecord({"name": n})))

# Adapters and extra
ad = logging.LoggerAdapter(logging.getLogger("app.ad"), {"ip": "10.0.0.1"})
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("%(ip)s %(message)s"))
ad.logger.addHandler(h2)
ad.logger.propagate = False
ad.info("adapter %s", "works")
print(repr(ad), ad.name)
try:
    log.info("x", extra={"name": "clash"})
except KeyError as e:
    print("KeyError", e.args[0])

# Record attributes a format can use
r = logging.makeLogRecord({"msg": "m %s", "args": ("a",), "name": "n", "levelno": 20,
                           "levelname": "INFO"})
print(r.getMessage(), r.name, r.levelname)
rec = logging.getLogger("x").makeRecord("x", 20, "(unknown file)", 0, "hi", (), None)
print(rec.threadName, rec.processName, rec.msecs == int(rec.msecs), type(rec.created).__name__)

# {} and $ styles
h3 = logging.StreamHandler(sys.stdout)
h3.setFormatter(logging.Formatter("{levelname:<8}|{name}|{message}", style="{"))
l3 = logging.getLogger("sty")
l3.addHandler(h3)
l3.propagate = False
l3.warning("brace %s", "style")
h3.setFormatter(logging.Formatter("$levelname ${name}: $message $$", style="$"))
l3.warning("dollar")
h3.setFormatter(logging.Formatter("%(levelname)-8s|%(name)5s|%(message)s"))
l3.warning("widths")
try:
    logging.Formatter("no fields")
except ValueError as e:
    print("ValueError", e)
try:
    logging.basicConfig(bogus=1, force=True, stream=sys.stdout)
except ValueError as e:
    print("ValueError", e)
