//! The reader numbers the body paragraphs it shows, dim, in the first line's indent, as the
//! exported reports number them (【1】【2】…), so that a reviewer's "第3段" can be found
//! without counting by eye. The text, its wrapping, `kanbao show` and a copy (`y`) stay as
//! they were. Frames on ratatui's TestBackend (text-only insta snapshots, named after this
//! file), styles asserted on cells.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::article::Article;
use kanbao::collection::Collection;
use kanbao::i18n::Lang;
use kanbao::layout::AmbiguousWidth;
use kanbao::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use support::draw;

/// Fourteen paragraphs from the bundled page's sentences, two of which show nothing (an
/// empty one and one of spaces), so twelve are numbered; the ninth shown opens with a
/// number, which a number beside it must not run into.
fn paragraphs() -> Vec<String> {
    [
        "近日，朝阳区劲松街道工会驿站里暖意融融。",
        "劲松街道总工会联合中国职工服务集团、中国职工发展基金会共同开展情暖新就业形态劳动者慰问活动。",
        "活动中，领导一行依次致辞，向户外劳动者送上祝福和感谢，并发放“暖心礼包”。",
        "",
        "“温暖不止今日，服务四季常伴。”劲松街道总工会相关负责人表示。",
        "目前，工会驿站已成为户外劳动者们的“温暖港湾”。",
        "驿站内配备了微波炉、饮水机、急救箱、充电设备等设施。",
        "为户外劳动者提供免费的休息场所、热水供应、饭菜加热、手机充电等服务。",
        " \u{3000}",
        "2024年，街道工会共服务新就业形态劳动者5500余人次。",
        "京南物流基地是北京“四大物流基地”之一，承载着全市物流业务量的15%。",
        "服务新就业形态劳动者5500余人次。",
        "下一步，街道总工会将继续做好服务。",
        "让劳动者感受到工会组织的温暖。",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect()
}

fn long_article() -> Article {
    Article {
        id: "long".into(),
        title: "劲松街道总工会情暖新就业形态劳动者".into(),
        district: Some("朝阳区".into()),
        byline: Some("本报讯（记者 刘欣欣）".into()),
        paragraphs: paragraphs(),
        ..Article::default()
    }
}

/// The reader with `article` open on a `w`×`h` screen.
fn open(article: Article, w: u16, h: u16) -> App {
    let opts = Options {
        lang: Lang::Zh,
        ambiguous: AmbiguousWidth::Narrow,
        source: "test".into(),
        ..Options::default()
    };
    let mut app = support::app_over(Collection::from(vec![article]), opts);
    app.update(Action::Resize(w, h));
    app.update(Action::Open);
    assert!(app.reader().is_some());
    app
}

/// Row `y` of the text column, from `from` columns left of it, each wide character once.
fn row(buf: &Buffer, app: &App, y: u16, from: u16) -> String {
    let text = app.geometry().text;
    let mut out = String::new();
    let mut x = text.x - from;
    while x < text.x + text.width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
    }
    out
}

/// The numbered first lines on screen: `(number, the rest of the row)`, for rows whose
/// first four columns (with `margin` columns left of the text column) are a number and a
/// blank.
fn numbered_rows(buf: &Buffer, app: &App, margin: u16) -> Vec<(usize, String)> {
    let text = app.geometry().text;
    (text.y..text.y + text.height)
        .filter_map(|y| {
            let r = row(buf, app, y, margin);
            let head: String = r.chars().take(4 + usize::from(margin)).collect();
            let n = head.trim().parse().ok()?;
            assert!(head.ends_with(' '), "a blank column before the text: {r:?}");
            Some((n, r.chars().skip(head.chars().count()).collect()))
        })
        .collect()
}

#[test]
fn every_paragraph_shown_has_the_number_the_report_gives_it() {
    let article = long_article();
    let app = open(article.clone(), 80, 60);
    let terminal = draw(&app, &Theme::new(false, false), 80, 60);
    let shown = numbered_rows(terminal.backend().buffer(), &app, 0);
    let report: Vec<(usize, &str)> = kanbao::export::numbered(&article).collect();
    assert!(report.len() >= 10, "{report:?}");
    assert_eq!(shown.len(), report.len(), "{shown:?}");
    for ((n, line), (want, paragraph)) in shown.iter().zip(&report) {
        assert_eq!(n, want);
        let line = line.trim_end();
        assert!(
            paragraph.starts_with(line),
            "【{want}】{paragraph} vs {line:?}"
        );
    }
    // The byline above the body has no number, and neither does anything but a body
    // paragraph's first line.
    assert_eq!(report.last().unwrap().0, 12);
}

#[test]
fn frames_with_numbers() {
    for (w, h) in [(80, 24), (40, 12)] {
        let app = open(long_article(), w, h);
        let terminal = draw(&app, &Theme::new(true, false), w, h);
        insta::assert_snapshot!(format!("long_{w}x{h}"), terminal.backend());
    }
    // The next page: a paragraph's first line keeps its number wherever the page starts.
    let mut app = open(long_article(), 40, 12);
    app.update(Action::NextPage);
    let terminal = draw(&app, &Theme::new(true, false), 40, 12);
    insta::assert_snapshot!("long_page_2_40x12", terminal.backend());
}

#[test]
fn the_number_is_dim_and_the_text_is_not() {
    for color in [true, false] {
        let theme = Theme::new(color, false);
        let app = open(long_article(), 80, 24);
        let terminal = draw(&app, &theme, 80, 24);
        let buf = terminal.backend().buffer();
        let text = app.geometry().text;
        let y = (text.y..text.y + text.height)
            .find(|&y| buf[(text.x + 2, y)].symbol() == "1")
            .unwrap_or_else(|| panic!("no paragraph 1 on screen:\n{}", terminal.backend()));
        let number = &buf[(text.x + 2, y)];
        let body = &buf[(text.x + 4, y)];
        assert_eq!(body.symbol(), "近");
        if color {
            // The theme's muted colour, the meta line's.
            assert_eq!(number.fg, Color::DarkGray);
            assert_eq!(number.fg, theme.meta.fg.unwrap());
            assert_eq!(body.fg, Color::Reset);
        } else {
            // No colour: dim, which NO_COLOR allows (it is no colour).
            assert!(number.modifier.contains(Modifier::DIM), "{number:?}");
            assert_eq!(number.fg, Color::Reset);
            assert_eq!(body.fg, Color::Reset);
        }
        assert!(!body.modifier.contains(Modifier::DIM), "{body:?}");
        // The gap column between number and text is blank.
        assert_eq!(buf[(text.x + 3, y)].symbol(), " ");
    }
}

#[test]
fn the_wrapping_is_the_same_as_without_numbers() {
    // The rows of the text column are the laid-out lines, the indent's four columns aside.
    let app = open(long_article(), 80, 60);
    let terminal = draw(&app, &Theme::new(false, false), 80, 60);
    let buf = terminal.backend().buffer();
    let text = app.geometry().text;
    let reader = app.reader().unwrap();
    for (i, line) in reader.lines().iter().enumerate() {
        let y = text.y + u16::try_from(i).unwrap();
        let shown = row(buf, &app, y, 0);
        let want = match line.text.strip_prefix("\u{3000}\u{3000}") {
            Some(rest) if line.number.is_some() => {
                format!("{:>3} {rest}", line.number.unwrap())
            }
            _ => line.text.clone(),
        };
        assert_eq!(shown.trim_end(), want.trim_end(), "line {i}");
    }
}

#[test]
fn a_narrow_screen_keeps_the_numbers_where_there_is_an_indent() {
    // 40×12, the smallest screen the contract keeps usable: numbers in the indent.
    let app = open(long_article(), 40, 12);
    let terminal = draw(&app, &Theme::new(false, false), 40, 12);
    let shown = numbered_rows(terminal.backend().buffer(), &app, 0);
    assert_eq!(
        shown.first().map(|(n, _)| *n),
        Some(1),
        "{}",
        terminal.backend()
    );
    // 7 columns: a text column of 5, too narrow for the indent (typography.md §7). No
    // number is drawn over or before the text, which starts at the column's edge.
    let article = Article {
        id: "narrow".into(),
        title: "窄".into(),
        paragraphs: vec!["第一段。".into(), "第二段。".into()],
        ..Article::default()
    };
    let mut app = open(article, 7, 12);
    app.update(Action::LastPage);
    let terminal = draw(&app, &Theme::new(false, false), 7, 12);
    let buf = terminal.backend().buffer();
    let g = app.geometry();
    let rows: Vec<String> = (g.reader.y..g.reader.y + g.reader.height)
        .map(|y| row(buf, &app, y, g.text.x - g.reader.x))
        .collect();
    assert!(
        rows.iter().all(|r| !r.chars().any(|c| c.is_ascii_digit())),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.trim_start().starts_with("第一")),
        "{rows:?}"
    );
    insta::assert_snapshot!("narrow_7x12", terminal.backend());
}

#[test]
fn three_and_four_digit_numbers_keep_the_gap() {
    let article = Article {
        id: "many".into(),
        title: "千段".into(),
        paragraphs: (1..=1003).map(|n| format!("第{n}段。")).collect(),
        ..Article::default()
    };
    let mut app = open(article, 40, 12);
    app.update(Action::LastPage);
    let terminal = draw(&app, &Theme::new(false, false), 40, 12);
    let buf = terminal.backend().buffer();
    // One column left of the text column: the pane's margin, which a fourth digit takes.
    let shown = numbered_rows(buf, &app, 1);
    let want: Vec<(usize, String)> = (994..=1003).map(|n| (n, format!("第{n}段。"))).collect();
    let shown: Vec<(usize, String)> = shown
        .into_iter()
        .map(|(n, t)| (n, t.trim_end().to_owned()))
        .collect();
    assert_eq!(shown, want, "{}", terminal.backend());
    insta::assert_snapshot!("many_40x12", terminal.backend());
}

#[test]
fn a_copy_has_no_numbers() {
    let mut app = open(long_article(), 80, 24);
    app.update(Action::CopyArticle);
    let copied = app.take_clipboard().unwrap();
    let body: Vec<&str> = copied.split("\n\n").skip(3).collect();
    let all = paragraphs();
    let want: Vec<&str> = all
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(body, want, "{copied}");
    assert!(!copied.contains("【"), "{copied}");
}

/// The theme as the config file `colors` (a `[colors]` table) sets it over the colour
/// theme (`color`) or the one without colours.
fn configured(colors: &str, color: bool) -> Theme {
    let text = format!("[colors]\n{colors}");
    let layer = kanbao::config::parse(&text, std::path::Path::new("config.toml")).unwrap();
    let mut theme = Theme::new(color, false);
    theme.apply(&layer.colors);
    theme
}

/// The cells of paragraph 1's number and of the meta line's first character, on an 80×24
/// frame drawn with `theme`.
fn number_and_meta(theme: &Theme) -> (ratatui::buffer::Cell, ratatui::buffer::Cell) {
    let app = open(long_article(), 80, 24);
    let terminal = draw(&app, theme, 80, 24);
    let buf = terminal.backend().buffer();
    let text = app.geometry().text;
    let at = |want: &str| {
        (text.y..text.y + text.height)
            .find_map(|y| {
                (text.x..text.x + text.width)
                    .find(|&x| buf[(x, y)].symbol() == want)
                    .map(|x| buf[(x, y)].clone())
            })
            .unwrap_or_else(|| panic!("no {want:?} on screen:\n{}", terminal.backend()))
    };
    // Paragraph 1's number is the first `1` of the text column; the meta line opens with
    // the district.
    (at("1"), at("朝"))
}

/// `[colors] number` styles the paragraph numbers and nothing else; without it they
/// follow `meta`, as before the role existed.
#[test]
fn the_colors_number_role_styles_the_numbers_and_only_them() {
    // Set: its colour and flags, over either theme; the meta line keeps its own.
    for color in [true, false] {
        let theme = configured("number = { fg = \"green\", bold = true }\n", color);
        let (number, meta) = number_and_meta(&theme);
        assert_eq!(number.fg, Color::Green, "{number:?}");
        assert!(number.modifier.contains(Modifier::BOLD), "{number:?}");
        let plain = number_and_meta(&Theme::new(color, false)).1;
        assert_eq!((meta.fg, meta.modifier), (plain.fg, plain.modifier));
    }
    // Unset, the numbers follow `meta` as they always did.
    let (number, meta) = number_and_meta(&configured("meta = \"blue\"\n", true));
    assert_eq!((number.fg, meta.fg), (Color::Blue, Color::Blue));
    // Set to the terminal's own colour, a number is still not drawn as the text is: dim.
    let (number, _) = number_and_meta(&configured("number = \"default\"\n", true));
    assert_eq!(number.fg, Color::Reset);
    assert!(number.modifier.contains(Modifier::DIM), "{number:?}");
    // Set to what `kanbao config --default` lists for it, nothing changes.
    let listed = kanbao::settings::colors::DEFAULTS
        .iter()
        .find(|(role, _)| *role == "number")
        .map(|(_, spec)| format!("number = {spec}\n"))
        .expect("the template lists `number`");
    let theme = Theme::new(true, false);
    assert_eq!(configured(&listed, true).number(), theme.number());
}
