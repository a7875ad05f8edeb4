//! What the benches share: a large brief built from the example and the corpus.

use std::path::Path;

use briefdesk::model::{Brief, Role};

/// A brief of about `chars` characters: the example brief's sections, then the
/// corpus paragraphs, as sections of a few paragraphs each. Each pass over the
/// corpus shifts its digits, so the brief is not the same text three times over
/// (a real brief repeats a passage now and then, not two thirds of itself).
pub fn big_brief(chars: usize) -> Brief {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut b = briefdesk::import::load_path(&root.join("examples/brief.ron")).expect("example");
    let mut paragraphs = Vec::new();
    for name in ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"] {
        let text = std::fs::read_to_string(root.join("../shared/corpus").join(name)).expect("corpus");
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
    b
}

/// Adds `by` to every ASCII digit (mod 10).
fn shift_digits(s: &str, by: usize) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from(b'0' + ((c as u8 - b'0') as usize + by) as u8 % 10) } else { c })
        .collect()
}
