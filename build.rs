//! Embeds the Python runtime (runtime_py/) and the shims (shims/) into the binary, so `greenify`
//! is one self-contained file: writes `$OUT_DIR/runtime_files.rs`, a list of
//! (path relative to the repo, contents) pairs.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["runtime_py", "shims"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(&root, Path::new(dir), &mut files);
    }
    files.sort();
    let mut code = String::from("pub const RUNTIME_FILES: &[(&str, &str)] = &[\n");
    for rel in files {
        let abs = root.join(&rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        code.push_str(&format!("    ({:?}, include_str!({:?})),\n", rel.to_string_lossy(), abs.to_string_lossy()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("runtime_files.rs");
    fs::write(out, code).expect("write runtime_files.rs");
}

fn collect(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(root.join(rel)) else { return };
    for entry in entries.flatten() {
        let child = rel.join(entry.file_name());
        let path = root.join(&child);
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &child, out);
        } else if child.extension().is_some_and(|e| e == "py") {
            out.push(child);
        }
    }
}
