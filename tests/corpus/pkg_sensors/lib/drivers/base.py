# Base driver: read() goes through the bus (blocking), convert() is plain.
class Driver:
    def __init__(self, bus, addr, name):
        self.bus = bus
        self.addr = addr
        self.name = name

    def raw(self, nbytes):
        return self.bus.transfer(self.addr, nbytes)

    def convert(self, raw):
        return raw

    def read(self):
        return self.convert(self.raw(2))
