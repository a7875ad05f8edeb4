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
    /// Read on one thread with a second core free: a long section's reading can
    /// have its items made [`ahead`] there.
    spare_core: bool,
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
        SharedOut::with_threads(lengths, cores().min(Self::MAX_THREADS))
    }

    /// The runs for sections of these body lengths on `threads` threads: one run
    /// of every section when the text is short or there is one thread; else
    /// runs of about `total / (threads × RUNS_PER_THREAD)` bytes, each ending at
    /// the first section boundary past its share.
    pub fn with_threads(lengths: impl Iterator<Item = usize>, threads: usize) -> SharedOut {
        let lengths: Vec<usize> = lengths.collect();
        let (n, total) = (lengths.len(), lengths.iter().sum::<usize>());
        if threads < 2 || total < Self::FROM_BYTES || n < 2 {
            return SharedOut { spare_core: threads >= 2, ..SharedOut::one_run(n) };
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
        SharedOut { runs, threads, spare_core: threads < 2 }
    }

    /// Every one of `n` sections in one run, read on the calling thread.
    pub fn one_run(n: usize) -> SharedOut {
        SharedOut { runs: std::iter::once(0..n).collect(), threads: 1, spare_core: false }
    }

    /// Whether a section of `bytes` bytes has its items made [`ahead`]: read on
    /// the calling thread alone with a second core free, and at least
    /// [`BESIDE_FROM_BYTES`] long (a shorter one is read in a few milliseconds).
    pub fn reads_ahead(&self, bytes: usize) -> bool {
        self.spare_core && bytes >= BESIDE_FROM_BYTES
    }

    /// Given runs on given threads, whatever the text's length (for tests that
    /// read a short brief both ways).
    #[cfg(test)]
    pub fn with_runs(runs: Vec<Range<usize>>, threads: usize) -> SharedOut {
        SharedOut { runs, threads, spare_core: false }
    }

    /// These runs, read on this thread with a second core free (for tests that
    /// read a short text with its items made [`ahead`]).
    #[cfg(test)]
    pub fn with_spare_core(self) -> SharedOut {
        SharedOut { spare_core: true, ..self }
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

/// The cores this process may use, asked once: the system's answer reads the
/// process's control-group files each time, and every check (the window's at
/// each keystroke) asks.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
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

/// Items made ahead, on a second thread, of a reading that uses them in order.
///
/// Reading a long section's claims goes sentence by sentence and carries what a
/// sentence said to the next (the paragraph's subject, the things named for 该公司
/// to refer back to, the time a ； carries), so it cannot be cut; but each
/// sentence's words (segmentation and places) depend on that sentence alone. With
/// `on`, a second thread makes `make(0)`, `make(1)`, … while `read` runs here and
/// takes them one by one with the function it is given. They are handed over in
/// batches of [`AHEAD_BATCH`] (one hand-over per item would wake a thread per
/// sentence, which costs more than a short sentence's words); at most
/// [`AHEAD_ITEMS`] wait to be handed over, besides the batch being made and the
/// one being read, so memory stays bounded whatever the section's length. Without `on`, or where no thread can be started, or once the second
/// thread has stopped, the function makes the item here. Either way `read` gets
/// `make(0)`, `make(1)`, … in order, so what it reads is the same. A panic on the
/// second thread goes on in the caller.
pub fn ahead<T: Send, R>(
    on: bool,
    count: usize,
    make: impl Fn(usize) -> T + Sync,
    read: impl FnOnce(&mut dyn FnMut() -> T) -> R,
) -> R {
    let mut taken = 0;
    if !on || count <= AHEAD_BATCH {
        return read(&mut || {
            taken += 1;
            make(taken - 1)
        });
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(AHEAD_ITEMS / AHEAD_BATCH);
        let make = &make;
        // The items in order, a batch at a time, until every one is made or the
        // reading stops taking them.
        let thread = std::thread::Builder::new().spawn_scoped(scope, move || {
            for from in (0..count).step_by(AHEAD_BATCH) {
                let batch: Vec<T> = (from..count.min(from + AHEAD_BATCH)).map(make).collect();
                if tx.send(batch).is_err() {
                    break;
                }
            }
        });
        let rx = thread.is_ok().then_some(rx);
        let mut batch = Vec::new().into_iter();
        let result = read(&mut || {
            taken += 1;
            if let Some(item) = batch.next() {
                return item;
            }
            // Made there, or here where the thread never started or has stopped.
            match rx.as_ref().and_then(|rx| rx.recv().ok()) {
                Some(next) => {
                    batch = next.into_iter();
                    batch.next().unwrap_or_else(|| make(taken - 1))
                }
                None => make(taken - 1),
            }
        });
        // A reading that stops early lets the thread go: its next send fails.
        drop(rx);
        if let Ok(h) = thread {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
        result
    })
}

/// Items [`ahead`] hands over at once.
pub const AHEAD_BATCH: usize = 16;

/// Items [`ahead`] lets wait made: enough that the second thread rarely waits
/// for the reading, few enough that they hold little memory (a sentence's words
/// are a few hundred bytes).
pub const AHEAD_ITEMS: usize = 64;

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
        let on_one = |s: SharedOut| SharedOut { spare_core: false, ..s };
        assert_eq!(on_one(one(&[MB / 4, MB / 4], 2)), SharedOut::one_run(2));
        assert_eq!(one(&[MB, MB], 1), SharedOut::one_run(2));
        assert_eq!(on_one(one(&[4 * MB], 2)), SharedOut::one_run(1));
        assert_eq!(on_one(one(&[], 2)), SharedOut::one_run(0));
        // Read on one thread with a second core free: a long section reads ahead there.
        assert!(one(&[4 * MB], 2).reads_ahead(4 * MB));
        assert!(one(&[MB / 4, MB / 4], 2).reads_ahead(MB / 4));
        assert!(!one(&[MB / 4, 100], 2).reads_ahead(BESIDE_FROM_BYTES - 1), "a short section reads alone");
        assert!(!one(&[4 * MB], 1).reads_ahead(4 * MB), "no second core");
        assert!(!one(&[MB, MB], 2).reads_ahead(MB), "both cores read sections");
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

    #[test]
    fn ahead_gives_the_items_in_order_made_on_a_second_thread() {
        let here = std::thread::current().id();
        for on in [true, false] {
            let made_on = std::sync::Mutex::new(Vec::new());
            let got: Vec<usize> = ahead(
                on,
                1000,
                |i| {
                    made_on.lock().unwrap().push(std::thread::current().id());
                    i * 3
                },
                |next| (0..1000).map(|_| next()).collect(),
            );
            assert_eq!(got, (0..1000).map(|i| i * 3).collect::<Vec<_>>());
            let made_on = made_on.into_inner().unwrap();
            assert_eq!(made_on.len(), 1000, "each item made once");
            assert_eq!(made_on.iter().all(|t| *t != here), on, "made on a second thread only when on");
        }
        // One batch or less: nothing to make ahead.
        assert_eq!(ahead(true, 1, |i| i + 7, |next| next()), 7);
        let here_only = ahead(true, AHEAD_BATCH, |_| std::thread::current().id(), |next| next());
        assert_eq!(here_only, here);
        assert_eq!(ahead(true, 0, |i| i, |_| "none"), "none");
    }

    #[test]
    fn ahead_lets_the_thread_go_when_the_reading_stops_early_and_passes_on_a_panic() {
        let here = std::thread::current().id();
        // Far more items than wait made: the thread blocks until the reading stops.
        let made = AtomicUsize::new(0);
        let first = ahead(
            true,
            100_000,
            |i| {
                made.fetch_add(1, Ordering::Relaxed);
                i
            },
            |next| next() + next(),
        );
        assert_eq!(first, 1);
        // Two taken from the first batch, then the batches that wait, and the one being made.
        assert!(made.load(Ordering::Relaxed) <= AHEAD_ITEMS + 2 * AHEAD_BATCH, "memory bounded: {made:?}");
        let panicked = std::panic::catch_unwind(|| {
            ahead(
                true,
                100,
                |i| if i == 50 && std::thread::current().id() != here { panic!("item 50") } else { i },
                |next| (0..100).map(|_| next()).sum::<usize>(),
            )
        });
        // Only the second thread panics (the item made here after it stopped does not):
        // its panic goes on in the caller.
        assert!(panicked.is_err());
    }
}
