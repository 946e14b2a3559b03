//! Writing OUT: the rewritten or copied program plus the runtime package and the shims.
//!
//! Nothing is ever half-written: the whole tree is built in a temporary sibling folder of OUT and
//! moved into place with renames at the end. A previous OUT is moved aside first and deleted only
//! once the new tree is in place; if anything fails, the previous OUT is put back.

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

/// Paths (relative to OUT) the runtime occupies: the runtime package and the shims. A program
/// that has one of them at its top cannot be emitted (unless it is a previous output).
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

/// Whether `dir` holds a previous greenify output: the runtime package is at its top. Such a
/// folder may be replaced as OUT, and, given as SRC, its runtime package and shims are the
/// runtime (replaced by the current one), not part of the program.
pub fn is_previous_output(dir: &Path) -> bool {
    dir.join(RUNTIME_PACKAGE).join("__init__.py").is_file()
}

/// The backend whose runtime a previous output in `dir` holds (told apart by the modules only
/// one backend has); `None` when `dir` is not a previous output or it cannot be told.
pub fn previous_backend(dir: &Path) -> Option<Backend> {
    if !is_previous_output(dir) {
        return None;
    }
    let own = |backend: Backend, other: Backend| {
        let theirs = runtime_files(other);
        runtime_files(backend).into_iter().any(|(rel, _)| {
            rel.starts_with(RUNTIME_PACKAGE) && !theirs.iter().any(|(r, _)| *r == rel) && dir.join(&rel).is_file()
        })
    };
    if own(Backend::Green, Backend::Thread) {
        Some(Backend::Green)
    } else if own(Backend::Thread, Backend::Green) {
        Some(Backend::Thread)
    } else {
        None
    }
}

/// What is at OUT before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutState {
    Missing,
    EmptyFolder,
    PreviousOutput,
    /// A folder with other content: it might be the user's own files.
    ForeignFolder,
    /// A symbolic link (to anything): replacing it would replace the link, not its target.
    Link,
    /// A file or anything else that is not a folder.
    NotAFolder,
}

pub fn out_state(out: &Path) -> io::Result<OutState> {
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(OutState::Missing),
        Err(err) => return Err(err),
    };
    if meta.file_type().is_symlink() {
        return Ok(OutState::Link);
    }
    if !meta.is_dir() {
        return Ok(OutState::NotAFolder);
    }
    if fs::read_dir(out)?.next().is_none() {
        Ok(OutState::EmptyFolder)
    } else if is_previous_output(out) {
        Ok(OutState::PreviousOutput)
    } else {
        Ok(OutState::ForeignFolder)
    }
}

/// One file of the output tree.
pub enum Content {
    /// Copy this file (path relative to SRC) byte for byte, with its permissions.
    Copy(PathBuf),
    /// New text of this file of SRC (path relative to SRC): written with the file's permissions.
    Rewritten(PathBuf, String),
    /// A runtime file.
    Static(&'static str),
}

/// Writes `files` (path relative to OUT, content) as the complete new content of `out`,
/// replacing a previous output there. Missing parent folders of OUT are created. Returns a note
/// for the user when the new tree is in place but the previous one could not be deleted.
pub fn write_tree(src: &Path, out: &Path, files: &[(PathBuf, Content)]) -> io::Result<Option<String>> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let staging = parent.join(format!(".{name}.greenify-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.greenify-old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    if let Err(err) = fill(src, &staging, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(&staging, out).map(|()| None).inspect_err(|_| {
            let _ = fs::remove_dir_all(&staging);
        });
    }
    if let Err(err) = fs::rename(out, &retired) {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    if let Err(err) = fs::rename(&staging, out) {
        let _ = fs::rename(&retired, out);
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    Ok(fs::remove_dir_all(&retired)
        .err()
        .map(|err| format!("the previous output was moved to {} but could not be deleted: {err}", retired.display())))
}

fn fill(src: &Path, staging: &Path, files: &[(PathBuf, Content)]) -> io::Result<()> {
    fs::create_dir_all(staging)?;
    for (rel, content) in files {
        let dest = staging.join(rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        let named = |err: io::Error, path: &Path| io::Error::new(err.kind(), format!("{}: {err}", path.display()));
        match content {
            Content::Copy(from) => {
                let from = src.join(from);
                fs::copy(&from, &dest).map_err(|e| named(e, &from))?;
            }
            Content::Rewritten(from, text) => {
                fs::write(&dest, text).map_err(|e| named(e, &dest))?;
                let from = src.join(from);
                let permissions = fs::metadata(&from).map_err(|e| named(e, &from))?.permissions();
                fs::set_permissions(&dest, permissions).map_err(|e| named(e, &dest))?;
            }
            Content::Static(text) => fs::write(&dest, text).map_err(|e| named(e, &dest))?,
        }
    }
    Ok(())
}
