if True:
    import time
    time.sleep(0.1)  # GY010: runs at import, and no line before it can take the runtime import
