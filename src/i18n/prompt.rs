//! The words of the search prompt seen from the rest of the screen: the header while the
//! query typed is refused, the empty list while the prompt is open.

use super::Lang;

/// The header's count while the query typed is refused (a bad operator value, a query over
/// the limits): the list is still that of the last query searched, so no count is given
/// for the one beside it; the prompt line says why.
pub fn query_refused(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "查询无效，列表未变",
        Lang::En => "invalid query, list kept",
    }
}
