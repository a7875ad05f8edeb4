//! What the benches share: a large brief built from the example and the corpus.
//! The corpus is read from `../shared/` through the tests' support module: on a
//! clone without it, a bench says so and measures nothing.

#[path = "../support/mod.rs"]
mod support;

use briefdesk::model::{Brief, Role};
pub use support::shared_text;

/// A brief of about `chars` characters: the example brief's sections, then the
/// corpus paragraphs, as sections of a few paragraphs each. Each pass over the
/// corpus shifts its digits, so the brief is not the same text three times over
/// (a real brief repeats a passage now and then, not two thirds of itself).
pub fn big_brief(chars: usize) -> Option<Brief> {
    let mut b = briefdesk::format::load_brief(&support::here("examples/brief.ron")).expect("example");
    let mut paragraphs = Vec::new();
    for name in ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"] {
        let text = shared_text(&format!("corpus/{name}"))?;
        paragraphs.extend(text.split('\n').filter(|p| p.chars().count() > 20).map(str::to_string));
    }
    let mut n = 0;
    while b.char_count() < chars {
        let pass = (n * 4) / paragraphs.len();
        let body: Vec<String> =
            (0..4).map(|k| shift_digits(&paragraphs[(n * 4 + k) % paragraphs.len()], pass)).collect();
        let s = b.new_section(Role::Custom, format!("第{n}部分"), body.join("\n\n"));
        b.sections.push(s);
        n += 1;
    }
    Some(b)
}

/// Adds `by` to every ASCII digit (mod 10).
fn shift_digits(s: &str, by: usize) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from(b'0' + ((c as u8 - b'0') as usize + by) as u8 % 10) } else { c })
        .collect()
}
