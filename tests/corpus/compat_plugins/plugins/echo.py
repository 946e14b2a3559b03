from plugins import base


def handle(payload):
    base.pause()
    return "echo " + payload
