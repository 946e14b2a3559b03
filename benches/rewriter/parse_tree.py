# Parser baselines for the rewriter throughput benchmark: read the .py files
# under a directory and run
#   ast      ast.parse on each file, then ast.unparse of its tree (an ast-based
#            codemod; it loses comments); the two are timed apart, so one run
#            gives "ast.parse" and "ast.parse + ast.unparse"
#   libcst   libcst.parse_module (the base of format-preserving codemods)
# Times cover reading and processing the files in this process (not the
# interpreter start nor the libcst import).  --every K takes every K-th file
# in sorted path order (a sample, for the slow parsers).
#
# Usage:
#   python3 benches/rewriter/parse_tree.py ast DIR
#   benches/.venv/bin/python benches/rewriter/parse_tree.py libcst DIR [--every 4]
#
# Prints one line:
#   RESULT mode=... files=... lines=... errors=... seconds=... lines_per_s=...
#          [unparse_seconds=... parse_unparse_lines_per_s=...]
import ast
import os
import sys
import time


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
    args = sys.argv[1:]
    every = 1
    if '--every' in args:
        i = args.index('--every')
        every = int(args[i + 1])
        del args[i:i + 2]
    mode, root = args
    files = py_files(root)[::every]
    lines = errors = 0
    clock = time.perf_counter
    if mode == 'ast':
        parse_s = unparse_s = 0.0
        for path in files:
            t0 = clock()
            with open(path, 'rb') as f:
                data = f.read()
            try:
                tree = ast.parse(data, path)
            except Exception:   # SyntaxError, bad encodings, recursion limits...
                tree = None
                errors += 1
            t1 = clock()
            if tree is not None:
                try:
                    ast.unparse(tree)
                except Exception:
                    errors += 1
            t2 = clock()
            parse_s += t1 - t0
            unparse_s += t2 - t1
            lines += count_lines(data)
        print('RESULT mode=ast files=%d lines=%d errors=%d seconds=%.4f lines_per_s=%.1f '
              'unparse_seconds=%.4f parse_unparse_seconds=%.4f parse_unparse_lines_per_s=%.1f'
              % (len(files), lines, errors, parse_s, lines / parse_s, unparse_s, parse_s + unparse_s,
                 lines / (parse_s + unparse_s)))
    elif mode == 'libcst':
        import libcst
        t0 = clock()
        for path in files:
            with open(path, 'rb') as f:
                data = f.read()
            lines += count_lines(data)
            try:
                libcst.parse_module(data)
            except Exception:
                errors += 1
        dt = clock() - t0
        print('RESULT mode=libcst files=%d lines=%d errors=%d seconds=%.4f lines_per_s=%.1f'
              % (len(files), lines, errors, dt, lines / dt))
    else:
        raise SystemExit('unknown mode ' + mode)


if __name__ == '__main__':
    main()
