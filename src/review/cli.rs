//! `kanbao note` and `kanbao tag`: read or change the note and tags of one article in the
//! reading state, which is opened for writing only when something changes.

use std::io::Write;

use super::{ReviewError, clean_note, edit_note, parse_tag_changes, text};
use crate::cli::{NoteArgs, TagArgs};
use crate::commands::Outcome;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::layout::sanitize_lines;
use crate::settings::{Settings, StatePlace};
use crate::state::{Access, SourceId, StateStore, warning_text};

/// What `kanbao note` and `kanbao tag` need of the data: its identity in the state and
/// whether it holds the article named.
pub struct Target {
    /// The data's identity in the state store.
    pub source: SourceId,
    /// Whether the data has an article with the id given.
    pub exists: bool,
}

/// `kanbao note ID [TEXT | --edit | --clear]` on the article of `target`.
///
/// # Errors
/// An unknown id, `--no-state`, a state file that cannot be read or written, an editor
/// that fails, a note too long.
pub fn note(
    out: &mut dyn Write,
    settings: &Settings,
    target: &Target,
    args: &NoteArgs,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let changes = args.edit || args.clear || args.text.is_some();
    let access = if changes {
        Access::Change
    } else {
        Access::ReadOnly
    };
    let (mut store, key) = open(settings, target, &args.id, access)?;
    let id = args.id.as_str();
    if !changes {
        return match store.note(&key, id) {
            Some(note) => {
                writeln!(out, "{}", sanitize_lines(note)).map_err(Error::stdout)?;
                Ok(Outcome::Found)
            }
            None => {
                eprintln!("kanbao: {}", text::no_note(lang, id));
                Ok(Outcome::NothingFound)
            }
        };
    }
    let old = store.note(&key, id).unwrap_or_default().to_owned();
    let new = if args.clear {
        String::new()
    } else if let Some(given) = &args.text {
        clean_note(given).map_err(Error::Review)?
    } else {
        edit_note(&old).map_err(Error::Review)?
    };
    if new == old {
        eprintln!("kanbao: {}", text::note_unchanged(lang, id));
        return Ok(Outcome::Found);
    }
    store.set_note(&key, id, &new);
    store.save().map_err(Error::State)?;
    let said = if new.is_empty() {
        text::note_cleared(lang, id)
    } else {
        text::note_saved(lang, id)
    };
    eprintln!("kanbao: {said}");
    Ok(Outcome::Found)
}

/// `kanbao tag ID [+TAG | -TAG | TAG]...`: changes the tags, then prints them, one a line.
///
/// # Errors
/// As [`note`], and a change that names no good tag.
pub fn tag(
    out: &mut dyn Write,
    settings: &Settings,
    target: &Target,
    args: &TagArgs,
) -> Result<Outcome> {
    let lang = settings.lang.value;
    let changes = parse_tag_changes(&args.changes).map_err(Error::Review)?;
    let access = if changes.is_empty() {
        Access::ReadOnly
    } else {
        Access::Change
    };
    let (mut store, key) = open(settings, target, &args.id, access)?;
    let id = args.id.as_str();
    if !changes.is_empty() {
        for (tag, on) in &changes {
            store.set_tag(&key, id, tag, *on);
        }
        store.save().map_err(Error::State)?;
    }
    let tags = store.tags(&key, id);
    if tags.is_empty() {
        eprintln!("kanbao: {}", text::no_tags(lang, id));
        return Ok(Outcome::NothingFound);
    }
    for tag in tags {
        writeln!(out, "{}", sanitize_lines(&tag)).map_err(Error::stdout)?;
    }
    Ok(Outcome::Found)
}

/// The state for changing one article's marks, with the data's key in it. Warnings go to
/// stderr. Refuses `--no-state`, an unknown id, and (for a change) a state file that cannot
/// be written or is damaged (left as it is: only the reader moves a damaged one aside).
fn open(
    settings: &Settings,
    target: &Target,
    id: &str,
    access: Access,
) -> Result<(StateStore, String)> {
    let lang: Lang = settings.lang.value;
    if !target.exists {
        return Err(Error::UnknownId(id.to_owned()));
    }
    let path = match &settings.state.value {
        StatePlace::Off => return Err(Error::Review(ReviewError::NoState(settings.state_off()))),
        StatePlace::File(path) => Some(path.clone()),
        StatePlace::Default => None,
    };
    let (mut store, warnings) = StateStore::open_with(path, access).map_err(Error::State)?;
    for warning in &warnings {
        eprintln!("kanbao: {}", sanitize_lines(&warning_text(warning, lang)));
    }
    if access == Access::Change && !store.saves() {
        return Err(Error::Review(ReviewError::StateReadOnly));
    }
    let key = store.resolve_source(&target.source);
    Ok((store, key))
}
