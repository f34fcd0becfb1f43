//! `--ambiguous-width 2`: the bytes kanbao sends must line up on a terminal that draws
//! East Asian Ambiguous characters (“ ” … — ·) two columns wide. The frame is written through
//! the real crossterm backend into memory and replayed on a tiny emulator that advances
//! two columns for them, as such a terminal does. And emoji sequences: replayed on vt100,
//! which like tmux, xterm, VTE and Alacritty draws each emoji of a sequence on its own.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use crate::support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::layout::AmbiguousWidth;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
use kanbao::tui::view::text::shown;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The bytes of one full frame, as the crossterm backend writes them.
fn frame_bytes(app: &App, theme: &Theme, w: u16, h: u16) -> Vec<u8> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let next = terminal
        .draw(|f| view::render(app, theme, f))
        .unwrap()
        .buffer
        .clone();
    let prev = Buffer::empty(next.area);
    let mut bytes = Vec::new();
    let mut backend = CrosstermBackend::new(&mut bytes);
    backend.draw(prev.diff(&next).into_iter()).unwrap();
    bytes
}

/// Replays `bytes` on a `w`×`h` grid; ambiguous characters advance two columns if `wide`.
fn emulate(bytes: &[u8], w: usize, h: usize, wide: bool) -> Vec<Vec<String>> {
    let mut grid = vec![vec![" ".to_string(); w]; h];
    replay(&mut grid, bytes, wide);
    grid
}

/// Replays `bytes` onto `grid` as a terminal would; a wide character's second column holds
/// "", and writing over either half of one erases the whole character.
fn replay(grid: &mut [Vec<String>], bytes: &[u8], wide: bool) {
    let (h, w) = (grid.len(), grid[0].len());
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let (mut x, mut y) = (0usize, 0usize);
    let mut rest = text.as_str();
    while !rest.is_empty() {
        if let Some(csi) = rest.strip_prefix("\x1b[") {
            let end = csi.find(|c: char| c.is_ascii_alphabetic()).unwrap();
            if &csi[end..=end] == "H" {
                let mut nums = csi[..end]
                    .split(';')
                    .map(|n| n.parse::<usize>().unwrap_or(1));
                y = nums.next().unwrap_or(1) - 1;
                x = nums.next().unwrap_or(1) - 1;
            }
            if &csi[end..=end] == "X" && y < h {
                // Erase characters: blanks from the cursor on, which does not move.
                let n = csi[..end].parse::<usize>().unwrap_or(1);
                let row = &mut grid[y];
                if x < w && row[x].is_empty() && x > 0 {
                    row[x - 1] = " ".into();
                }
                for cell in row.iter_mut().skip(x).take(n) {
                    *cell = " ".into();
                }
                let mut after = x + n;
                while after < w && row[after].is_empty() {
                    row[after] = " ".into();
                    after += 1;
                }
            }
            rest = &csi[end + 1..];
            continue;
        }
        let g = rest.graphemes(true).next().unwrap();
        rest = &rest[g.len()..];
        let width = if wide { g.width_cjk() } else { g.width() };
        if y < h && x < w {
            let row = &mut grid[y];
            if row[x].is_empty() && x > 0 {
                row[x - 1] = " ".into();
            }
            let mut end = x + 1;
            while end < w && row[end].is_empty() {
                row[end] = " ".into();
                end += 1;
            }
            row[x] = g.to_string();
            for i in 1..width {
                if x + i < w {
                    if row[x + i].is_empty() || x + i + 1 >= w || !row[x + i + 1].is_empty() {
                        row[x + i] = String::new();
                    } else {
                        row[x + i + 1] = " ".into();
                        row[x + i] = String::new();
                    }
                }
            }
        }
        x += width;
    }
}

/// What a correct terminal shows for `buf`: each symbol at its cell, "" where covered.
fn expected(buf: &Buffer) -> Vec<Vec<String>> {
    use ratatui::buffer::CellWidth;
    let (w, h) = (buf.area.width, buf.area.height);
    let mut grid = vec![vec![" ".to_string(); usize::from(w)]; usize::from(h)];
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            grid[usize::from(y)][usize::from(x)] = shown(cell.symbol()).to_string();
            let width = cell.cell_width().max(1);
            for i in 1..width {
                if x + i < w {
                    grid[usize::from(y)][usize::from(x + i)] = String::new();
                }
            }
            x += width;
        }
    }
    grid
}

fn wide_app(actions: &[Action]) -> App {
    let opts = Options {
        ambiguous: AmbiguousWidth::Wide,
        source: "builtin".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(120, 40));
    for a in actions {
        app.update(a.clone());
    }
    app
}

/// Columns of `grid` where `symbol` sits in rows `rows`.
fn column_of(grid: &[Vec<String>], row: usize, symbol: &str) -> Vec<usize> {
    grid[row]
        .iter()
        .enumerate()
        .filter(|(_, s)| *s == symbol)
        .map(|(x, _)| x)
        .collect()
}

#[test]
fn the_frame_lines_up_on_a_terminal_that_draws_ambiguous_wide() {
    let app = wide_app(&[Action::Open]);
    let theme = Theme::new(true, true);
    let bytes = frame_bytes(&app, &theme, 120, 40);
    let grid = emulate(&bytes, 120, 40, true);
    let separator = usize::from(app.geometry().separator.x);
    // Titles with “…” are in the list and the reader; the pane separator stays put on every
    // body row, and nothing is pushed past the right edge.
    for (y, row) in grid.iter().enumerate().take(39).skip(1) {
        assert_eq!(row[separator], "|", "row {y}: {:?}", row.concat());
    }
    let quotes = grid.iter().flatten().filter(|s| *s == "“").count();
    assert!(quotes > 2, "ambiguous characters are on screen");
}

#[test]
fn without_forced_widths_the_same_frame_would_drift() {
    // The control: the narrow layout replayed on a wide terminal does not line up, which is
    // what the test above guards against.
    let opts = Options {
        source: "builtin".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    let bytes = frame_bytes(&app, &Theme::new(true, true), 120, 40);
    let grid = emulate(&bytes, 120, 40, true);
    let separator = usize::from(app.geometry().separator.x);
    let drifted = (1..39).any(|y| column_of(&grid, y, "|") != vec![separator]);
    assert!(drifted);
}

#[test]
fn successive_frames_stay_lined_up_on_a_wide_terminal() {
    let mut app = wide_app(&[]);
    let theme = Theme::new(true, true);
    let (w, h) = (120u16, 40u16);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut prev = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    let mut grid = vec![vec![" ".to_string(); usize::from(w)]; usize::from(h)];
    let steps = [
        None,
        Some(Action::Open),
        Some(Action::NextPage),
        Some(Action::LineDown),
        Some(Action::NextArticle),
        Some(Action::ToggleFocus),
        Some(Action::MoveDown),
        Some(Action::OpenPicker),
        Some(Action::PickerCancel),
        Some(Action::SearchInput("“".into())),
        Some(Action::SearchCancel),
        Some(Action::Help),
        Some(Action::Help),
        Some(Action::Bottom),
        Some(Action::Open),
        Some(Action::PrevArticle),
    ];
    for (i, step) in steps.into_iter().enumerate() {
        if let Some(action) = step {
            app.update(action);
        }
        // The frame as drawn (not TestBackend's screen, which keeps cells a diff skipped).
        let next = terminal
            .draw(|f| view::render(&app, &theme, f))
            .unwrap()
            .buffer
            .clone();
        let mut bytes = Vec::new();
        let mut backend = CrosstermBackend::new(&mut bytes);
        backend.draw(prev.diff(&next).into_iter()).unwrap();
        replay(&mut grid, &bytes, true);
        let want = expected(&next);
        for y in 0..usize::from(h) {
            assert_eq!(grid[y].concat(), want[y].concat(), "step {i}, row {y}");
        }
        prev = next;
    }
}

/// One cell of a terminal that keeps colours: its text ("" where a wide character covers
/// it) and its background, as the SGR parameters that set it ("49" for the default).
type StyledCell = (String, String);

/// Replays `bytes` onto `grid` as a terminal that draws each grapheme `width(g)` columns
/// wide and paints the background of every column a character covers, or that an erase
/// (ECH) blanks, in the current colours.
fn replay_styled(grid: &mut [Vec<StyledCell>], bytes: &[u8], width: &dyn Fn(&str) -> usize) {
    let (h, w) = (grid.len(), grid[0].len());
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let (mut x, mut y) = (0usize, 0usize);
    let mut bg = String::from("49");
    let mut rest = text.as_str();
    while !rest.is_empty() {
        if let Some(csi) = rest.strip_prefix("\x1b[") {
            let end = csi.find(|c: char| c.is_ascii_alphabetic()).unwrap();
            let params = &csi[..end];
            match &csi[end..=end] {
                "H" => {
                    let mut nums = params.split(';').map(|n| n.parse::<usize>().unwrap_or(1));
                    y = nums.next().unwrap_or(1) - 1;
                    x = nums.next().unwrap_or(1) - 1;
                }
                "X" if y < h => {
                    let n = params.parse::<usize>().unwrap_or(1);
                    for cell in grid[y].iter_mut().skip(x).take(n) {
                        *cell = (" ".into(), bg.clone());
                    }
                }
                "m" => {
                    let p: Vec<&str> = params.split(';').collect();
                    let mut i = 0;
                    while i < p.len() {
                        let colour = if p.get(i + 1) == Some(&"5") { 3 } else { 5 };
                        match p[i] {
                            "" | "0" | "49" => bg = "49".into(),
                            "48" => {
                                bg = p[i..(i + colour).min(p.len())].join(";");
                                i += colour - 1;
                            }
                            "38" | "58" => i += colour - 1,
                            code if code.len() == 2 && code.starts_with('4') => bg = code.into(),
                            _ => {}
                        }
                        i += 1;
                    }
                }
                _ => {}
            }
            rest = &csi[end + 1..];
            continue;
        }
        let g = rest.graphemes(true).next().unwrap();
        rest = &rest[g.len()..];
        let cols = width(g);
        for i in 0..cols.max(1) {
            if y < h && x + i < w {
                let text = if i == 0 { g.to_string() } else { String::new() };
                grid[y][x + i] = (text, bg.clone());
            }
        }
        x += cols;
    }
}

#[test]
fn every_cell_of_the_selection_bar_is_painted_whatever_width_the_terminal_gives_a_dot() {
    // Terminals do not agree on which characters are ambiguous: this one draws `“` two
    // columns wide (so the probe and `--ambiguous-width 2` say wide) but `·` one. The
    // column a narrow `·` leaves is never written by the diff; the bar must still be whole.
    let mixed = |g: &str| match g {
        "·" | "•" => 1,
        _ => g.width_cjk(),
    };
    let wide = |g: &str| g.width_cjk();
    for width in [&mixed as &dyn Fn(&str) -> usize, &wide] {
        for (w, h) in [(120u16, 40u16), (80, 24)] {
            let mut app = wide_app(&[]);
            app.update(Action::Resize(w, h));
            app.update(Action::MoveDown);
            let theme = Theme::new(true, true);
            let bytes = frame_bytes(&app, &theme, w, h);
            let mut grid =
                vec![vec![(" ".to_string(), "49".to_string()); usize::from(w)]; usize::from(h)];
            replay_styled(&mut grid, &bytes, width);
            let list = app.geometry().list;
            let top = usize::from(list.y) + (app.selected() - app.list_top()) * 2;
            let bar = grid[top][usize::from(list.x)].1.clone();
            assert_ne!(bar, "49", "the bar has a colour");
            for row in &grid[top..top + 2] {
                let cells = &row[usize::from(list.x)..usize::from(list.x + list.width)];
                let text: String = cells.iter().map(|(t, _)| t.as_str()).collect();
                assert!(text.contains('·'), "{w}x{h}: the row has a dot: {text}");
                for (x, (_, bg)) in cells.iter().enumerate() {
                    assert_eq!(*bg, bar, "{w}x{h}: column {x} of {text:?}");
                }
            }
        }
    }
}

/// A page whose title and text hold emoji ZWJ sequences, flags and `❤️` among Chinese.
fn emoji_collection() -> kanbao::collection::Collection {
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
    let article = |i: usize| kanbao::article::Article {
        id: format!("e{i}"),
        title: format!("第{i}篇{family}一家三口🇨🇳国旗下合影留念纪念"),
        paragraphs: vec![
            format!("北京{family}一家人在天安门🇨🇳前❤\u{fe0f}合影。").repeat(12),
            format!("{family}{family}🇨🇳🇨🇳").repeat(10),
        ],
        ..kanbao::article::Article::default()
    };
    kanbao::collection::Collection::from((0..6).map(article).collect::<Vec<_>>())
}

/// What a terminal that draws each character of a cluster on its own shows for `buf`:
/// each cell's text ("" where a wide character covers it or nothing is), a cluster of
/// several characters spread over its parts.
fn drawn_by_parts(buf: &Buffer) -> Vec<Vec<String>> {
    use ratatui::buffer::CellWidth;
    let (w, h) = (usize::from(buf.area.width), usize::from(buf.area.height));
    let mut grid = vec![vec![String::new(); w]; h];
    for (y, row) in grid.iter_mut().enumerate() {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x as u16, y as u16)];
            // Zero-width characters (joiners, selectors) are left out on both sides.
            let mut at = x;
            for c in shown(cell.symbol()).chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if cw == 0 {
                    continue;
                }
                if at < w {
                    row[at] = c.to_string();
                }
                at += cw;
            }
            x += usize::from(cell.cell_width().max(1));
        }
        for cell in row.iter_mut() {
            if cell == " " {
                cell.clear();
            }
        }
    }
    grid
}

#[test]
fn emoji_sequences_are_laid_out_as_the_terminal_draws_them() {
    for (w, h) in [(120u16, 40u16), (80, 24)] {
        for open in [false, true] {
            let mut app = support::app_over(emoji_collection(), Options::default());
            app.update(Action::Resize(w, h));
            if open {
                app.update(Action::Open);
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let theme = Theme::new(true, false);
            let next = terminal
                .draw(|f| view::render(&app, &theme, f))
                .unwrap()
                .buffer
                .clone();
            let bytes = frame_bytes(&app, &theme, w, h);
            let mut parser = vt100::Parser::new(h, w, 0);
            parser.process(&bytes);
            let want = drawn_by_parts(&next);
            for (y, row) in want.iter().enumerate() {
                let got: Vec<String> = (0..w)
                    .map(|x| {
                        let cell = parser.screen().cell(y as u16, x).unwrap();
                        let text: String = cell
                            .contents()
                            .chars()
                            .filter(|c| unicode_width::UnicodeWidthChar::width(*c) != Some(0))
                            .collect();
                        if text == " " { String::new() } else { text }
                    })
                    .collect();
                assert_eq!(&got, row, "{w}x{h} open={open}, row {y}");
            }
        }
    }
}
