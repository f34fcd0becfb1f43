//! Mark filters in the reader (issue 14): only bookmarked, only unread, only with a note,
//! only with a tag (cycled through the tags in use). Shown in the header; `c` clears them
//! with the search and the district filter.

use super::*;

/// Which marks the list keeps; the default keeps every article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkFilter {
    /// Only bookmarked articles.
    pub bookmarked: bool,
    /// Only articles not yet read.
    pub unread: bool,
    /// Only articles with a note.
    pub noted: bool,
    /// Only articles with this tag.
    pub tag: Option<String>,
}

impl MarkFilter {
    /// True when it keeps every article.
    pub fn is_empty(&self) -> bool {
        *self == MarkFilter::default()
    }

    /// Whether the article `id` of source `key` passes.
    pub fn keeps(&self, store: &StateStore, key: &str, id: &str) -> bool {
        self.is_empty() || self.keeps_entry(store.entry(key, id))
    }

    /// Whether an article with this state entry (none: never marked) passes.
    pub fn keeps_entry(&self, entry: Option<&crate::state::Entry>) -> bool {
        (!self.bookmarked || entry.is_some_and(crate::state::Entry::is_bookmarked))
            && (!self.unread || !entry.is_some_and(crate::state::Entry::is_read))
            && (!self.noted || entry.is_some_and(|e| e.note().is_some()))
            && self
                .tag
                .as_deref()
                .is_none_or(|t| entry.is_some_and(|e| e.has_tag(t)))
    }

    /// The filter as the header shows it: `只看：已收藏 未读 有审读意见 #待核实` (in English
    /// `only: bookmarked, unread, with a note, #x`: the commas keep "with a note" one part).
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut parts: Vec<String> = Vec::new();
        if self.bookmarked {
            parts.push(crate::i18n::only_bookmarked(lang).into());
        }
        if self.unread {
            parts.push(crate::i18n::only_unread(lang).into());
        }
        if self.noted {
            parts.push(crate::i18n::with_note(lang).into());
        }
        if let Some(tag) = &self.tag {
            parts.push(format!("#{}", sanitize(tag)));
        }
        if parts.is_empty() {
            return String::new();
        }
        if zh {
            format!("只看：{}", parts.join(" "))
        } else {
            format!("only: {}", parts.join(", "))
        }
    }
}

impl App {
    /// Flips one mark filter (the tag filter moves to the next tag in use, then off) and
    /// rebuilds the list, keeping the selected article when it still passes.
    pub(super) fn toggle_mark_filter(&mut self, action: &Action) {
        match action {
            Action::FilterBookmarked => self.marks.bookmarked = !self.marks.bookmarked,
            Action::FilterUnread => self.marks.unread = !self.marks.unread,
            Action::FilterNoted => self.marks.noted = !self.marks.noted,
            Action::FilterTag => {
                let tags: Vec<String> = self
                    .store()
                    .source(&self.opts.source)
                    .map(|s| s.tag_counts().into_keys().collect())
                    .unwrap_or_default();
                let next = match &self.marks.tag {
                    None => tags.first().cloned(),
                    Some(t) => tags.iter().skip_while(|x| *x != t).nth(1).cloned(),
                };
                if tags.is_empty() {
                    let text = if self.opts.lang == Lang::Zh {
                        "还没有标签：用 kanbao tag ID +标签 加上"
                    } else {
                        "no tags yet: kanbao tag ID +TAG adds one"
                    };
                    self.status = Some(text.to_owned());
                }
                self.marks.tag = next;
            }
            _ => return,
        }
        self.to_top = false;
        self.rebuild_view();
    }

    /// True when the article at collection index `index` has a note.
    pub fn has_note(&self, index: usize) -> bool {
        self.collection
            .summary(index)
            .is_some_and(|a| self.store().note(&self.opts.source, &a.id).is_some())
    }

    /// The mark filters in force.
    pub fn mark_filter(&self) -> &MarkFilter {
        &self.marks
    }

    /// Whether the article at collection index `index` passes the mark filters; `store` is
    /// the store, locked once for the whole list.
    pub(super) fn marks_keep(&self, store: &StateStore, index: usize) -> bool {
        self.collection
            .summary(index)
            .is_some_and(|a| self.keeps_entry(store.entry(&self.opts.source, &a.id)))
    }

    /// Whether an article with this state entry (none: never marked) passes the mark
    /// filters and the query's `note:` terms, which ask the state too and are evaluated
    /// here, with it.
    fn keeps_entry(&self, entry: Option<&crate::state::Entry>) -> bool {
        self.marks.keeps_entry(entry)
            && self
                .query
                .notes()
                .keeps(entry.and_then(crate::state::Entry::note))
    }

    /// The articles of `list` that pass the mark filters, in order. For a collection read
    /// through an index, the marked articles are found from the state's entries (a few
    /// thousand) rather than by reading every article's id.
    pub(super) fn keep_marked(&self, list: Vec<usize>) -> Vec<usize> {
        if self.marks.is_empty() && self.query.notes().is_empty() {
            return list;
        }
        let store = self.store();
        if self.collection.library().is_none() {
            return list
                .into_iter()
                .filter(|&i| self.marks_keep(&store, i))
                .collect();
        }
        let marked: std::collections::HashMap<usize, bool> = store
            .source(&self.opts.source)
            .into_iter()
            .flat_map(|s| s.entries())
            .filter_map(|(id, entry)| {
                let place = self.collection.position(id)?;
                Some((place, self.keeps_entry(Some(entry))))
            })
            .collect();
        let unmarked = self.keeps_entry(None);
        list.into_iter()
            .filter(|i| marked.get(i).copied().unwrap_or(unmarked))
            .collect()
    }
}
