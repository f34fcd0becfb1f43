//! The `?` help, made from the key table and the user's bindings.

use super::user::{add_user_rows, user_overrides};
use super::{BINDINGS, Binding, CONTEXTS, Context, Where, key_label, only_side_by_side};
use crate::action::Action;
use crate::i18n::{Lang, Msg};

use Context::{Help as H, List as L, Picker as P, Reader as R, Search as S};

/// What the help says a binding does: with no preview beside the list, the keys that page
/// it page the list.
fn help_of(b: &Binding, side_by_side: bool) -> Msg {
    match b.action {
        Action::PreviewNextPage if !side_by_side => Msg::HelpNextScreen,
        Action::PreviewPrevPage if !side_by_side => Msg::HelpPrevScreen,
        _ => b.help,
    }
}

/// The help for one place: `(keys, what they do)`, keys of the same action joined. Keys
/// that work only [side by side](only_side_by_side) are left out unless `side_by_side`.
pub fn help_rows(place: Where, lang: Lang, side_by_side: bool) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Msg, Vec<String>)> = Vec::new();
    let shown = |b: &&Binding| b.place == place && (side_by_side || !only_side_by_side(b));
    for b in BINDINGS.iter().filter(shown) {
        // A key the user took leaves its row in place for the user's keys (see below).
        let label = (!user_overrides(b)).then(|| key_label(b.key, lang));
        let help = help_of(b, side_by_side);
        match rows.iter_mut().find(|(m, _)| *m == help) {
            Some((_, keys)) => keys.extend(label),
            None => rows.push((help, label.into_iter().collect())),
        }
    }
    add_user_rows(&mut rows, place, lang, side_by_side);
    rows.retain(|(_, keys)| !keys.is_empty());
    rows.into_iter()
        .map(|(m, keys)| (keys.join(" "), m.text(lang)))
        .collect()
}

/// The whole help opened `from` a context: a section per place, the keys of `from` first,
/// each section a heading line (empty keys) followed by its rows. Keys of the list and
/// the reader (`?`) and keys of every context (`Ctrl-C`, `Ctrl-L`, `Ctrl-Z`) share one section,
/// 任何地方 / Anywhere: two near-synonymous headings would only puzzle. With the `mouse`
/// captured, a last section says what the wheel and a click do.
pub fn help_lines(
    from: Context,
    lang: Lang,
    side_by_side: bool,
    mouse: bool,
) -> Vec<(String, &'static str)> {
    let mut places = vec![Where::In(from), Where::Anywhere];
    for c in CONTEXTS {
        if c != from {
            places.push(Where::In(c));
        }
    }
    let mut lines = Vec::new();
    for place in places {
        let mut rows = help_rows(place, lang, side_by_side);
        if place == Where::Anywhere {
            rows.extend(help_rows(Where::Always, lang, side_by_side));
        }
        if rows.is_empty() {
            continue;
        }
        lines.push((String::new(), section(place).text(lang)));
        lines.extend(rows);
        if place == Where::In(R) {
            // Not a key: what the dim number at a paragraph's head is.
            lines.push(crate::i18n::paragraph_numbers_help(lang));
        }
    }
    lines.extend(crate::i18n::query_help(lang));
    if mouse {
        lines.push((String::new(), Msg::CtxMouse.text(lang)));
        lines.push((Msg::KeyWheel.text(lang).into(), Msg::HelpWheel.text(lang)));
        lines.push((Msg::KeyClick.text(lang).into(), Msg::HelpClick.text(lang)));
    }
    lines
}

fn section(place: Where) -> Msg {
    match place {
        Where::Always | Where::Anywhere => Msg::CtxAnywhere,
        Where::In(R) => Msg::CtxReader,
        Where::In(S) => Msg::CtxSearch,
        Where::In(P) => Msg::CtxPicker,
        Where::In(H) => Msg::CtxHelp,
        Where::In(L) => Msg::CtxList,
        Where::In(Context::Note) => Msg::CtxNote,
        Where::In(Context::Tags) => Msg::CtxTags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help says what the dim number at a paragraph's head is, in the reader's
    /// section, wherever the help is opened from.
    #[test]
    fn the_reader_section_explains_the_paragraph_numbers() {
        for lang in [Lang::Zh, Lang::En] {
            for from in [L, R] {
                let lines = help_lines(from, lang, false, false);
                let heading = Msg::CtxReader.text(lang);
                let at = lines
                    .iter()
                    .position(|(k, h)| k.is_empty() && *h == heading);
                let row = crate::i18n::paragraph_numbers_help(lang);
                let section: Vec<_> = lines[at.unwrap() + 1..]
                    .iter()
                    .take_while(|(k, _)| !k.is_empty())
                    .collect();
                assert_eq!(section.last(), Some(&&row), "{lang:?} {from:?}");
                assert!(row.1.contains("【1】"));
            }
        }
    }
}
