//! Every user-facing string, in Simplified Chinese (the default) and English.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English (`--lang en`).
    En,
}

/// One translatable string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// The label for articles that name no district.
    Unstated,
    /// Label before reporter names.
    Reporter,
    /// Label before correspondent names.
    Correspondent,
    /// The kind `news`.
    KindNews,
    /// The kind `photo`.
    KindPhoto,
}

impl Msg {
    /// The text of this message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Msg::*;
        match (self, lang) {
            (Unstated, Lang::Zh) => "未注明",
            (Unstated, Lang::En) => "not stated",
            (Reporter, Lang::Zh) => "记者",
            (Reporter, Lang::En) => "Reporter",
            (Correspondent, Lang::Zh) => "通讯员",
            (Correspondent, Lang::En) => "Correspondent",
            (KindNews, Lang::Zh) => "新闻",
            (KindNews, Lang::En) => "news",
            (KindPhoto, Lang::Zh) => "图片新闻",
            (KindPhoto, Lang::En) => "photo",
        }
    }
}
