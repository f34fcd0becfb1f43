//! The index's fields and its tokenizers.
//!
//! Each article is one tantivy document. Its searchable text is what the in-memory engine
//! searches ([`crate::search`]): headings, byline and paragraphs, each folded (NFKC +
//! lowercase) and ended by a line break, so that positions are character offsets in that
//! text. Ten token fields are made from it:
//! - `uni`: every character, with frequencies (no positions): a one-character term is one
//!   lookup, and its frequency in a document is its hit count;
//! - `huni`: the characters of the headings alone, with frequencies: a one-character
//!   term's title hits (format 7);
//! - `bi`: every pair of adjacent characters, at the position of the first, with positions
//!   (a longer term is a phrase of bigrams at offsets 0, 2, 4, …, and the last one);
//! - `pyi`: the first letters of the readings of a character that has pinyin, each once,
//!   with frequencies: a one-letter term's hits (with `uni`);
//! - `hpyi`: those of the headings alone: its title hits (format 8, see `open/letter.rs`);
//! - `pyp`: those letters for every two adjacent characters with pinyin (`gh` for 工会,
//!   `kh` too as 会 also reads kuai), with positions, so a pinyin term becomes phrases of
//!   letter pairs;
//! - `hbi`: the bigrams of the headings alone (title, kicker, subtitle), with frequencies:
//!   a two-character term's title hits without reading a position;
//! - `pyr`: every reading of a character that has pinyin (`hui` and `kuai` for 会), with
//!   positions, so that a pinyin term's full syllables, `zh`/`ch`/`sh` and last prefix are
//!   found where they stand (see `open/spelled.rs`);
//! - `hpyp`, `hpyr`: the letter pairs and readings of the headings alone, with frequencies:
//!   bounds on a pinyin term's title hits without reading a position (see `open/best.rs`).
//!
//! No token crosses a line break, so none spans two fields.
//!
//! Three fields index what the query operators ask (format 9): `kind` (`news`, `photo`),
//! `rep` (each reporter's folded name, whole: `reporter:` asks for the names holding its
//! value, see `index::contains`) and `nodistrict` (`1` when the article names no primary
//! district: `district:未注明`).

use std::sync::OnceLock;

use pinyin::ToPinyinMulti;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The version of the index's layout; an index of another version is rebuilt.
pub const FORMAT: u32 = 9;

/// The fields of the schema, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The article's id (indexed whole, stored).
    pub id: Field,
    /// Title, kicker, subtitle (stored).
    pub title: Field,
    /// The kicker (stored).
    pub kicker: Field,
    /// The primary district (indexed whole, stored).
    pub district: Field,
    /// Every district named (stored).
    pub districts: Field,
    /// Reporters (stored).
    pub reporters: Field,
    /// Correspondents (stored).
    pub correspondents: Field,
    /// `news` or `photo` (indexed whole, stored).
    pub kind: Field,
    /// Each reporter's folded name (indexed whole, not stored; a name longer than tantivy
    /// keeps a term in overlapping pieces, see `index::contains::pieces`).
    pub rep: Field,
    /// `1` when the article names no primary district (indexed whole, not stored).
    pub nodistrict: Field,
    /// The date as written (stored).
    pub date: Field,
    /// The page number (stored).
    pub page: Field,
    /// The article's position in its file (fast).
    pub ord: Field,
    /// Byte offset of the article's JSON in its file (fast).
    pub off: Field,
    /// Byte length of the article's JSON (fast).
    pub len: Field,
    /// The date's first 8 bytes, big-endian (fast; for the newest-first order).
    pub dhi: Field,
    /// The date's next 8 bytes, big-endian (fast).
    pub dlo: Field,
    /// The date's length plus one; 0 without a date (fast).
    pub dlen: Field,
    /// Where the headings (title, kicker, subtitle) end in the folded text, in characters
    /// (fast; a hit before it is a title hit).
    pub hend: Field,
    /// Every character, with frequencies.
    pub uni: Field,
    /// The characters of the headings, with frequencies.
    pub huni: Field,
    /// Adjacent character pairs, with positions.
    pub bi: Field,
    /// Adjacent character pairs of the headings, with frequencies.
    pub hbi: Field,
    /// Pinyin first letters, with frequencies.
    pub pyi: Field,
    /// Pinyin first letters of the headings, with frequencies.
    pub hpyi: Field,
    /// Pinyin first-letter pairs, with positions.
    pub pyp: Field,
    /// Pinyin readings of each character, with positions.
    pub pyr: Field,
    /// Pinyin first-letter pairs of the headings, with frequencies.
    pub hpyp: Field,
    /// Pinyin readings of the headings' characters, with frequencies.
    pub hpyr: Field,
}

fn token_field(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_fieldnorms(false)
            .set_index_option(record),
    )
}

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    use IndexRecordOption::WithFreqsAndPositions as Positions;
    let mut b = Schema::builder();
    let stored = TextOptions::default().set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", stored.clone()),
        kicker: b.add_text_field("kicker", stored.clone()),
        district: b.add_text_field("district", STRING | STORED),
        districts: b.add_text_field("districts", stored.clone()),
        reporters: b.add_text_field("reporters", stored.clone()),
        correspondents: b.add_text_field("correspondents", stored.clone()),
        kind: b.add_text_field("kind", STRING | STORED),
        rep: b.add_text_field("rep", STRING),
        nodistrict: b.add_text_field("nodistrict", STRING),
        date: b.add_text_field("date", stored),
        page: b.add_u64_field("page", STORED),
        ord: b.add_u64_field("ord", FAST | INDEXED),
        off: b.add_u64_field("off", FAST),
        len: b.add_u64_field("len", FAST),
        dhi: b.add_u64_field("dhi", FAST),
        dlo: b.add_u64_field("dlo", FAST),
        dlen: b.add_u64_field("dlen", FAST),
        hend: b.add_u64_field("hend", FAST),
        uni: b.add_text_field("uni", token_field(UNI, IndexRecordOption::WithFreqs)),
        huni: b.add_text_field("huni", token_field(UNI, IndexRecordOption::WithFreqs)),
        bi: b.add_text_field("bi", token_field(BI, Positions)),
        hbi: b.add_text_field("hbi", token_field(BI, IndexRecordOption::WithFreqs)),
        pyi: b.add_text_field("pyi", token_field(PYI, IndexRecordOption::WithFreqs)),
        hpyi: b.add_text_field("hpyi", token_field(PYI, IndexRecordOption::WithFreqs)),
        pyp: b.add_text_field("pyp", token_field(PYP, Positions)),
        pyr: b.add_text_field("pyr", token_field(PYR, Positions)),
        hpyp: b.add_text_field("hpyp", token_field(PYP, IndexRecordOption::WithFreqs)),
        hpyr: b.add_text_field("hpyr", token_field(PYR, IndexRecordOption::WithFreqs)),
    };
    (b.build(), fields)
}

/// The term an id is found by in `id`: the id itself, or for an id longer than tantivy
/// keeps a term ([`tantivy::tokenizer::MAX_TOKEN_LEN`] bytes: a longer one is left out of
/// the index without a word) its longest start that fits, indexed as a second value (the
/// first, stored, stays the whole id), so a lookup checks the stored id.
pub fn id_term(id: &str) -> &str {
    let mut end = id.len().min(tantivy::tokenizer::MAX_TOKEN_LEN);
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    &id[..end]
}

/// The term of `kind` for an article of that kind.
pub fn kind_term(kind: crate::article::Kind) -> &'static str {
    match kind {
        crate::article::Kind::News => "news",
        crate::article::Kind::Photo => "photo",
    }
}

/// Tokenizer names.
pub const UNI: &str = "kanbao_uni";
/// Bigram tokenizer.
pub const BI: &str = "kanbao_bi";
/// Pinyin initials tokenizer.
pub const PYI: &str = "kanbao_pyi";
/// Pinyin initial pairs tokenizer.
pub const PYP: &str = "kanbao_pyp";
/// Pinyin readings tokenizer.
pub const PYR: &str = "kanbao_pyr";

/// Registers the five tokenizers on `index` (needed to write; queries build terms directly).
pub fn register(index: &tantivy::Index) {
    let m = index.tokenizers();
    m.register(UNI, Grams { mode: Mode::Uni });
    m.register(BI, Grams { mode: Mode::Bi });
    m.register(
        PYI,
        Grams {
            mode: Mode::PinyinOne,
        },
    );
    m.register(
        PYP,
        Grams {
            mode: Mode::PinyinPair,
        },
    );
    m.register(
        PYR,
        Grams {
            mode: Mode::Reading,
        },
    );
}

/// Bit `l - 'a'` set for each letter `l` that starts a reading of the BMP character.
fn initials_table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0u32; 0x1_0000];
        for (cp, slot) in table.iter_mut().enumerate() {
            let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) else {
                continue;
            };
            let Some(multi) = c.to_pinyin_multi() else {
                continue;
            };
            for reading in multi {
                // As the matcher reads them: ü is v, ê is e, other marks dropped.
                let first = reading.plain().chars().find_map(|c| match c {
                    'ü' => Some('v'),
                    'ê' => Some('e'),
                    c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
                    _ => None,
                });
                if let Some(l) = first {
                    *slot |= 1 << (l as u32 - 'a' as u32);
                    if l == 'v' {
                        // A typed u stands for ü.
                        *slot |= 1 << ('u' as u32 - 'a' as u32);
                    }
                }
            }
        }
        table
    })
}

/// The first letters of `c`'s readings as a bit set (0: no pinyin).
pub fn initials(c: char) -> u32 {
    let cp = c as usize;
    if cp > 0xFFFF {
        return 0;
    }
    initials_table()[cp]
}

#[derive(Debug, Clone, Copy)]
enum Mode {
    Uni,
    Bi,
    PinyinOne,
    PinyinPair,
    Reading,
}

/// One tokenizer for the five token fields, by mode.
#[derive(Debug, Clone)]
struct Grams {
    mode: Mode,
}

impl Tokenizer for Grams {
    type TokenStream<'a> = GramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        GramStream {
            text,
            chars: text.char_indices().collect(),
            mode: self.mode,
            pos: 0,
            pending: Vec::new(),
            readings: &[],
            token: Token::default(),
        }
    }
}

/// Tokens made as they are asked for; the token's text buffer is reused.
#[derive(Debug)]
struct GramStream<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    mode: Mode,
    /// The next character to look at.
    pos: usize,
    /// Pinyin tokens of the current character still to hand out.
    pending: Vec<[u8; 2]>,
    /// Readings of the current character still to hand out (`Mode::Reading`).
    readings: &'static [&'static [u8]],
    token: Token,
}

impl GramStream<'_> {
    fn end_of(&self, i: usize) -> usize {
        self.chars.get(i + 1).map_or(self.text.len(), |c| c.0)
    }

    fn set(&mut self, pos: usize, last: usize, text: Option<&str>) {
        let from = self.chars[pos].0;
        let to = self.end_of(last);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = pos;
        self.token.position_length = 1;
        self.token.text.clear();
        match text {
            Some(t) => self.token.text.push_str(t),
            None => self.token.text.push_str(&self.text[from..to]),
        }
    }
}

impl TokenStream for GramStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some((r, rest)) = self.readings.split_first() {
                self.readings = rest;
                let at = self.pos - 1;
                self.set(at, at, Some(""));
                self.token.text.extend(r.iter().map(|b| char::from(*b)));
                return true;
            }
            if let Some(p) = self.pending.pop() {
                let n = if p[1] == 0 { 1 } else { 2 };
                let at = self.pos - 1;
                self.set(at, at + n - 1, Some(""));
                self.token.text.push(char::from(p[0]));
                if n == 2 {
                    self.token.text.push(char::from(p[1]));
                }
                return true;
            }
            let pos = self.pos;
            let Some(&(_, c)) = self.chars.get(pos) else {
                return false;
            };
            self.pos += 1;
            if c == '\n' {
                continue;
            }
            let next = self.chars.get(pos + 1).map(|x| x.1).filter(|d| *d != '\n');
            match self.mode {
                Mode::Uni => {
                    self.set(pos, pos, None);
                    return true;
                }
                Mode::Bi => {
                    if next.is_some() {
                        self.set(pos, pos + 1, None);
                        return true;
                    }
                }
                Mode::PinyinOne => {
                    for l in letters(initials(c)) {
                        self.pending.push([l as u8, 0]);
                    }
                }
                Mode::Reading => self.readings = crate::search::pinyin::readings(c),
                Mode::PinyinPair => {
                    let Some(d) = next else { continue };
                    let (a, b) = (initials(c), initials(d));
                    for x in letters(a) {
                        for y in letters(b) {
                            self.pending.push([x as u8, y as u8]);
                        }
                    }
                }
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The letters of a bit set, in order.
pub fn letters(set: u32) -> impl Iterator<Item = char> {
    (0..26u8)
        .filter(move |i| set & (1 << i) != 0)
        .map(|i| char::from(b'a' + i))
}
