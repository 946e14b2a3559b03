# Parser baselines for the rewriter throughput benchmark: read every .py file
# under a directory and run one of
#   parse    ast.parse
#   unparse  ast.parse + ast.unparse (an ast-based codemod; it loses comments)
#   libcst   libcst.parse_module (the base of format-preserving codemods)
# The time covers reading and processing all files in this process (not the
# interpreter start nor the libcst import).
#
# Usage:
#   python3 benches/rewriter/parse_tree.py parse|unparse|libcst DIR
#   (libcst: benches/.venv/bin/python, which benches/run creates)
#
# Prints one line: RESULT mode=... files=... lines=... errors=... seconds=... lines_per_s=...
import os
import sys
import time
import ast


def py_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if f.endswith('.py'):
                out.append(os.path.join(d, f))
    return out


def count_lines(data):
    n = data.count(b'\n')
    if data and not data.endswith(b'\n'):
        n += 1
    return n


def main():
    mode, root = sys.argv[1], sys.argv[2]
    if mode == 'parse':
        def work(data, path):
            ast.parse(data, path)
    elif mode == 'unparse':
        def work(data, path):
            ast.unparse(ast.parse(data, path))
    elif mode == 'libcst':
        import libcst

        def work(data, path):
            libcst.parse_module(data)
    else:
        raise SystemExit('unknown mode ' + mode)
    files = py_files(root)
    lines = errors = 0
    t0 = time.perf_counter()
    for path in files:
        with open(path, 'rb') as f:
            data = f.read()
        lines += count_lines(data)
        try:
            work(data, path)
        except Exception:       # SyntaxError, bad encodings, recursion limits...
            errors += 1
    dt = time.perf_counter() - t0
    print('RESULT mode=%s files=%d lines=%d errors=%d seconds=%.4f lines_per_s=%.1f'
          % (mode, len(files), lines, errors, dt, lines / dt))


if __name__ == '__main__':
    main()
