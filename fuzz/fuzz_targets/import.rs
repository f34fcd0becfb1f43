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
    for u in &out.unplaced {
        text.push_str(&u.text);
    }
    for a in &out.articles {
        assert!(!a.title.trim().is_empty());
        for part in [&a.kicker, &Some(a.title.clone()), &a.subtitle, &a.byline]
            .into_iter()
            .flatten()
        {
            text.push_str(part);
        }
        for p in &a.paragraphs {
            text.push_str(p);
        }
    }
    assert_eq!(no_space(&text), no_space(page));
});
