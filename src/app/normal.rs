//! The keys with nothing open over the panes: moving in the list, paging and scrolling the
//! reader, stepping through its hits, and the keys that open the prompt, the pickers, the
//! note editor and the help.

use super::*;

impl App {
    /// An action with nothing open over the panes: the keys of the list and the reader.
    pub(super) fn normal(&mut self, action: Action) {
        let rows = self.rows();
        match action {
            Action::MoveDown if self.context() == Context::List => {
                self.select(self.selected.saturating_add(1));
            }
            Action::MoveUp if self.context() == Context::List => {
                self.select(self.selected.saturating_sub(1));
            }
            Action::Top => self.select(0),
            Action::Bottom => self.go_to_end(),
            Action::Open => self.open_selected(),
            Action::Back => self.focus = Focus::List,
            Action::PreviewNextPage | Action::PreviewPrevPage => self.page_preview(&action),
            Action::NextPage | Action::PrevPage | Action::HalfPageDown | Action::HalfPageUp
                if self.context() == Context::List =>
            {
                self.page_list(&action);
            }
            Action::NextPage => self.scroll(|r| r.scroll_by(rows as isize, rows)),
            Action::PrevPage => self.scroll(|r| r.scroll_by(-(rows as isize), rows)),
            Action::HalfPageDown => self.scroll(|r| r.scroll_by((rows / 2).max(1) as isize, rows)),
            Action::HalfPageUp => {
                self.scroll(|r| r.scroll_by(-((rows / 2).max(1) as isize), rows));
            }
            Action::LineDown => self.scroll(|r| r.scroll_by(1, rows)),
            Action::LineUp => self.scroll(|r| r.scroll_by(-1, rows)),
            Action::ScrollDown(x, y) => self.wheel(x, y, true),
            Action::ScrollUp(x, y) => self.wheel(x, y, false),
            Action::FirstPage => self.scroll(|r| r.scroll_to(0, rows)),
            Action::LastPage => self.scroll(|r| r.scroll_to(usize::MAX, rows)),
            Action::NextMatch => self.step_hit(true),
            Action::PrevMatch => self.step_hit(false),
            // In the reader `]` `[` open the next or previous article; in the list side by
            // side they move the selection, and the preview follows it.
            Action::NextArticle | Action::PrevArticle
                if self.context() == Context::Reader || self.geometry().side_by_side =>
            {
                let next = match action {
                    Action::NextArticle => self.selected.saturating_add(1),
                    _ => self.selected.saturating_sub(1),
                };
                if next < self.view.len() && next != self.selected {
                    self.select(next);
                    if self.context() == Context::Reader {
                        self.open_selected();
                    }
                } else if !self.view.is_empty() {
                    let msg = match action {
                        Action::NextArticle => Msg::LastArticle,
                        _ => Msg::FirstArticle,
                    };
                    self.status = Some(self.msg(msg).to_string());
                }
            }
            Action::ToggleBookmark => self.toggle_mark(true),
            Action::ToggleRead => self.toggle_mark(false),
            Action::OpenDatePrompt => self.open_date_prompt(),
            Action::OpenTimeline => self.open_timeline(),
            // Without a search the list is newest first already: say what `o` does.
            Action::ToggleSort if self.query.is_empty() => {
                self.status = Some(crate::i18n::sort_needs_search(self.opts.lang).into());
            }
            // The new order from its first row, as a new search starts (not at the article
            // that was selected, deep in it).
            Action::ToggleSort => {
                self.by_date = !self.by_date;
                self.to_top = true;
                self.rebuild_view();
            }
            Action::OpenSearch => {
                self.open_prompt();
            }
            Action::SearchInput(text) => {
                // A paste outside the prompt starts a new search, as typing over the
                // selected query in the prompt does.
                self.open_prompt();
                self.in_prompt(Action::SearchInput(text));
            }
            Action::OpenPicker => self.open_picker(),
            Action::FilterBookmarked
            | Action::FilterUnread
            | Action::FilterNoted
            | Action::FilterTag => self.toggle_mark_filter(&action),
            Action::EditNote => self.open_note(),
            Action::OpenTags => self.open_tags(),
            Action::ExportList => self.export_list(),
            Action::CopyArticle => self.copy(false),
            Action::CopyCitation => self.copy(true),
            // With nothing to clear, nothing is done or said, as `less` says nothing for a
            // key with nothing to do.
            Action::ClearFilters
                if self.opts.query.is_empty()
                    && self.opts.filter.is_empty()
                    && self.marks.is_empty() => {}
            Action::ClearFilters => {
                self.opts.filter = Filter::default();
                self.marks = MarkFilter::default();
                // Clearing keeps the selected article selected.
                self.to_top = false;
                self.set_query(String::new());
                self.status = Some(self.msg(Msg::Cleared).to_string());
            }
            Action::ToggleFocus if self.reader.is_some() => match self.focus {
                Focus::List => {
                    // Entering a previewed article is opening it.
                    self.focus = Focus::Reader;
                    self.mark_read();
                }
                Focus::Reader => self.focus = Focus::List,
            },
            Action::Help => {
                self.mode = Mode::Help {
                    from: self.context(),
                    scroll: 0,
                };
            }
            Action::Click(x, y) => self.click(x, y),
            _ => {}
        }
    }

    /// `n`/`N`: the next or previous hit of the search in the open article, saying in the
    /// status bar when it wrapped, or why there is none to go to.
    fn step_hit(&mut self, forward: bool) {
        let rows = self.rows();
        let mut wrapped = false;
        self.scroll(|r| wrapped = r.step_hit(forward, rows));
        let msg = match &self.reader {
            _ if self.context() != Context::Reader => return,
            _ if self.query.is_empty() && !self.query.is_blank() => Msg::NoWordsToFind,
            _ if self.query.is_empty() => {
                let key = self.key_for(Context::Reader, &Action::OpenSearch);
                self.status = Some(i18n::no_search(self.lang(), &key));
                return;
            }
            Some(reader) if reader.hit_count().1 == 0 => Msg::NoMatches,
            _ if wrapped && forward => Msg::WrappedToFirst,
            _ if wrapped => Msg::WrappedToLast,
            _ => return,
        };
        self.status = Some(self.msg(msg).to_string());
    }
}
