//! Writing OUT: the rewritten or copied program plus the runtime package and the shims.
//!
//! Nothing is ever half-written: the whole tree is built in a temporary sibling folder and moved
//! into place with renames at the end.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// Which runtime goes into OUT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Backend {
    /// Blocking code rewritten to async; threads are green tasks on asyncio.
    Green,
    /// Code unchanged; threading and queue built on `_thread`.
    Thread,
}

impl Backend {
    fn dir(self) -> &'static str {
        match self {
            Backend::Green => "green",
            Backend::Thread => "thread",
        }
    }
}

/// The name of the runtime package in OUT.
pub const RUNTIME_PACKAGE: &str = "greenify";

/// Paths (relative to OUT) the runtime occupies; a program that already has one of them cannot
/// be emitted.
pub fn reserved_paths() -> Vec<PathBuf> {
    let mut paths = vec![PathBuf::from(RUNTIME_PACKAGE)];
    for (rel, _) in RUNTIME_FILES {
        if let Some(name) = rel.strip_prefix("shims/") {
            paths.push(PathBuf::from(name));
        }
    }
    paths
}

/// The runtime files of `backend` as (path relative to OUT, contents): the shared code and the
/// backend's own modules flattened into `greenify/`, the shims at the top.
pub fn runtime_files(backend: Backend) -> Vec<(PathBuf, &'static str)> {
    let own = format!("runtime_py/{}/", backend.dir());
    let mut files = Vec::new();
    for (rel, text) in RUNTIME_FILES {
        let placed = if let Some(name) = rel.strip_prefix("runtime_py/common/") {
            Some(Path::new(RUNTIME_PACKAGE).join(name))
        } else if let Some(name) = rel.strip_prefix(own.as_str()) {
            Some(Path::new(RUNTIME_PACKAGE).join(name))
        } else {
            rel.strip_prefix("shims/").map(PathBuf::from)
        };
        if let Some(path) = placed {
            files.push((path, *text));
        }
    }
    files
}

/// One file of the output tree.
pub enum Content {
    /// Copy this file from SRC byte for byte.
    Copy(PathBuf),
    Text(String),
    Static(&'static str),
}

/// Writes `files` as the complete new content of `out`, replacing a previous output there.
/// The tree is assembled in a temporary sibling and renamed into place.
pub fn write_tree(src: &Path, out: &Path, files: &[(PathBuf, Content)]) -> io::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let staging = parent.join(format!(".{name}.greenify-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.greenify-old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let result = fill(src, &staging, files).and_then(|()| swap_into_place(&staging, out, &retired));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn fill(src: &Path, staging: &Path, files: &[(PathBuf, Content)]) -> io::Result<()> {
    fs::create_dir_all(staging)?;
    for (rel, content) in files {
        let dest = staging.join(rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        match content {
            Content::Copy(from) => {
                fs::copy(src.join(from), &dest)?;
            }
            Content::Text(text) => fs::write(&dest, text)?,
            Content::Static(text) => fs::write(&dest, text)?,
        }
    }
    Ok(())
}

fn swap_into_place(staging: &Path, out: &Path, retired: &Path) -> io::Result<()> {
    if out.exists() {
        fs::rename(out, retired)?;
        if let Err(err) = fs::rename(staging, out) {
            let _ = fs::rename(retired, out);
            return Err(err);
        }
        fs::remove_dir_all(retired)
    } else {
        fs::rename(staging, out)
    }
}

/// Whether an existing OUT may be replaced: it is empty, or it holds a previous greenify output
/// (the runtime package is there). Anything else might be the user's own files.
pub fn may_replace(out: &Path) -> bool {
    match fs::read_dir(out) {
        Err(_) => true,
        Ok(mut entries) => entries.next().is_none() || out.join(RUNTIME_PACKAGE).join("__init__.py").is_file(),
    }
}
