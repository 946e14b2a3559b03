# A package with relative imports where the blocking call sits three modules deep
# (main -> app.service -> app.core.engine -> app.core.io.transport), module-level singletons
# (a Bus and a registry) imported from another module of the package and used from threads,
# `from . import x`, `from ..io import transport as tr`, `import app.core.engine as eng`,
# a module function stored in a registry dict, and the `if __name__ == "__main__": main()` entry.
import threading
from app import service
from app.core import state
import app.core.engine as eng


def main():
    svc = service.Service(3)
    svc.start()
    for i in range(6):
        svc.submit(i)
    svc.finish()
    print("results", sorted(svc.results))
    print("sent", state.BUS.sent, "registry", sorted(state.REGISTRY))
    print("direct", eng.run_job("ping", 7))
    print("threads", threading.active_count())


if __name__ == "__main__":
    main()
