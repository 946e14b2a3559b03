# greenify: needs _gyreal
# greenify compat: CPython's `itertools` on MicroPython (the 1.2x ports have none).
# Plain generators: each returns an iterator that computes items on demand, as CPython's do.
# Where CPython checks its arguments when the call is made (negative r, non-integer step...),
# these functions check them before the first item too, so the error comes from the same line.
import sys

if sys.implementation.name != "micropython":  # a host run: the real module
    __import__("_gyreal").real(__name__)


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        return _repeat_forever(obj)
    return _repeat_n(obj, times)


def _repeat_forever(obj):
    while True:
        yield obj


def _repeat_n(obj, times):
    for _ in range(times):
        yield obj


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


class chain:
    # a class, so that `chain.from_iterable` exists (MicroPython functions take no attributes)
    def __init__(self, *iterables):
        self._src = iter(iterables)
        self._cur = None

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._cur is None:
                self._cur = iter(next(self._src))  # StopIteration here ends the chain
            try:
                return next(self._cur)
            except StopIteration:
                self._cur = None

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._src = iter(iterables)
        return c


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            return
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def _index(v, what):
    if v is None:
        return None
    if not isinstance(v, int) or v < 0:
        raise ValueError(what + " for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return v


def islice(iterable, *args):
    # islice(it, stop) or islice(it, start, stop[, step]) (MicroPython cannot build a slice())
    if len(args) == 1:
        stop = _index(args[0], "Stop argument")
        start, step = 0, 1
    elif 2 <= len(args) <= 3:
        start = _index(args[0], "Indices") or 0
        stop = _index(args[1], "Indices")
        step = args[2] if len(args) == 3 else None
        if step is None:
            step = 1
        if not isinstance(step, int) or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    else:
        raise TypeError("islice expected 2 to 4 arguments, got %d" % (len(args) + 1))
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    i = 0
    nxt = start
    while stop is None or nxt < stop:
        try:
            x = next(it)
        except StopIteration:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("integer argument expected")
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    # one shared buffer; each copy keeps the absolute index of its next item, and items every
    # copy has passed are dropped from the front
    src = iter(iterable)
    buf = []
    base = [0]  # absolute index of buf[0]
    pos = [0] * n

    def gen(k):
        while True:
            i = pos[k] - base[0]
            if i == len(buf):
                try:
                    buf.append(next(src))
                except StopIteration:
                    return
            x = buf[i]
            pos[k] += 1
            low = min(pos) - base[0]
            if low > 0:
                del buf[:low]
                base[0] += low
            yield x

    return tuple(gen(k) for k in range(n))


def zip_longest(*iterables, fillvalue=None):
    its = [iter(x) for x in iterables]
    left = len(its)
    if not left:
        return
    while True:
        row = []
        for i, it in enumerate(its):
            if it is None:
                row.append(fillvalue)
                continue
            try:
                row.append(next(it))
            except StopIteration:
                its[i] = None
                left -= 1
                if not left:
                    return
                row.append(fillvalue)
        yield tuple(row)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


def batched(iterable, n):
    if n < 1:
        raise ValueError("n must be at least one")
    return _batched(iter(iterable), n)


def _batched(it, n):
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        yield batch


def groupby(iterable, key=None):
    # the groups share the underlying iterator: moving to the next key abandons the current
    # group, as in CPython
    it = iter(iterable)
    keyf = (lambda v: v) if key is None else key
    state = [None, None, False, 0]  # current value, its key, exhausted, group id
    try:
        v = next(it)
    except StopIteration:
        return
    state[0] = v
    state[1] = keyf(v)

    def group(gid, k):
        while state[3] == gid and not state[2]:
            yield state[0]
            try:
                v = next(it)
            except StopIteration:
                state[2] = True
                return
            nk = keyf(v)
            state[0] = v
            state[1] = nk
            if nk != k:
                state[3] += 1
                return

    while not state[2]:
        k = state[1]
        gid = state[3]
        yield k, group(gid, k)
        # skip what the caller did not read of this group
        while state[3] == gid and not state[2]:
            try:
                v = next(it)
            except StopIteration:
                state[2] = True
                break
            nk = keyf(v)
            state[0] = v
            state[1] = nk
            if nk != k:
                state[3] += 1


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for p in pools:
        if not p:
            return
    idx = [0] * n
    while True:
        yield tuple(pools[i][idx[i]] for i in range(n))
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    # lexicographic order of index tuples, as CPython documents
    for idx in _product([range(n)] * r) if r else [()]:
        if len(set(idx)) == r:
            yield tuple(pool[i] for i in idx)


def combinations(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, len(pool), r, False)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, len(pool), r, True)


def _combinations(pool, n, r, again):
    if r > n and not again:
        return
    if n == 0 and r:
        return
    idx = [0] * r if again else list(range(r))
    while True:
        yield tuple(pool[i] for i in idx)
        i = r - 1
        top = n - 1 if again else None
        while i >= 0:
            limit = top if again else i + n - r
            if idx[i] != limit:
                break
            i -= 1
        if i < 0:
            return
        idx[i] += 1
        for j in range(i + 1, r):
            idx[j] = idx[i] if again else idx[j - 1] + 1
