//! A deterministic archive generator: schema-1 JSON Lines made from the bundled page's
//! sentences, for benchmarks and tests at archive scale (docs/contract.md §7).
//!
//! The same `(n, seed)` always gives the same bytes: the PRNG is written here (no `rand`),
//! and everything it draws from comes from the bundled data compiled into the binary.
//! Each article states its district in its own first paragraph, and its `district` /
//! `districts` fields are what [`district::detect`] finds in its text, so the generated
//! archive is as honest as an imported one.

use std::io::{self, Write};

use crate::article::{Article, Kind};
use crate::collection::Collection;
use crate::district::{self, DISTRICTS};
use crate::load;

/// SplitMix64: small, fast and good enough to shuffle sentences deterministically.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        // The modulo bias is irrelevant for test data; determinism is what matters.
        let span = (hi - lo + 1) as u64;
        lo + (self.next() % span) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
}

const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲燕晓欣悦宁浩然思雨佳琪子涵俊博文轩雪梅建国志宏春兰晨曦";

/// How the first paragraph names the district; `{}` is the district's full name.
const LEADS: [&str; 6] = [
    "据{}总工会介绍，",
    "{}职工服务中心消息，",
    "在{}，",
    "记者从{}总工会获悉，",
    "{}各级工会组织积极行动，",
    "日前，{}总工会有关负责人表示，",
];

/// The material every article is made from: sentences, headings and reporter names.
struct Pool {
    sentences: Vec<String>,
    headings: Vec<String>,
    names: Vec<String>,
}

impl Pool {
    fn new(rng: &mut Rng) -> Pool {
        // The bundled data is compiled in and tested; an empty pool would be a build bug.
        let bundled = load::load_bundled()
            .map(Collection::into_articles)
            .unwrap_or_default();
        let mut sentences = Vec::new();
        let mut headings = Vec::new();
        for article in &bundled {
            for heading in [
                &article.kicker,
                &Some(article.title.clone()),
                &article.subtitle,
            ]
            .into_iter()
            .flatten()
            {
                // Headings lose their district so that the first paragraph decides it.
                let mut h = heading.clone();
                for d in DISTRICTS {
                    h = h.replace(d.name, "");
                }
                if !h.is_empty() {
                    headings.push(h);
                }
            }
            for paragraph in &article.paragraphs {
                for s in split_sentences(paragraph) {
                    // Sentences that name a district or carry a photo credit would make the
                    // generated districts and credits lie.
                    if district::mentions(s).is_empty() && !s.contains("摄影报道") {
                        sentences.push(s.to_string());
                    }
                }
            }
        }
        if sentences.is_empty() {
            sentences.push("工会驿站为职工提供服务。".to_string());
        }
        if headings.is_empty() {
            headings.push("工会驿站温暖职工".to_string());
        }
        let surnames: Vec<char> = SURNAMES.chars().collect();
        let given: Vec<char> = GIVEN.chars().collect();
        let names = (0..300)
            .map(|_| {
                let mut name = String::new();
                name.push(*rng.pick(&surnames));
                name.push(*rng.pick(&given));
                if rng.chance(60) {
                    name.push(*rng.pick(&given));
                }
                name
            })
            .collect();
        Pool {
            sentences,
            headings,
            names,
        }
    }
}

/// Splits a paragraph into sentences at 。！？, keeping the mark and any closing quotes.
pub fn split_sentences(paragraph: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '”' | '’' | '）' | '」' | '』') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(&paragraph[start..end]);
            start = end;
        }
    }
    if start < paragraph.len() && !paragraph[start..].trim().is_empty() {
        out.push(&paragraph[start..]);
    }
    out
}

/// A calendar day, counted from 2019-01-01 (17,897 days after 1970-01-01).
fn date(day: u32) -> String {
    crate::date::civil_date(i64::from(day) + 17_897)
}

/// The archive generator: an iterator of articles, deterministic in its seed.
pub struct Generator {
    rng: Rng,
    pool: Pool,
    left: usize,
    day: u32,
    page: u32,
    pages_today: u32,
    on_page: u32,
    left_on_page: u32,
}

impl Generator {
    /// A generator of `n` articles from `seed`.
    pub fn new(n: usize, seed: u64) -> Generator {
        let mut rng = Rng(seed ^ 0x6B61_6E62_616F);
        let pool = Pool::new(&mut rng);
        Generator {
            rng,
            pool,
            left: n,
            day: 0,
            page: 0,
            pages_today: 0,
            on_page: 0,
            left_on_page: 0,
        }
    }

    /// Moves to the next slot on the page, the next page or the next day.
    fn advance(&mut self) {
        if self.left_on_page == 0 {
            if self.page >= self.pages_today {
                // Papers skip some days (weekends, holidays).
                self.day += if self.page == 0 {
                    0
                } else {
                    self.rng.range(1, 2) as u32
                };
                self.pages_today = self.rng.range(4, 8) as u32;
                self.page = 0;
            }
            self.page += 1;
            self.on_page = 0;
            self.left_on_page = self.rng.range(3, 7) as u32;
        }
        self.on_page += 1;
        self.left_on_page -= 1;
    }

    fn sentences(&mut self, count: usize) -> String {
        let mut text = String::new();
        for _ in 0..count {
            let s: &String = self.rng.pick(&self.pool.sentences);
            text.push_str(s);
        }
        text
    }

    fn names(&mut self, lo: usize, hi: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for _ in 0..self.rng.range(lo, hi) {
            let name = self.rng.pick(&self.pool.names).clone();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    fn article(&mut self) -> Article {
        self.advance();
        let rng = &mut self.rng;
        let primary = if rng.chance(10) {
            None
        } else {
            Some(rng.pick(&DISTRICTS).name)
        };
        let second = match primary {
            Some(p) if rng.chance(15) => Some(rng.pick(&DISTRICTS).name).filter(|d| *d != p),
            _ => None,
        };
        let photo = rng.chance(5);
        let kicker = rng
            .chance(30)
            .then(|| rng.pick(&self.pool.headings).clone());
        let title = rng.pick(&self.pool.headings).clone();
        let subtitle = rng
            .chance(10)
            .then(|| rng.pick(&self.pool.headings).clone());
        let lead = primary.map(|d| rng.pick(&LEADS).replace("{}", d));
        let reporters = self.names(1, 2);
        let correspondents = if self.rng.chance(40) {
            self.names(1, 2)
        } else {
            Vec::new()
        };

        let mut paragraphs = Vec::new();
        let byline = if photo {
            let mut caption = lead.unwrap_or_default();
            let count = self.rng.range(2, 4);
            caption.push_str(&self.sentences(count));
            caption.push_str(&format!("本报记者 {}", reporters.join(" ")));
            if !correspondents.is_empty() {
                caption.push_str(&format!(" 通讯员 {}", correspondents.join(" ")));
            }
            caption.push_str(" 摄影报道");
            paragraphs.push(caption);
            None
        } else {
            let count = self.rng.range(2, 6);
            for n in 0..count {
                let mut paragraph = if n == 0 {
                    lead.clone().unwrap_or_default()
                } else {
                    String::new()
                };
                if n == count - 1
                    && let Some(d) = second
                {
                    paragraph.push_str(&format!("{d}总工会也将开展类似活动。"));
                }
                let sentences = self.rng.range(2, 5);
                paragraph.push_str(&self.sentences(sentences));
                paragraphs.push(paragraph);
            }
            let mut line = format!("本报讯（记者 {}", reporters.join(" "));
            if !correspondents.is_empty() {
                line.push_str(&format!(" 通讯员 {}", correspondents.join(" ")));
            }
            line.push('）');
            Some(line)
        };

        let headings: Vec<&str> = [kicker.as_deref(), Some(title.as_str()), subtitle.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let (found, all) = district::detect(&headings, &paragraphs);
        let date = date(self.day);
        Article {
            id: format!("{date}-p{}-{}", self.page, self.on_page),
            title,
            kicker,
            subtitle,
            kind: if photo { Kind::Photo } else { Kind::News },
            district: found.map(str::to_string),
            districts: all.into_iter().map(str::to_string).collect(),
            reporters,
            correspondents,
            byline,
            date: Some(date),
            page: Some(self.page),
            paragraphs,
            source: None,
        }
    }
}

impl Iterator for Generator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(self.article())
    }
}

/// Writes `n` generated articles as JSON Lines to `out`; returns the bytes written.
pub fn generate(n: usize, seed: u64, out: &mut impl Write) -> io::Result<u64> {
    let mut written = 0u64;
    let mut line = Vec::with_capacity(8 << 10);
    for article in Generator::new(n, seed) {
        line.clear();
        serde_json::to_writer(&mut line, &article)?;
        line.push(b'\n');
        out.write_all(&line)?;
        written += line.len() as u64;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_from_2019() {
        assert_eq!(date(0), "2019-01-01");
        assert_eq!(date(31), "2019-02-01");
        assert_eq!(date(365), "2020-01-01");
        assert_eq!(date(365 + 59), "2020-02-29");
    }

    #[test]
    fn sentences_keep_their_marks_and_closing_quotes() {
        assert_eq!(
            split_sentences("他说：“好。”然后走了！还有吗？尾巴"),
            vec!["他说：“好。”", "然后走了！", "还有吗？", "尾巴"]
        );
    }
}
