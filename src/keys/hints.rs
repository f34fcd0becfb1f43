//! The status bar's key hints, made from the key table and the user's bindings: each hint
//! names the actions it shows keys for and a short label, so changing a key (in the table
//! or in the config file) changes the bar with it.

use super::user::user_bindings_in;
use super::{BINDINGS, Context, Key, Where, key_label};
use crate::action::Action;
use crate::i18n::{Lang, Msg};

/// A set of hints: where the bar shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// The list alone.
    List,
    /// The list with the preview beside it (`Space` pages the preview).
    ListSideBySide,
    /// The list with nothing in it: no key that acts on an article, nor the district
    /// picker's (the bar shows [`Hint::List`] when the district filter is what emptied it).
    ListEmpty,
    /// The list the mark filters emptied: [`Hint::ListEmpty`] and the key that clears the
    /// filters, the way out.
    ListEmptyMarks,
    /// The reader with no search.
    Reader,
    /// The reader with a search (`n` goes to the next hit).
    ReaderSearching,
    /// The search prompt.
    Prompt,
    /// The district picker.
    Picker,
    /// The timeline (`T`): a period is applied as it is chosen, `Space` or `Enter` alike.
    Timeline,
    /// The help box's footer.
    Help,
    /// The note editor's last row.
    Note,
    /// The tag picker's last row.
    Tags,
}

/// One hint: the keys of `actions` (the first key of each), then `label`.
struct Item {
    actions: &'static [Action],
    label: Msg,
}

const fn item(actions: &'static [Action], label: Msg) -> Item {
    Item { actions, label }
}

const HELP: Item = item(&[Action::Help], Msg::HintHelp);
const SEARCH: Item = item(&[Action::OpenSearch], Msg::HintSearch);
const DISTRICT: Item = item(&[Action::OpenPicker], Msg::HintDistrict);
const QUIT: Item = item(&[Action::Quit], Msg::HintQuit);
const CLEAR: Item = item(&[Action::ClearFilters], Msg::HintClear);
const PAGE: Item = item(&[Action::NextPage], Msg::HintPage);
const BACK: Item = item(&[Action::Back], Msg::HintBack);

const LIST: &[Item] = &[HELP, SEARCH, DISTRICT, QUIT];
const LIST_EMPTY: &[Item] = &[HELP, SEARCH, QUIT];
const LIST_EMPTY_MARKS: &[Item] = &[HELP, SEARCH, CLEAR, QUIT];
const LIST_SIDE: &[Item] = &[
    item(&[Action::PreviewNextPage], Msg::HintPreviewPage),
    HELP,
    SEARCH,
    DISTRICT,
    QUIT,
];
const READER: &[Item] = &[PAGE, item(&[Action::NextArticle], Msg::HintNext), BACK];
const READER_SEARCHING: &[Item] = &[PAGE, item(&[Action::NextMatch], Msg::HintNextHit), BACK];
const PROMPT: &[Item] = &[
    item(&[Action::SearchAccept], Msg::HintKeep),
    item(&[Action::SearchCancel], Msg::HintDrop),
];
const PICKER: &[Item] = &[
    item(&[Action::PickerDown, Action::PickerUp], Msg::HintMove),
    item(&[Action::PickerToggle], Msg::HintToggle),
    item(&[Action::PickerApply], Msg::HintApply),
    item(&[Action::PickerCancel], Msg::HintCancel),
];
const TIMELINE: &[Item] = &[
    item(&[Action::PickerDown, Action::PickerUp], Msg::HintMove),
    item(&[Action::PickerApply], Msg::HintApply),
    item(&[Action::PickerCancel], Msg::HintCancel),
];
const HELP_FOOTER: &[Item] = &[
    item(
        &[Action::LineDown, Action::LineUp, Action::NextPage],
        Msg::HintScroll,
    ),
    item(&[Action::Help], Msg::HintClose),
];

const NOTE: &[Item] = &[
    item(&[Action::NoteSave], Msg::HintSave),
    item(&[Action::NoteNewline], Msg::HintNewline),
    item(&[Action::NoteCancel], Msg::HintCancel),
];

const TAGS: &[Item] = &[
    item(&[Action::PickerDown, Action::PickerUp], Msg::HintMove),
    item(&[Action::PickerToggle], Msg::HintToggle),
    item(&[Action::TagsAdd], Msg::HintNewTag),
    item(&[Action::TagsClose], Msg::HintClose),
];

impl Hint {
    fn context(self) -> Context {
        match self {
            Hint::List | Hint::ListSideBySide | Hint::ListEmpty | Hint::ListEmptyMarks => {
                Context::List
            }
            Hint::Reader | Hint::ReaderSearching => Context::Reader,
            Hint::Prompt => Context::Search,
            Hint::Picker | Hint::Timeline => Context::Picker,
            Hint::Help => Context::Help,
            Hint::Note => Context::Note,
            Hint::Tags => Context::Tags,
        }
    }

    fn items(self) -> &'static [Item] {
        match self {
            Hint::List => LIST,
            Hint::ListSideBySide => LIST_SIDE,
            Hint::ListEmpty => LIST_EMPTY,
            Hint::ListEmptyMarks => LIST_EMPTY_MARKS,
            Hint::Reader => READER,
            Hint::ReaderSearching => READER_SEARCHING,
            Hint::Prompt => PROMPT,
            Hint::Picker => PICKER,
            Hint::Timeline => TIMELINE,
            Hint::Help => HELP_FOOTER,
            Hint::Note => NOTE,
            Hint::Tags => TAGS,
        }
    }
}

/// The keys that do `action` in `context`, the most telling first: the table's keys for
/// this context the user left alone, then the user's own keys for it in file order, then
/// the table's keys of several contexts (`?`, `Ctrl-C`).
pub fn keys_for(context: Context, action: &Action) -> Vec<Key> {
    let user = user_bindings_in(context);
    let taken = |key: Key| user.iter().any(|u| u.key == key);
    let table = |wanted: fn(Where) -> bool| {
        BINDINGS
            .iter()
            .filter(move |b| wanted(b.place) && b.place.covers(context))
            .filter(move |b| b.action == *action && !taken(b.key))
            .map(|b| b.key)
            .collect::<Vec<Key>>()
    };
    let mut keys = table(|place| matches!(place, Where::In(_)));
    keys.extend(
        user.iter()
            .filter(|u| u.action.as_ref() == Some(action))
            .map(|u| u.key),
    );
    keys.extend(table(|place| place == Where::Anywhere));
    keys.extend(table(|place| place == Where::Always));
    keys
}

/// The hints of `hint`, two spaces apart: `? 帮助  / 搜索  d 地区  q 退出`. A hint whose
/// actions have no key left is left out.
pub fn hints(hint: Hint, lang: Lang) -> String {
    let context = hint.context();
    let mut out: Vec<String> = Vec::new();
    for item in hint.items() {
        let keys: Vec<String> = item
            .actions
            .iter()
            .filter_map(|a| keys_for(context, a).first().copied())
            .map(|k| key_label(k, lang))
            .collect();
        if !keys.is_empty() {
            out.push(format!("{} {}", keys.join(" "), item.label.text(lang)));
        }
    }
    out.join("  ")
}
