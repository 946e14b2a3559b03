//! How greenify spreads work over threads: a parallel map over the cores for reading, parsing
//! and checking files, big stacks for the deep recursion of nested code, and freeing large
//! values off the main path.

use std::sync::Mutex;

/// Stack of the worker threads: deeply nested expressions make deep recursion in the parser and
/// in the passes over the AST.
pub const WORKER_STACK: usize = 256 << 20;

/// `items.map(f)` on up to one worker per core (each with a [`WORKER_STACK`] stack), results in
/// input order. Workers take the next item from a shared queue, so big files do not hold up a
/// whole share of the work.
pub fn parallel_map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8).min(items.len());
    if workers <= 1 {
        return items.into_iter().map(f).collect();
    }
    let count = items.len();
    let queue = Mutex::new(items.into_iter().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            let next = queue.lock().ok().and_then(|mut q| q.next());
            let Some((index, item)) = next else { return done };
            done.push((index, f(item)));
        }
    };
    let mut results: Vec<(usize, R)> = Vec::with_capacity(count);
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..workers).filter_map(|_| std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(scope, work).ok()).collect();
        if handles.is_empty() {
            // No thread could be started: this one does the work.
            results.extend(work());
        }
        for handle in handles {
            match handle.join() {
                Ok(done) => results.extend(done),
                // A worker panicked: pass the panic on, as `map` would.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Frees a large value on another thread, so that the work goes on meanwhile (a short-lived
/// command may well exit before that thread is done; the memory goes back all the same).
/// Freeing a syntax tree recurses as deep as the tree: that thread has a worker's stack too.
pub fn drop_later<T: Send + 'static>(value: T) {
    // Without a thread to be had, the value is freed here (inside the failed spawn's error).
    let _ = std::thread::Builder::new().name("drop".into()).stack_size(WORKER_STACK).spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_the_order() {
        let out = parallel_map((0..1000).collect(), |i: i32| i * 2);
        assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
    }
}
