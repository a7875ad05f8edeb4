//! The window's start: the dictionaries load, and the first check runs, only
//! after the first frame (`checks::words::defer_preload`). Its own test binary,
//! because the deferral is a setting of the whole process.
#![cfg(feature = "gui")]

mod support;

use briefdesk::app::State;
use briefdesk::checks::words;

#[test]
fn the_first_check_waits_for_the_first_frame_then_runs() {
    words::defer_preload();
    let brief = briefdesk::format::load_brief(&support::here("tests/fixtures/planted.md")).expect("the fixture");
    let mut state = State::new(brief, None);
    // Before the first frame: nothing is checked, and the findings are not taken for current.
    state.refresh();
    assert!(!state.settled(), "checks wait for the first frame");
    assert!(!state.checking(), "no check is sent before the first frame");
    assert!(state.derived.revision.is_none() && state.derived.diagnostics.is_empty());
    // After it, the dictionaries load on their thread and the check runs in the background.
    words::preload();
    assert!(!words::deferred());
    state.wait_for_checks();
    assert!(state.settled(), "the findings are current");
    assert!(state.derived.errors > 0, "the planted brief has errors: {}", state.derived.errors);
}
