# GY001: a file that does not parse is reported (one line, with its position); the rest of the
# program is still analysed.
def f(:
    pass
