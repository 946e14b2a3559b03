//! The backends: which runtime goes into OUT (and whether the code is rewritten). A module of
//! its own so that the parts of `emit` (the manifest records the backend) can name it without
//! importing `emit` itself.

/// Which runtime goes into OUT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Backend {
    /// Blocking code rewritten to async; threads are green tasks on asyncio.
    Green,
    /// Code unchanged; threading and queue built on `_thread`.
    Thread,
}

impl Backend {
    /// The folder of runtime_py/ with this backend's own modules.
    pub(super) fn dir(self) -> &'static str {
        match self {
            Backend::Green => "green",
            Backend::Thread => "thread",
        }
    }
}
