//! What resolves on the device: the modules MicroPython has built in or frozen on the unix port
//! and on the common bare-metal ports (ESP32, ESP8266, RP2040, STM32), and advice for the
//! modules that have no equivalent there. docs/COMPAT.md shows these lists.

/// Built into MicroPython (1.2x) on the unix port or on the usual boards, or frozen into the
/// usual boards' firmware. `asyncio.*` and the other built-in packages count with their
/// submodules. `u`-prefixed names are the built-ins' old aliases.
pub const BUILTIN: &[&str] = &[
    // Core library (py/ and extmod/), present on the unix port and most boards.
    "array", "asyncio", "binascii", "builtins", "cmath", "collections", "cryptolib", "deflate", "errno", "framebuf",
    "gc", "hashlib", "heapq", "io", "json", "machine", "math", "micropython", "os", "platform", "random", "re",
    "select", "socket", "ssl", "struct", "sys", "time", "tls", "uctypes", "vfs", "_thread", "_asyncio",
    "__main__", "btree", "websocket",
    // The unix port's extras (frozen there: mip, requests, argparse).
    "termios", "mip", "requests", "argparse", "ffi",
    // Board modules and the drivers boards freeze in.
    "network", "bluetooth", "esp", "esp32", "rp2", "pyb", "stm", "neopixel", "onewire", "ds18x20", "dht",
    "ntptime", "webrepl", "espnow", "lwip", "_onewire", "upysh", "umqtt.simple", "umqtt.robust", "aioble",
    "lcd160cr", "openamp", "zephyr",
    // The old `u` aliases.
    "uasyncio", "uarray", "ubinascii", "ucollections", "ucryptolib", "uerrno", "uhashlib", "uheapq", "uio",
    "ujson", "umachine", "uos", "uplatform", "urandom", "ure", "uselect", "usocket", "ussl", "ustruct", "usys",
    "utime", "uwebsocket", "uzlib", "ubluetooth",
];

/// Names greenify itself puts into OUT: the shims and the runtime package.
pub const RUNTIME: &[&str] = &["threading", "queue", "greenify"];

/// Whether `module` (dotted) is MicroPython's or greenify's own.
pub fn on_device(module: &str) -> bool {
    let top = module.split('.').next().unwrap_or(module);
    BUILTIN.contains(&module) || RUNTIME.contains(&module) || (PACKAGES.contains(&top) && top != module)
}

/// The built-in packages among them: their submodules are on the device too (`asyncio.core`).
/// The others are plain modules (`os.path` is not MicroPython's).
const PACKAGES: &[&str] = &["asyncio", "uasyncio", "mip", "greenify"];

/// Modules micropython-lib provides (install on the device with `mip`).
const MICROPYTHON_LIB: &[&str] = &[
    "base64", "bisect", "calendar", "cmd", "copy", "datetime", "fnmatch", "gzip", "hmac", "html", "inspect",
    "itertools", "keyword", "locale", "operator", "pathlib", "pickle", "pprint", "shutil", "stat", "string",
    "tarfile", "tempfile", "textwrap", "types", "unittest", "uu", "warnings", "zlib", "quopri", "curses.ascii",
    "umqtt.simple", "umqtt.robust",
];

/// What to do about a module that is not on the device.
pub fn advice(module: &str) -> String {
    let top = module.split('.').next().unwrap_or(module);
    let text = match top {
        "subprocess" | "pty" | "pwd" | "grp" | "resource" | "fcntl" => "it has no equivalent on a device (no processes, no users): remove the use, or keep it behind `sys.platform` checks that never run there",
        "multiprocessing" => "a device has one process: use `threading` (greenify converts it) and `queue`",
        "concurrent" => "use `threading.Thread` workers fed by a `queue.Queue` (greenify converts them)",
        "ctypes" | "cffi" => "no C calling on MicroPython builds in general: `uctypes` reads and writes memory structures, `ffi` exists only on the unix port",
        "sqlite3" | "dbm" | "shelve" => "no database module on the device: store JSON in a file, or use the `btree` module where the port has it",
        "socketserver" | "http" | "xmlrpc" | "wsgiref" | "urllib" | "ftplib" | "smtplib" | "telnetlib" => "use `socket` with `select.poll` (greenify makes them green), or `requests` from micropython-lib for HTTP clients",
        "paho" => "use `umqtt.simple`/`umqtt.robust` from micropython-lib (frozen into many boards)",
        "dataclasses" | "attr" | "pydantic" => "write the class out by hand (`__init__`, `__repr__`, `__eq__`)",
        "tkinter" | "curses" | "readline" => "there is no terminal UI on a device",
        "numpy" | "pandas" => "use `array` (and `ulab` where the firmware has it)",
        "uuid" => "build an id from `os.urandom` and `binascii.hexlify`",
        "atexit" => "MicroPython has `sys.atexit(f)` instead (one function; the unix port and some boards)",
        "secrets" => "use `os.urandom`",
        "tracemalloc" | "faulthandler" | "pdb" | "cProfile" | "profile" => "debugging tools do not exist on MicroPython: use `micropython.mem_info()` and `gc`",
        "asyncore" | "asynchat" | "selectors" => "use `select.poll` (greenify makes it green) or `asyncio`",
        _ if MICROPYTHON_LIB.contains(&module) || MICROPYTHON_LIB.contains(&top) => {
            return format!(
                "micropython-lib has a `{module}`: install it on the device (`mpremote mip install {module}`) or put a copy into SRC; greenify does not ship it"
            )
        }
        _ => "put a version of it that runs on MicroPython into SRC, or remove the import",
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_and_their_submodules_are_on_the_device() {
        for m in ["time", "asyncio.core", "umqtt.simple", "threading", "greenify.threading", "utime", "machine"] {
            assert!(on_device(m), "{m}");
        }
        for m in ["subprocess", "umqtt", "umqtt.other", "logging", "os.path", "collections.abc"] {
            assert!(!on_device(m), "{m}");
        }
    }

    #[test]
    fn advice_names_what_to_do() {
        assert!(advice("multiprocessing.pool").contains("threading"));
        assert!(advice("subprocess").contains("no equivalent"));
        assert!(advice("itertools").contains("mip install itertools"));
        assert!(advice("foo").contains("SRC"));
    }
}
