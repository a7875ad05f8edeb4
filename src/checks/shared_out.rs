//! Sections shared out between threads: speed machinery for a long text.
//!
//! Reading a section's figures and its claims depends on nothing outside the
//! section but the dictionaries, so a long text's sections can be read on two
//! threads at once and the results joined in document order: the checks give
//! byte for byte what one thread gives. The sections are cut into runs of
//! about equal bytes, more runs than threads, and each thread takes the next
//! run when it is done with one, so that a run dense with figures does not
//! keep one thread busy while the other waits.
//!
//! A text shorter than [`SharedOut::FROM_BYTES`] is read on the calling
//! thread alone (a brief of 100,000 characters is read in tens of
//! milliseconds), as on a machine with one core. [`beside`] runs two readings
//! of a text that do not depend on each other at once (the relations read from
//! the text alone and those between claims; BD101 and the other rules). Where
//! the system cannot start a thread, the work runs on the calling thread.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The runs of sections a text's reading is cut into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedOut {
    /// Contiguous runs of section indexes, in order, covering every section.
    runs: Vec<Range<usize>>,
    /// Threads to read them on (1: the calling thread alone).
    threads: usize,
}

impl SharedOut {
    /// Texts of fewer bytes than this are read on one thread.
    pub const FROM_BYTES: usize = 1 << 20;
    /// Runs per thread: enough to even out runs of unequal work.
    const RUNS_PER_THREAD: usize = 8;
    /// Threads at most: the work of a check is a few hundred milliseconds at the
    /// most, and a third thread gains little over two.
    const MAX_THREADS: usize = 2;

    /// The runs for sections of these body lengths, on this machine.
    pub fn of_lengths(lengths: impl Iterator<Item = usize>) -> SharedOut {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        SharedOut::with_threads(lengths, cores.min(Self::MAX_THREADS))
    }

    /// The runs for sections of these body lengths on `threads` threads: one run
    /// of every section when the text is short or there is one thread; else
    /// runs of about `total / (threads × RUNS_PER_THREAD)` bytes, each ending at
    /// the first section boundary past its share.
    pub fn with_threads(lengths: impl Iterator<Item = usize>, threads: usize) -> SharedOut {
        let lengths: Vec<usize> = lengths.collect();
        let (n, total) = (lengths.len(), lengths.iter().sum::<usize>());
        if threads < 2 || total < Self::FROM_BYTES || n < 2 {
            return SharedOut::one_run(n);
        }
        let share = total.div_ceil(threads * Self::RUNS_PER_THREAD);
        let mut runs = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, len) in lengths.iter().enumerate() {
            bytes += len;
            if bytes >= share {
                runs.push(start..i + 1);
                (start, bytes) = (i + 1, 0);
            }
        }
        if start < n {
            runs.push(start..n);
        }
        let threads = if runs.len() > 1 { threads } else { 1 };
        SharedOut { runs, threads }
    }

    /// Every one of `n` sections in one run, read on the calling thread.
    pub fn one_run(n: usize) -> SharedOut {
        SharedOut { runs: std::iter::once(0..n).collect(), threads: 1 }
    }

    /// Given runs on given threads, whatever the text's length (for tests that
    /// read a short brief both ways).
    #[cfg(test)]
    pub fn with_runs(runs: Vec<Range<usize>>, threads: usize) -> SharedOut {
        SharedOut { runs, threads }
    }

    /// `read` of every run, in the runs' order. Each thread keeps a state of its
    /// own (`state()`, made once per thread) across the runs it reads; a panic
    /// on a thread goes on in the caller.
    pub fn map<S, T: Send>(
        &self,
        state: impl Fn() -> S + Sync,
        read: impl Fn(&mut S, Range<usize>) -> T + Sync,
    ) -> Vec<T> {
        if self.threads < 2 {
            let mut s = state();
            return self.runs.iter().map(|r| read(&mut s, r.clone())).collect();
        }
        let next = AtomicUsize::new(0);
        let work = || {
            let mut s = state();
            let mut done = Vec::new();
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(run) = self.runs.get(k) else { break };
                done.push((k, read(&mut s, run.clone())));
            }
            done
        };
        let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
            // A thread that cannot be started (a system at its limit) leaves its runs to the others.
            let others: Vec<_> =
                (1..self.threads).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok()).collect();
            let mut done = work();
            for h in others {
                done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            done
        });
        done.sort_unstable_by_key(|(k, _)| *k);
        done.into_iter().map(|(_, t)| t).collect()
    }
}

/// Texts of fewer bytes than this have their two readings run one after the
/// other by [`beside`]: a check of a brief this short takes a few milliseconds
/// (the window checks one of 6,000 bytes in its frame), and a thread started
/// at each keystroke would only add to it.
pub const BESIDE_FROM_BYTES: usize = 1 << 16;

/// Runs `there` on a second thread while `here` runs on this one, and gives both
/// results: two readings of one text of `bytes` bytes that do not depend on each
/// other. A text under [`BESIDE_FROM_BYTES`] has both run here, one after the
/// other, and so does any text where no thread can be started (a system at its
/// limit of threads). A panic on the second thread goes on in the caller.
pub fn beside<A: Send, B>(bytes: usize, there: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    if bytes < BESIDE_FROM_BYTES {
        let b = here();
        return (there(), b);
    }
    let mut there = Some(there);
    let (done, b) = std::thread::scope(|scope| {
        let thread = std::thread::Builder::new().spawn_scoped(scope, || there.take().map(|f| f()));
        let b = here();
        let done = match thread {
            Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(_) => None,
        };
        (done, b)
    });
    match done {
        Some(a) => (a, b),
        // No thread was started: `there` was never taken, and runs here.
        None => match there.take() {
            Some(f) => (f(), b),
            None => unreachable!("a thread that took `there` gives its result"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: usize = SharedOut::FROM_BYTES;

    fn covers(s: &SharedOut, n: usize) -> bool {
        s.runs.first().is_some_and(|r| r.start == 0)
            && s.runs.last().is_some_and(|r| r.end == n)
            && s.runs.windows(2).all(|w| w[0].end == w[1].start)
            && s.runs.iter().all(|r| !r.is_empty())
    }

    #[test]
    fn a_long_text_is_cut_into_runs_of_about_equal_bytes() {
        let lengths = vec![MB / 64; 128];
        let s = SharedOut::with_threads(lengths.iter().copied(), 2);
        assert_eq!(s.threads, 2);
        assert_eq!(s.runs.len(), 16);
        assert!(covers(&s, 128));
        assert!(s.runs.iter().all(|r| r.len() == 8), "{:?}", s.runs);
        // Unequal sections: every run but the last holds at least its share.
        let lengths: Vec<usize> = (0..300).map(|i| (i % 7 + 1) * 2000).collect();
        let s = SharedOut::with_threads(lengths.iter().copied(), 2);
        let total: usize = lengths.iter().sum();
        assert!(covers(&s, 300));
        let share = total.div_ceil(16);
        let run_bytes = |r: &Range<usize>| lengths[r.clone()].iter().sum::<usize>();
        assert!(s.runs[..s.runs.len() - 1].iter().all(|r| run_bytes(r) >= share));
    }

    #[test]
    fn a_short_text_one_section_or_one_core_is_read_on_one_thread() {
        let one = |lengths: &[usize], threads: usize| SharedOut::with_threads(lengths.iter().copied(), threads);
        assert_eq!(one(&[MB / 4, MB / 4], 2), SharedOut::one_run(2));
        assert_eq!(one(&[MB, MB], 1), SharedOut::one_run(2));
        assert_eq!(one(&[4 * MB], 2), SharedOut::one_run(1));
        assert_eq!(one(&[], 2), SharedOut::one_run(0));
        // One huge section and a small one: two runs, two threads.
        let s = one(&[4 * MB, 10], 2);
        assert!(covers(&s, 2));
    }

    #[test]
    fn beside_gives_both_results_and_runs_the_two_at_once() {
        let long = BESIDE_FROM_BYTES;
        let (a, b) = beside(long, || (1..=100).sum::<u32>(), || "here".to_string());
        assert_eq!((a, b.as_str()), (5050, "here"));
        // A short text's two readings run here, one after the other.
        let (x, y) = beside(long - 1, || std::thread::current().id(), || std::thread::current().id());
        assert_eq!(x, y);
        assert_eq!(x, std::thread::current().id());
        // A long text's run at once: each waits for the other to have started.
        let barrier = std::sync::Barrier::new(2);
        let (x, y) = beside(
            long,
            || {
                barrier.wait();
                std::thread::current().id()
            },
            || {
                barrier.wait();
                std::thread::current().id()
            },
        );
        assert_ne!(x, y);
    }

    #[test]
    fn map_gives_the_runs_results_in_order_with_a_state_per_thread() {
        let lengths = vec![MB / 32; 200];
        let s = SharedOut::with_threads(lengths.iter().copied(), 2);
        let states = AtomicUsize::new(0);
        let got = s.map(
            || states.fetch_add(1, Ordering::Relaxed),
            |_, r| {
                // Uneven work, so that the threads take runs out of order.
                std::thread::sleep(std::time::Duration::from_micros((r.start % 3) as u64 * 200));
                r.collect::<Vec<usize>>()
            },
        );
        assert_eq!(got.concat(), (0..200).collect::<Vec<_>>());
        assert_eq!(states.load(Ordering::Relaxed), 2, "one state per thread");
        // On one thread, the same results.
        let one = SharedOut::with_threads(lengths.iter().copied(), 1);
        assert_eq!(one.map(|| (), |_, r| r.collect::<Vec<usize>>()).concat(), (0..200).collect::<Vec<_>>());
    }
}
