//! What the tests of imported pages share: the check that nothing was dropped.

use kanbao::import::{ImportOptions, Imported, import_page};

/// `page` imported with the default options.
pub fn import(page: &str) -> Imported {
    import_page(page, &ImportOptions::default())
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Masthead, banner, articles (each as the page printed it: [`Imported::printed`]) and
/// unplaced blocks, in page order, equal the page once whitespace is removed.
pub fn assert_every_character_kept(page: &str, out: &Imported) {
    let mut rebuilt: String = out.masthead.iter().map(|(_, l)| l.as_str()).collect();
    rebuilt.push_str(out.banner.as_deref().unwrap_or_default());
    let mut unplaced = out.unplaced.iter().peekable();
    for n in 0..out.articles.len() {
        while let Some(u) = unplaced.next_if(|u| u.after <= n) {
            rebuilt.push_str(&u.text);
        }
        rebuilt.extend(out.printed(n));
    }
    rebuilt.extend(unplaced.map(|u| u.text.as_str()));
    assert_eq!(no_space(&rebuilt), no_space(page));
}

/// The titles of the imported articles, in page order.
pub fn titles(out: &Imported) -> Vec<&str> {
    out.articles.iter().map(|a| a.title.as_str()).collect()
}
