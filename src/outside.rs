//! The catalog of code outside SRC that is handed callables: which functions and methods call
//! what they are given (a blocking one handed to them is an error, GY106) and which only keep,
//! show, compare or count it (`print(f)`, `"job {}".format(f)`, `log.info("%s", f)`, `id(f)`).
//!
//! Like `kinds.rs` this is data about the outside world; `resolve/models.rs` applies it. Code
//! outside SRC that is not listed here is taken to call every callable it is handed.

/// Builtins that take a callable without calling it. `key=` arguments are called even so
/// (`sorted(xs, key=f)`), and so is the callable of `iter(f, sentinel)`; `map`, `filter` and
/// the like call what they get and are not listed.
pub fn builtin_keeps_callables(name: &str) -> bool {
    matches!(
        name,
        "abs" | "all" | "any" | "ascii" | "bin" | "bool" | "bytearray" | "bytes" | "callable" | "chr" | "classmethod"
            | "compile" | "complex" | "delattr" | "dict" | "dir" | "divmod" | "enumerate" | "float" | "format"
            | "frozenset" | "getattr" | "globals" | "hasattr" | "hash" | "hex" | "id" | "input" | "int"
            | "isinstance" | "issubclass" | "iter" | "len" | "list" | "locals" | "max" | "memoryview" | "min"
            | "next" | "object" | "oct" | "open" | "ord" | "pow" | "print" | "range" | "repr" | "reversed"
            | "round" | "set" | "setattr" | "slice" | "sorted" | "staticmethod" | "str" | "sum" | "super"
            | "tuple" | "type" | "vars" | "zip" | "__import__"
    ) || is_exception_class(name)
}

/// The builtin exception classes: they keep their arguments (`ValueError("bad", f)`).
fn is_exception_class(name: &str) -> bool {
    name.ends_with("Error")
        || name.ends_with("Exception")
        || name.ends_with("Warning")
        || matches!(name, "BaseException" | "KeyboardInterrupt" | "SystemExit" | "StopIteration" | "GeneratorExit")
}

/// Functions and methods of library modules that take a callable without calling it, by
/// qualified name (`logging.info`, `logging.Logger.debug`, `os.path.join`).
pub fn external_keeps_callables(qualified: &str) -> bool {
    let (module, name) = qualified.rsplit_once('.').unwrap_or(("", qualified));
    matches!(
        qualified,
        "functools.wraps" | "functools.update_wrapper" | "weakref.ref" | "weakref.WeakMethod" | "copy.copy" | "copy.deepcopy"
            | "reprlib.repr" | "pprint.pformat" | "pprint.pprint" | "pprint.saferepr"
    ) || qualified.starts_with("inspect.")
        || matches!(
            module,
            "math" | "cmath" | "struct" | "ustruct" | "binascii" | "ubinascii" | "errno" | "uerrno" | "os.path" | "posixpath"
                | "ntpath" | "genericpath" | "stat" | "string" | "textwrap" | "gc" | "array" | "uarray" | "time" | "utime"
        )
        || (module == "logging" && (is_logging_method(name) || name == "getLogger"))
        || (module == "logging.Logger" && is_logging_method(name))
        || (module == "sys" && !matches!(name, "settrace" | "setprofile" | "addaudithook" | "call_tracing"))
        || (module == "os" && !matches!(name, "register_at_fork" | "walk" | "fwalk"))
}

/// What a logger does with its arguments: formats them into the message.
fn is_logging_method(name: &str) -> bool {
    matches!(name, "debug" | "info" | "warning" | "warn" | "error" | "exception" | "critical" | "fatal" | "log")
}

/// Whether a str, bytes or number can have attribute `name` (its methods and properties, and
/// the special methods): a literal without it cannot be the receiver of `x.name()`.
pub fn literal_has_attribute(name: &str) -> bool {
    (name.starts_with("__") && name.ends_with("__"))
        || matches!(
            name,
            "capitalize" | "casefold" | "center" | "count" | "decode" | "encode" | "endswith" | "expandtabs" | "find"
                | "format" | "format_map" | "fromhex" | "hex" | "index" | "isalnum" | "isalpha" | "isascii"
                | "isdecimal" | "isdigit" | "isidentifier" | "islower" | "isnumeric" | "isprintable" | "isspace"
                | "istitle" | "isupper" | "join" | "ljust" | "lower" | "lstrip" | "maketrans" | "partition"
                | "removeprefix" | "removesuffix" | "replace" | "rfind" | "rindex" | "rjust" | "rpartition"
                | "rsplit" | "rstrip" | "split" | "splitlines" | "startswith" | "strip" | "swapcase" | "title"
                | "translate" | "upper" | "zfill" | "bit_length" | "bit_count" | "to_bytes" | "from_bytes"
                | "as_integer_ratio" | "conjugate" | "real" | "imag" | "numerator" | "denominator" | "is_integer"
        )
}

/// Decorators known to hand a coroutine function through unchanged.
pub fn decorator_passes_coroutines(qualified: &str) -> bool {
    matches!(qualified, "staticmethod" | "classmethod" | "functools.wraps" | "abc.abstractmethod" | "typing.override")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn showing_a_function_is_not_calling_it() {
        for name in ["print", "repr", "str", "id", "hash", "isinstance", "ValueError", "RuntimeWarning", "sorted", "min"] {
            assert!(builtin_keeps_callables(name), "{name}");
        }
        for name in ["map", "filter", "callable_thing"] {
            assert!(!builtin_keeps_callables(name), "{name}");
        }
        for q in ["logging.info", "logging.Logger.debug", "os.path.join", "sys.exit", "functools.wraps"] {
            assert!(external_keeps_callables(q), "{q}");
        }
        assert!(literal_has_attribute("format") && literal_has_attribute("__len__") && !literal_has_attribute("put"));
        for q in ["atexit.register", "signal.signal", "sys.settrace", "os.register_at_fork", "logging.Logger.addFilter", "umqtt.simple.MQTTClient.set_callback"] {
            assert!(!external_keeps_callables(q), "{q}");
        }
    }
}
