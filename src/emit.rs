//! Writing OUT: the rewritten or copied program plus the runtime package and the shims.
//!
//! Nothing is ever half-written: the whole tree is built in a temporary sibling folder of OUT and
//! swapped into place at the end ([`swap`]: atomically where the OS can). The tree holds a
//! manifest of what greenify wrote ([`manifest`]): it is how a previous output is recognised, and
//! of a previous output only the listed files are deleted.

mod backend;
mod content;
pub mod manifest;
pub mod mpy;
pub mod select;
pub mod swap;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use backend::Backend;
pub use content::Content;
use manifest::{Manifest, MANIFEST};

use crate::compat;
use crate::project::Program;

include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// The name of the runtime package in OUT.
pub const RUNTIME_PACKAGE: &str = "greenify";

/// Paths (relative to OUT) the runtime occupies: the runtime package, the shims and the
/// manifest. A program that has one of them at its top cannot be emitted (unless it is a
/// previous output).
pub fn reserved_paths() -> Vec<PathBuf> {
    let mut paths = vec![PathBuf::from(RUNTIME_PACKAGE), PathBuf::from(MANIFEST)];
    for (rel, _) in RUNTIME_FILES {
        if let Some(name) = rel.strip_prefix("shims/") {
            paths.push(PathBuf::from(name));
        }
    }
    paths
}

/// The compatibility modules the program needs ([`compat::files`]), as (path relative to OUT,
/// contents): `extra` names modules the rewrite refers to.
pub fn compat_files(program: &Program, extra: &[&str]) -> Vec<(PathBuf, &'static str)> {
    compat::files(program, &compat::Catalog::from_embedded(RUNTIME_FILES), extra)
}

/// What of a previous output in `dir` is greenify's, not the program's: the reserved paths, the
/// shims as `.mpy` (`--mpy` output), and the compat modules and the freezing manifest when its
/// manifest lists them (a compat module greenify shipped is not a module of SRC when the output
/// is given as SRC again).
pub fn previous_runtime(dir: &Path) -> Vec<PathBuf> {
    let mut paths = reserved_paths();
    let shims: Vec<PathBuf> =
        paths.iter().filter(|p| p.extension().is_some_and(|e| e == "py")).map(|p| p.with_extension("mpy")).collect();
    paths.extend(shims);
    if let Ok(Some(manifest)) = manifest::read(dir) {
        let catalog = compat::Catalog::from_embedded(RUNTIME_FILES);
        paths.extend(catalog.entries.into_iter().map(|e| e.out).filter(|out| manifest.files.contains(out)));
        let freeze = PathBuf::from(mpy::FREEZE_MANIFEST);
        if manifest.files.contains(&freeze) {
            paths.push(freeze);
        }
    }
    paths
}

/// The runtime files OUT gets for a program that uses `uses` (see [`select`]): of
/// [`runtime_files`], the modules the program can reach; without the CPython-only ones when
/// `device_only` (an output for the device alone, `--mpy`).
pub fn runtime_for(backend: Backend, uses: &select::Uses<'_>, device_only: bool) -> Vec<(PathBuf, &'static str)> {
    select::select(runtime_files(backend), RUNTIME_PACKAGE, uses, device_only)
}

/// Every runtime file of `backend` as (path relative to OUT, contents): the shared code and the
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

/// Whether `dir`, given as SRC, is a greenify output: it has a manifest (see [`manifest`]). Its
/// runtime package, shims and manifest are then the runtime (replaced by the current one), not
/// part of the program; every other file is (also one added after greenify wrote the folder).
pub fn is_previous_output(dir: &Path) -> bool {
    matches!(manifest::read(dir), Ok(Some(_)))
}

/// The backend a previous output in `dir` was written for (from its manifest).
pub fn previous_backend(dir: &Path) -> Option<Backend> {
    manifest::read(dir).ok().flatten().and_then(|m| m.backend)
}

/// What is at OUT before writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutState {
    Missing,
    EmptyFolder,
    /// A folder greenify wrote: everything in it is listed in its manifest.
    PreviousOutput(Manifest),
    /// A folder with a manifest and also a file greenify did not write (path relative to OUT).
    UnlistedFile(PathBuf),
    /// A folder with other content and no manifest: it might be the user's own files.
    ForeignFolder,
    /// A symbolic link (to anything, or to nothing): replacing it would replace the link, not
    /// its target.
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
        return Ok(OutState::EmptyFolder);
    }
    let Some(manifest) = manifest::read(out)? else { return Ok(OutState::ForeignFolder) };
    match manifest::unlisted(out, &manifest)? {
        Some(rel) => Ok(OutState::UnlistedFile(rel)),
        None => Ok(OutState::PreviousOutput(manifest)),
    }
}

/// Removes the staging folder when dropped, unless the swap has taken it.
struct StagingGuard<'p>(Option<&'p Path>);

impl Drop for StagingGuard<'_> {
    fn drop(&mut self) {
        if let Some(path) = self.0 {
            let _ = fs::remove_dir_all(path);
        }
    }
}

/// Writes `files` (path relative to OUT, content) as the complete new content of `out`, with a
/// manifest listing them, replacing a previous output there (see [`swap`]). Missing parent
/// folders of OUT are created. Of the previous output only the files greenify wrote are
/// deleted. Returns a note for the user when the new tree is in place but something of the
/// previous one is left.
pub fn write_tree(src: &Path, out: &Path, files: &[(PathBuf, Content)], backend: Backend) -> io::Result<Option<String>> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let staging = parent.join(format!(".{name}.greenify-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.greenify-old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    // Every way out before the swap (an error, a panic) removes the staging folder.
    let mut guard = StagingGuard(Some(&staging));
    let listing = manifest::render(backend, files.iter().map(|(rel, _)| rel.as_path()));
    fill(src, &staging, files).and_then(|()| fs::write(staging.join(MANIFEST), listing))?;
    // What is at OUT now (it was checked before the analysis; look again just before the swap).
    let previous = match out_state(out)? {
        OutState::Missing => None,
        OutState::EmptyFolder => Some(None),
        OutState::PreviousOutput(manifest) => Some(Some(manifest)),
        other => return Err(io::Error::other(format!("OUT changed while greenify ran ({other:?}); nothing was written"))),
    };
    let (_, old) = swap::replace(&staging, out, &retired)?;
    guard.0 = None;
    let (Some(old), Some(listed)) = (old, previous) else { return Ok(None) };
    // The previous tree: delete what greenify wrote there (everything, unless a file appeared
    // in it while greenify ran).
    match manifest::delete_written(&old, listed.as_ref()) {
        Ok(true) => Ok(None),
        Ok(false) => Ok(Some(format!(
            "the previous output was moved to {}: it holds files greenify did not write, so it was not deleted",
            old.display()
        ))),
        Err(err) => Ok(Some(format!("the previous output was moved to {} but could not be deleted: {err}", old.display()))),
    }
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
            Content::Made(bytes) => fs::write(&dest, bytes).map_err(|e| named(e, &dest))?,
        }
    }
    Ok(())
}
