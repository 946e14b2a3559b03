import threading
import tool


def run():
    threading.Thread(target=tool.job).start()
