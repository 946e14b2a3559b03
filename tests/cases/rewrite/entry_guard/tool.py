import time


def job():
    time.sleep(0.1)


if __name__ == "__main__":
    job()
