# greenify: --backend thread
# GY020: an API the runtime has in name only on MicroPython (thread backend).
import threading
from threading import setprofile

threading.settrace(None)
setprofile(None)
