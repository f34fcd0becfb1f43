//! The loop: draw, then block until the next event. No ticks: while nothing is pending
//! kanbao uses no CPU. Only while reading state waits to be saved does it wake, once,
//! after `SAVE_DELAY` without input.

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event;

use crate::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::view;

/// How long the state waits for quiet before it is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

/// Runs until the app wants to quit; saves the state on the way out.
pub fn run(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(crate::action::Action::Resize(size.width, size.height));
    let mut redraw = true;
    while !app.should_quit() {
        if redraw {
            terminal.draw(|frame| view::render(app, theme, frame))?;
            redraw = false;
        }
        if app.has_unsaved() && !event::poll(SAVE_DELAY)? {
            app.save();
            redraw = app.status().is_some();
            continue;
        }
        let event = event::read()?;
        if let Some(action) = keymap::action_for(app.context(), &event) {
            app.update(action);
            redraw = true;
        }
    }
    app.save();
    Ok(())
}
