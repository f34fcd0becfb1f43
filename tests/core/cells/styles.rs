//! Styles and sizes: search hits lit (underlined without colour), the focused pane standing
//! out, wide ambiguous mode's ASCII borders and forced widths, and every tiny size and a
//! resize storm drawn without a panic.

use kanbao::action::Action;
use kanbao::app::Options;
use kanbao::i18n::Lang;
use kanbao::layout::AmbiguousWidth;
use kanbao::tui::theme::Theme;
use kanbao::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::super::{app_with, find_cells};
use crate::support::{self, draw};

#[test]
fn search_hits_are_lit_in_the_reader() {
    let mut app = app_with(Lang::Zh, "驿站");
    app.update(Action::Resize(80, 24));
    app.update(Action::Open);
    app.update(Action::NextMatch);
    let theme = Theme::new(true, false);
    let terminal = draw(&app, &theme, 80, 24);
    let buf = terminal.backend().buffer();
    let cells = find_cells(buf, "驿站");
    assert!(!cells.is_empty(), "a hit is on screen");
    let lit = |c: &(u16, u16)| {
        let cell = &buf[*c];
        cell.bg == Color::Yellow || cell.bg == Color::LightRed
    };
    assert!(cells.iter().all(lit));
    let current = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|c| buf[*c].bg == Color::LightRed)
        .count();
    assert!(current >= 2, "the current hit stands out");
}

#[test]
fn search_hits_use_underline_without_colour() {
    let mut app = app_with(Lang::Zh, "驿站");
    app.update(Action::Resize(120, 40));
    let theme = Theme::new(false, false);
    let terminal = draw(&app, &theme, 120, 40);
    let buf = terminal.backend().buffer();
    let cells = find_cells(buf, "驿站");
    assert!(!cells.is_empty());
    for c in &cells {
        assert!(buf[*c].modifier.contains(Modifier::UNDERLINED));
        assert_eq!(buf[*c].bg, Color::Reset);
        assert_eq!(buf[*c].fg, Color::Reset);
    }
}

#[test]
fn every_tiny_size_renders() {
    let theme = Theme::new(true, false);
    let setups: [&[Action]; 6] = [
        &[],
        &[Action::Open, Action::NextPage],
        &[Action::OpenPicker],
        &[Action::Help],
        &[Action::Help, Action::LastPage, Action::LineUp],
        &[Action::OpenSearch, Action::SearchInput("驿站".into())],
    ];
    for actions in setups {
        for w in 1..=12 {
            for h in 1..=6 {
                let mut app = app_with(Lang::Zh, "");
                app.update(Action::Resize(w, h));
                for a in actions {
                    app.update(a.clone());
                }
                draw(&app, &theme, w, h);
            }
        }
    }
}

#[test]
fn a_resize_storm_keeps_rendering() {
    let theme = Theme::new(true, false);
    let mut app = app_with(Lang::Zh, "工会");
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    app.update(Action::NextPage);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let sizes = (0..200u16).map(|i| (1 + (i * 37) % 160, 1 + (i * 13) % 50));
    for (w, h) in sizes {
        app.update(Action::Resize(w, h));
        terminal.backend_mut().resize(w, h);
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, w, h))
            .unwrap();
        terminal.draw(|f| view::render(&app, &theme, f)).unwrap();
        app.update(Action::NextMatch);
    }
}

#[test]
fn wide_ambiguous_mode_draws_ascii_borders_and_forced_widths() {
    let opts = Options {
        ambiguous: AmbiguousWidth::Wide,
        source: "builtin".into(),
        ..Options::default()
    };
    let mut app = support::bundled_app(opts);
    app.update(Action::Resize(120, 40));
    app.update(Action::Open);
    app.update(Action::OpenPicker);
    let terminal = draw(&app, &Theme::new(true, true), 120, 40);
    let buf = terminal.backend().buffer();
    let quote = buf
        .content
        .iter()
        .find(|c| kanbao::tui::view::text::shown(c.symbol()) == "“")
        .expect("a quotation mark is on screen");
    assert_eq!(
        quote.diff_option,
        ratatui::buffer::CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(2).unwrap())
    );
    assert!(buf.content.iter().any(|c| c.symbol() == "+"));
    assert!(!buf.content.iter().any(|c| "─│╭╮╰╯".contains(c.symbol())));
}

#[test]
fn side_by_side_the_focused_pane_stands_out() {
    let theme = Theme::new(true, false);
    let mut app = app_with(Lang::Zh, "");
    app.update(Action::Resize(120, 40));
    let g = app.geometry();
    let bar = (g.list.x + 1, g.list.y);
    let line = (g.separator.x, g.separator.y);
    let terminal = draw(&app, &theme, 120, 40);
    let buf = terminal.backend().buffer();
    assert_eq!(buf[bar].bg, Color::Blue, "list focused: a bright bar");
    assert_ne!(buf[line].fg, Color::Blue);
    app.update(Action::Open);
    let terminal = draw(&app, &theme, 120, 40);
    let buf = terminal.backend().buffer();
    assert_eq!(buf[bar].bg, Color::DarkGray, "reader focused: the bar dims");
    assert_eq!(
        buf[line].fg,
        Color::Blue,
        "and the line beside the reader lights"
    );
}
