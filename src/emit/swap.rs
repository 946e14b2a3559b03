//! Putting a finished tree in place of OUT so that OUT is never missing and never half-written.
//!
//! Linux: one `renameat2(RENAME_EXCHANGE)` swaps the new tree and the previous OUT atomically
//! (`RENAME_NOREPLACE` puts a tree where there was nothing, without replacing what another
//! process may have created meanwhile). Where the file system or the OS has no exchange, two
//! renames: the previous OUT is moved aside, then the new tree moved in; a kill between the two
//! leaves OUT missing and the previous tree in the hidden sibling folder (docs/CLI.md).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How the new tree was put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swap {
    /// Atomically: OUT always named a complete tree.
    Exchanged,
    /// With two renames, OUT missing in between.
    Renamed,
    /// There was no OUT.
    Created,
}

/// Puts `staging` in place of `out`. Returns how, and where the previous tree now is (`None`
/// when there was none): `staging` after an exchange, `retired` after two renames. On an error
/// OUT is as it was.
pub fn replace(staging: &Path, out: &Path, retired: &Path) -> io::Result<(Swap, Option<PathBuf>)> {
    if fs::symlink_metadata(out).is_err() {
        create(staging, out)?;
        return Ok((Swap::Created, None));
    }
    match exchange(staging, out) {
        Ok(()) => return Ok((Swap::Exchanged, Some(staging.to_path_buf()))),
        Err(err) if !unsupported(&err) => return Err(err),
        Err(_) => {}
    }
    fs::rename(out, retired)?;
    if let Err(err) = fs::rename(staging, out) {
        let _ = fs::rename(retired, out);
        return Err(err);
    }
    Ok((Swap::Renamed, Some(retired.to_path_buf())))
}

/// Errors meaning "this file system or kernel has no exchange rename".
fn unsupported(err: &io::Error) -> bool {
    matches!(err.raw_os_error(), Some(code) if code == EINVAL || code == ENOSYS || code == EOPNOTSUPP)
}

#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
use libc::{EINVAL, ENOSYS, EOPNOTSUPP};
#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
const EINVAL: i32 = 22;
#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
const ENOSYS: i32 = 38;
#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
const EOPNOTSUPP: i32 = 95;

#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let from = CString::new(from.as_os_str().as_bytes())?;
    let to = CString::new(to.as_os_str().as_bytes())?;
    // SAFETY: both paths are NUL-terminated strings that live across the call; the system call
    // only reads them. Called through syscall() so that no particular C library version is
    // needed.
    let result = unsafe {
        libc::syscall(libc::SYS_renameat2, libc::AT_FDCWD, from.as_ptr(), libc::AT_FDCWD, to.as_ptr(), flags)
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    renameat2(a, b, libc::RENAME_EXCHANGE)
}

#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
fn create(from: &Path, to: &Path) -> io::Result<()> {
    match renameat2(from, to, libc::RENAME_NOREPLACE) {
        Err(err) if unsupported(&err) => fs::rename(from, to),
        other => other,
    }
}

#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from_raw_os_error(ENOSYS))
}

#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
fn create(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("greenify-swap-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch");
        dir
    }

    #[test]
    fn an_existing_tree_is_exchanged_in_one_step() {
        let dir = scratch("exchange");
        let (new, out, old) = (dir.join("new"), dir.join("out"), dir.join("old"));
        fs::create_dir_all(&new).expect("mkdir");
        fs::write(new.join("f"), "new").expect("write");
        fs::create_dir_all(&out).expect("mkdir");
        fs::write(out.join("f"), "old").expect("write");
        let (how, previous) = replace(&new, &out, &old).expect("swap");
        // On Linux the exchange is one system call: there is no moment without OUT.
        if cfg!(target_os = "linux") {
            assert_eq!(how, Swap::Exchanged);
        }
        assert_eq!(fs::read_to_string(out.join("f")).expect("read"), "new");
        let previous = previous.expect("a previous tree");
        assert_eq!(fs::read_to_string(previous.join("f")).expect("read"), "old");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_new_tree_does_not_replace_what_appeared_meanwhile() {
        let dir = scratch("create");
        let (new, out, old) = (dir.join("new"), dir.join("out"), dir.join("old"));
        fs::create_dir_all(&new).expect("mkdir");
        assert_eq!(replace(&new, &out, &old).expect("create").0, Swap::Created);
        assert!(out.is_dir() && !new.exists());
        // create() itself refuses an existing target on Linux.
        fs::create_dir_all(&new).expect("mkdir");
        if cfg!(target_os = "linux") {
            assert!(create(&new, &out).is_err());
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
