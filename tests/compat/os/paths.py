import os
import os.path
from os import path
from os.path import join, splitext

for p in ("a/b/c.txt", "/abs/x.tar.gz", "noext", ".bashrc", "dir/", "/", "", "a//b", "x/.hidden",
          "a.b/c", "//double", "///triple"):
    print(repr(p), path.split(p), path.basename(p), path.dirname(p), splitext(p),
          path.normpath(p), path.isabs(p))
print(join("a", "b", "c"), join("a/", "b"), join("a", "/b", "c"), join("", "x"), join("a", ""))
print(os.path.normpath("a/./b/../c/"), os.path.normpath("../../x"), os.path.normpath("/../x"))
print(os.path.abspath("x/../y") == os.path.join(os.getcwd(), "y"), os.path.abspath("/a/b/../c"))
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/a", "/a"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.sep, os.sep, os.curdir)
home = os.getenv("HOME")
print(os.path.expanduser("~/cfg") == home + "/cfg", os.path.expanduser("nochange"),
      os.path.expanduser("~"), os.path.expandvars("$HOME/x") == home + "/x",
      os.path.expandvars("${NOPE_NOT_SET}/y"))
os.makedirs("tmp_t/a/b", exist_ok=True)
os.makedirs("tmp_t/a/b", exist_ok=True)
try:
    os.makedirs("tmp_t/a")
except OSError as e:
    print("OSError exists", e.errno)
with open("tmp_t/a/f.txt", "w") as f:
    f.write("hello")
print(path.exists("tmp_t"), path.isdir("tmp_t/a"), path.isfile("tmp_t/a"), path.isfile("tmp_t/a/f.txt"),
      path.getsize("tmp_t/a/f.txt"), path.exists("tmp_t/nope"), path.isdir("tmp_t/a/f.txt"),
      type(path.getmtime("tmp_t/a/f.txt")).__name__)
for top, dirs, files in os.walk("tmp_t"):
    print(top, sorted(dirs), sorted(files))
os.remove("tmp_t/a/f.txt")
os.rmdir("tmp_t/a/b")
os.rmdir("tmp_t/a")
os.rmdir("tmp_t")
print(path.exists("tmp_t"))
print(os.environ.get("HOME") == home, "HOME" in os.environ, os.environ.get("NOPE_X", "dflt"))
os.environ["GY_TEST_VAR"] = "v1"
print(os.environ["GY_TEST_VAR"], os.getenv("GY_TEST_VAR"))
del os.environ["GY_TEST_VAR"]
print(os.getenv("GY_TEST_VAR"), os.getenv("GY_TEST_VAR", "gone"))
try:
    os.environ["NOPE_X"]
except KeyError:
    print("KeyError")
print(os.name, os.linesep == "\n", os.devnull, callable(os.listdir), callable(os.getcwd))
