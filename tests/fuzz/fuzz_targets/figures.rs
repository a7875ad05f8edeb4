//! Fuzzes the figure engine: any UTF-8 input, no panic, well-formed spans.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz figures`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for f in briefdesk::figures::extract(&text) {
        assert!(f.span.start >= last && f.span.start < f.span.end && f.span.end <= text.len());
        assert!(f.value.is_finite());
        last = f.span.end;
    }
});
