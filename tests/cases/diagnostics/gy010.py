def main():
    import time
    time.sleep(0.1)  # GY010: the runtime import would have to go on a line of its own
