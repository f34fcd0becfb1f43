//! The empty list's hint for a query whose word mixes Han characters and pinyin
//! (`工会yizhan`): the words are made in the core ([`crate::search::spacing::hint`]), as the
//! command line's are, and the list shows them under "nothing found".

use super::*;

impl App {
    /// How to write the query so that it may find something (`汉字和拼音之间加空格试试：工会
    /// yizhan`), when the search itself found nothing (not the district or mark filters
    /// after it) and a word of it mixes scripts; `None` otherwise, and while the search
    /// runs or the query typed is refused (the list is then another query's).
    pub fn spacing_hint(&self) -> Option<String> {
        if self.searching || self.query_error.is_some() || !self.order.is_empty() {
            return None;
        }
        crate::search::spacing::hint(&self.opts.query, self.opts.lang)
    }
}
