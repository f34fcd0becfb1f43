//! `E`: the list as shown — search, districts, dates and mark filters applied, in its
//! order — written as a Markdown report (the same report as `kanbao export --notes`) to a
//! new file in the current folder, `kanbao-<date>.md` (`-2`, `-3`… when taken: no file is
//! ever written over). The status bar says where, or why it could not.

use super::*;
use crate::export::file::{ListReport, write_list};
use crate::export::title::Chosen;
use crate::export::{data_name, text};

/// The most articles `E` writes: a report is for reading, and every article in it is read
/// whole into memory first (a list of a million would take gigabytes).
pub const MOST_EXPORTED: usize = 5_000;

impl App {
    /// Writes the list to a new report file and says where (or why not) in the status bar.
    pub(super) fn export_list(&mut self) {
        let lang = self.opts.lang;
        if self.view.len() > MOST_EXPORTED {
            self.status = Some(text::too_many_to_export(
                lang,
                self.view.len(),
                MOST_EXPORTED,
            ));
            return;
        }
        let articles: Vec<&Article> = self
            .view
            .iter()
            .filter_map(|&i| self.collection.get(i))
            .collect();
        if articles.is_empty() {
            self.status = Some(text::nothing_to_export(lang).to_owned());
            return;
        }
        let dir = self
            .opts
            .report_dir
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| ".".into());
        let store = self.store();
        let list = ListReport {
            articles: &articles,
            marks: Some((&*store, self.opts.source.as_str())),
            selection: self.selection_words(),
            data: data_name(&self.opts.data, lang),
            lang,
        };
        let said = match write_list(&dir, &list) {
            Ok(path) => text::written(lang, articles.len(), &sanitize(&path.display().to_string())),
            Err((path, e)) => text::not_written(
                lang,
                &sanitize(&path.display().to_string()),
                &sanitize(&e.to_string()),
            ),
        };
        drop(store);
        self.status = Some(said);
    }

    /// What narrows the list, for the report's title, named as `kanbao export` names it
    /// ([`Chosen`]): dates, districts, tags, marks and the search.
    fn selection_words(&self) -> Vec<String> {
        let lang = self.opts.lang;
        let filter = &self.opts.filter;
        let mut tags = filter.tags.clone();
        if let Some(tag) = &self.marks.tag
            && !tags.contains(tag)
        {
            tags.push(tag.clone());
        }
        let chosen = Chosen {
            ids: 0,
            dates: filter.dates,
            districts: filter.districts.names(Msg::Unstated.text(lang)),
            tags,
            bookmarked: filter.bookmarked || self.marks.bookmarked,
            unread: filter.unread || self.marks.unread,
            noted: self.marks.noted,
            query: Some(self.query_text().to_owned()),
        };
        chosen.words(lang)
    }
}
