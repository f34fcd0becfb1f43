//! `--ambiguous-width 2`: the bytes kanbao sends must line up on a terminal that draws
//! East Asian Ambiguous characters (“ ” … — ·) two columns wide. The frame is written through
//! the real crossterm backend into memory and replayed on a tiny emulator that advances
//! two columns for them, as such a terminal does.
#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod support;

use kanbao::action::Action;
use kanbao::app::{App, Options};
use kanbao::layout::AmbiguousWidth;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
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
            grid[usize::from(y)][usize::from(x)] = cell.symbol().to_string();
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
