//! The manifest: `OUT/.greenify-manifest` lists every file greenify wrote into OUT. It is how
//! greenify recognises its own output: a folder is a previous output only when it has a
//! manifest and holds no file the manifest does not list. Such a folder may be replaced as OUT
//! (and only the listed files are deleted), and, given as SRC, its runtime is not part of the
//! program.
//!
//! Format: a header line (`# greenify output, backend green`), comment lines, then one path a
//! line, relative to OUT with `/` between parts. A byte that is not printable ASCII or UTF-8
//! text, a backslash, and a `#` that starts a path are written as `\xNN`.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use super::backend::Backend;

/// The manifest's name at the top of OUT.
pub const MANIFEST: &str = ".greenify-manifest";

const HEADER: &str = "# greenify output, backend ";

/// What a manifest says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub backend: Option<Backend>,
    /// Paths relative to the folder (the manifest itself not included).
    pub files: BTreeSet<PathBuf>,
}

/// The text of the manifest for `files` (paths relative to OUT) written by `backend`.
pub fn render<'p>(backend: Backend, files: impl IntoIterator<Item = &'p Path>) -> String {
    let name = match backend {
        Backend::Green => "green",
        Backend::Thread => "thread",
    };
    let mut text = format!("{HEADER}{name}\n");
    text.push_str("# greenify wrote every file listed here, and replaces this folder only while it holds no other\n");
    text.push_str("# file (a file of your own in it makes greenify refuse to write here).\n");
    let sorted: BTreeSet<&Path> = files.into_iter().collect();
    for path in sorted {
        text.push_str(&escape(path));
        text.push('\n');
    }
    text
}

/// The manifest of `dir`, if it has one greenify wrote (`None`: no manifest, or a file of that
/// name that is not one).
pub fn read(dir: &Path) -> io::Result<Option<Manifest>> {
    let path = dir.join(MANIFEST);
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Ok(None),
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    }
    let bytes = fs::read(&path)?;
    Ok(parse(&bytes))
}

fn parse(bytes: &[u8]) -> Option<Manifest> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let header = std::str::from_utf8(lines.next()?).ok()?;
    let backend = match header.strip_prefix(HEADER)? {
        "green" => Some(Backend::Green),
        "thread" => Some(Backend::Thread),
        _ => None,
    };
    let mut files = BTreeSet::new();
    for line in lines {
        if line.is_empty() || line.starts_with(b"#") {
            continue;
        }
        files.insert(unescape(line)?);
    }
    Some(Manifest { backend, files })
}

/// The first entry under `dir` (a file, a link, anything but a folder) that `manifest` does not
/// list, relative to `dir`; `None` when greenify wrote everything there.
pub fn unlisted(dir: &Path, manifest: &Manifest) -> io::Result<Option<PathBuf>> {
    let mut pending = vec![PathBuf::new()];
    let mut found = Vec::new();
    while let Some(rel) = pending.pop() {
        for entry in fs::read_dir(dir.join(&rel))? {
            let entry = entry?;
            let child = rel.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                pending.push(child);
            } else if child != Path::new(MANIFEST) && !manifest.files.contains(&child) {
                found.push(child);
            }
        }
    }
    // The same answer on every run: the first in path order.
    Ok(found.into_iter().min())
}

/// Deletes from `dir` the files `manifest` lists, the manifest, and then the folders left
/// empty, `dir` included. Returns whether `dir` is gone (it is kept when it holds anything else:
/// a file greenify did not write is never deleted).
pub fn delete_written(dir: &Path, manifest: Option<&Manifest>) -> io::Result<bool> {
    let listed = manifest.map(|m| m.files.iter()).into_iter().flatten();
    for rel in listed.chain(std::iter::once(&PathBuf::from(MANIFEST))) {
        match fs::remove_file(dir.join(rel)) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(err),
        }
    }
    // Folders, deepest first; one that is not empty stays.
    let mut folders = vec![PathBuf::new()];
    let mut i = 0;
    while i < folders.len() {
        for entry in fs::read_dir(dir.join(&folders[i]))? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                folders.push(folders[i].join(entry.file_name()));
            }
        }
        i += 1;
    }
    for rel in folders.iter().rev() {
        let _ = fs::remove_dir(dir.join(rel));
    }
    Ok(fs::symlink_metadata(dir).is_err())
}

fn escape(path: &Path) -> String {
    let bytes = path.as_os_str().as_bytes();
    let plain = std::str::from_utf8(bytes).ok().filter(|s| !s.starts_with('#') && !s.chars().any(|c| c.is_control() || c == '\\'));
    match plain {
        Some(text) => text.to_string(),
        None => bytes
            .iter()
            .map(|&b| if b.is_ascii_graphic() && b != b'\\' && b != b'#' || b == b' ' { (b as char).to_string() } else { format!("\\x{b:02x}") })
            .collect(),
    }
}

fn unescape(line: &[u8]) -> Option<PathBuf> {
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        if line[i] == b'\\' {
            let hex = std::str::from_utf8(line.get(i + 2..i + 4)?).ok()?;
            if line.get(i + 1) != Some(&b'x') {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 4;
        } else {
            out.push(line[i]);
            i += 1;
        }
    }
    Some(PathBuf::from(OsString::from_vec(out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_survive_the_round_trip() {
        let odd = PathBuf::from(OsString::from_vec(b"caf\xe9.txt".to_vec()));
        let paths = [
            PathBuf::from("main.py"),
            PathBuf::from("greenify/__init__.py"),
            PathBuf::from("#hash.txt"),
            PathBuf::from("back\\slash"),
            PathBuf::from("new\nline"),
            PathBuf::from("caf\u{e9}/\u{2603}.py"),
            PathBuf::from(" spaced "),
            odd,
        ];
        let text = render(Backend::Thread, paths.iter().map(PathBuf::as_path));
        let manifest = parse(text.as_bytes()).expect("a manifest");
        assert_eq!(manifest.backend, Some(Backend::Thread));
        assert_eq!(manifest.files, paths.iter().cloned().collect::<BTreeSet<_>>());
        assert!(text.contains("\ncaf\u{e9}/\u{2603}.py\n"), "{text}");
    }

    #[test]
    fn a_file_without_the_header_is_no_manifest() {
        assert_eq!(parse(b"main.py\n"), None);
        assert_eq!(parse(b""), None);
        assert_eq!(parse(b"# greenify output, backend green\nbad\\q1\n"), None);
    }
}
