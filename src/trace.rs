//! `GREENIFY_TRACE`: when that variable is set, the wall time of each phase goes to stderr
//! (`greenify: resolve: 1.2s`), for profiling; otherwise nothing is measured or printed.

use std::time::Instant;

/// Whether phase timings are wanted.
pub fn enabled() -> bool {
    std::env::var_os("GREENIFY_TRACE").is_some()
}

/// Times consecutive phases: each [`Trace::lap`] reports the phase that just ended.
pub struct Trace(Option<Instant>);

impl Trace {
    pub fn start() -> Trace {
        Trace(enabled().then(Instant::now))
    }

    /// Reports the phase that just ended (`done`) and starts timing the next one.
    pub fn lap(&mut self, done: &str) {
        if let Some(started) = self.0 {
            eprintln!("greenify: {done}: {:?}", started.elapsed());
            self.0 = Some(Instant::now());
        }
    }

    /// A line of detail inside a phase (e.g. one round of the resolver), when tracing.
    pub fn note(&self, what: std::fmt::Arguments) {
        if self.0.is_some() {
            eprintln!("{what}");
        }
    }
}
