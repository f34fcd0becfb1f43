//! The importer keeps every non-space character of any page, in order, and never panics.
#![no_main]
use kanbao::import::{ImportOptions, import_page};
use libfuzzer_sys::fuzz_target;

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fuzz_target!(|page: &str| {
    let out = import_page(page, &ImportOptions::default());
    let mut text = out.banner.clone().unwrap_or_default();
    // Each unplaced block goes where it was: after the articles before it.
    let mut unplaced = out.unplaced.iter().peekable();
    for (n, a) in out.articles.iter().enumerate() {
        while let Some(u) = unplaced.next_if(|u| u.after <= n) {
            text.push_str(&u.text);
        }
        assert!(!a.title.trim().is_empty());
        // As the page printed it: a column label before the headings, an author's credit
        // after the paragraphs.
        text.extend(out.printed(n));
    }
    for u in unplaced {
        text.push_str(&u.text);
    }
    // The masthead lines are set aside whole; the rest of the page is the text.
    let set_aside: Vec<usize> = out.masthead.iter().map(|(n, _)| *n).collect();
    let kept: String = page
        .strip_prefix('\u{feff}')
        .unwrap_or(page)
        .lines()
        .enumerate()
        .filter(|(n, _)| !set_aside.contains(&(n + 1)))
        .map(|(_, l)| l)
        .collect();
    assert_eq!(no_space(&text), no_space(&kept));
});
