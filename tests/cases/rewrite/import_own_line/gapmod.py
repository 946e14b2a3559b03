# a module that starts with defs
def helper():
    import time
    time.sleep(0.01)

@staticmethod

def odd():
    pass
# a comment in the gap
result = helper()
