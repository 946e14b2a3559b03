# GY302: a blocking function decorated by something not known to pass coroutine functions
# through.
import time

import webframework


@webframework.route("/status")
def status():
    time.sleep(0.1)                  # makes `status` async: does the decorator cope?
    return "ok"
