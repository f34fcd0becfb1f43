//! Copying (issue 14): `y` copies the open (or selected) article — title, citation, the
//! paragraphs as paragraphs, not the screen's hard line breaks — and `Y` its citation. The
//! text goes to the terminal's clipboard through OSC 52 (the loop writes it, see
//! [`App::take_clipboard`]), which works over SSH; the status bar says what was copied and
//! how much. Text over [`MAX_COPY_BYTES`] is cut there, and the status bar says so.

use super::*;

/// The most bytes copied at once: base64 makes them at most 74,752 bytes, under the ~75 KB
/// that some terminals take in one OSC 52 sequence.
pub const MAX_COPY_BYTES: usize = 56 * 1024;

/// An article as copied: kicker, title, subtitle, the citation, a blank line, then the
/// byline and the paragraphs separated by blank lines. Control characters are removed.
pub fn article_text(a: &Article, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let heads = [
        a.kicker.as_deref(),
        Some(a.title.as_str()),
        a.subtitle.as_deref(),
    ];
    let head: Vec<String> = heads
        .into_iter()
        .flatten()
        .map(|h| sanitize(h).trim().to_owned())
        .filter(|h| !h.is_empty())
        .collect();
    parts.push(head.join("\n"));
    parts.push(sanitize(&crate::export::citation(a, lang)).into_owned());
    for p in a.byline.iter().chain(&a.paragraphs) {
        let p = sanitize(p);
        if !p.trim().is_empty() {
            parts.push(p.trim().to_owned());
        }
    }
    parts.join("\n\n")
}

/// `text` cut to at most `max` bytes on a character boundary; true when cut.
pub fn cut(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// The status after a copy: what, how many characters, and whether it was cut.
fn copied(lang: Lang, citation: bool, title: &str, chars: usize, total: Option<usize>) -> String {
    match (lang, citation, total) {
        (Lang::Zh, true, _) => format!("已复制引文（{chars} 字）：{title}"),
        (Lang::En, true, _) => format!("copied the citation ({chars} characters): {title}"),
        (Lang::Zh, false, None) => format!("已复制全文（{chars} 字）：{title}"),
        (Lang::En, false, None) => format!("copied the article ({chars} characters): {title}"),
        (Lang::Zh, false, Some(all)) => {
            format!("全文 {all} 字超出终端剪贴板的安全上限，只复制了前 {chars} 字：{title}")
        }
        (Lang::En, false, Some(all)) => format!(
            "the article's {all} characters are over the terminal clipboard's safe size; copied the first {chars}: {title}"
        ),
    }
}

impl App {
    /// `y` (`citation` false) and `Y`: puts the article's text or citation up for the
    /// loop to copy, and says so.
    pub(super) fn copy(&mut self, citation: bool) {
        let index = match (self.context(), &self.reader) {
            (Context::Reader, Some(r)) => Some(r.article),
            _ => self.view.get(self.selected).copied(),
        };
        let Some(article) = index.and_then(|i| self.collection.get(i)) else {
            return;
        };
        let lang = self.opts.lang;
        let full = if citation {
            let title = sanitize(&article.title).trim().to_owned();
            format!(
                "{title}\n{}",
                sanitize(&crate::export::citation(article, lang))
            )
        } else {
            article_text(article, lang)
        };
        let (text, was_cut) = cut(&full, MAX_COPY_BYTES);
        let chars = text.chars().count();
        let total = was_cut.then(|| full.chars().count());
        let title = cut_to_width(&sanitize(&article.title), 24, self.opts.ambiguous);
        self.status = Some(copied(lang, citation, &title, chars, total));
        self.clipboard = Some(text.to_owned());
    }

    /// The text a copy put up, once: the loop writes it to the terminal's clipboard.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("正文", 6), ("正文", false));
        assert_eq!(cut("正文", 5), ("正", true));
        assert_eq!(cut("正文", 3), ("正", true));
    }

    #[test]
    fn an_article_is_copied_as_paragraphs() {
        let a = Article {
            id: "3".into(),
            title: "标题\u{1b}[31m".into(),
            kicker: Some("引题".into()),
            reporters: vec!["孙艳".into()],
            paragraphs: vec!["第一段。".into(), " ".into(), "第二段。".into()],
            ..Article::default()
        };
        assert_eq!(
            article_text(&a, Lang::Zh),
            "引题\n标题\n\n记者 孙艳 · id 3\n\n第一段。\n\n第二段。"
        );
    }
}
