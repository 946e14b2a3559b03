//! What a file of OUT holds: a module of its own so the parts of `emit` (the `.mpy` compiler) can
//! name it without importing `emit` itself.

use std::path::PathBuf;

/// One file of the output tree.
pub enum Content {
    /// Copy this file (path relative to SRC) byte for byte, with its permissions.
    Copy(PathBuf),
    /// New text of this file of SRC (path relative to SRC): written with the file's permissions.
    Rewritten(PathBuf, String),
    /// A runtime file.
    Static(&'static str),
    /// Bytes made here (a `.mpy` file, `manifest.py`).
    Made(Vec<u8>),
}
