# Entry script of a multi-module sensor poller (a directory program: run main.py at its top).
# Exercises: `import lib.bus` (dotted import, used as lib.bus.SharedBus), `from lib.drivers import
# thermo as thermo_drv`, `from lib.drivers.light import Light`, `from lib import drivers`; a class
# hierarchy spread over modules (Driver in drivers/base.py, Thermo and Light overriding read() and
# calling super().read()), an RLock taken reentrantly across modules, a Thread subclass defined in
# another module (lib/poller.py imports `threading as th` and `from time import sleep as nap`).
import queue
import lib.bus
from lib.drivers import thermo as thermo_drv
from lib.drivers.light import Light
from lib.poller import Poller
from lib import drivers

bus = lib.bus.SharedBus()
sink = queue.Queue()
devices = [thermo_drv.Thermo(bus, 3, "thermo"), Light(bus, 5, "light"), drivers.Driver(bus, 9, "raw")]
pollers = []
for d in devices:
    pollers.append(Poller(d, 3, sink))
for p in pollers:
    p.start()
for p in pollers:
    p.join()
readings = []
while not sink.empty():
    readings.append(sink.get())
for r in sorted(readings):
    print(r)
print("transactions:", bus.transactions)
print("pollers:", [p.name for p in pollers], [p.is_alive() for p in pollers])
