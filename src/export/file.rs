//! A report written from the reader (issue 14): the list as shown, in Markdown, to a new
//! file `kanbao-<date>.md` in a folder (the current one), or `kanbao-<date>-2.md`, `-3`…
//! when that name is taken. The file is created with `create_new`, so an existing file,
//! kanbao's or not, is never written over, even by a file that appears meanwhile.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::i18n::Lang;
use crate::layout::sanitize_lines;

use super::{Marks, Report, render_markdown, text, today};

/// How many names are tried (`kanbao-<date>.md`, then `-2` … up to this) before giving up.
pub const MAX_TRIES: usize = 999;

/// The list the reader shows, to be written as a report.
pub struct ListReport<'a> {
    /// The articles, in the list's order.
    pub articles: &'a [&'a Article],
    /// The reading state (notes and tags are included).
    pub marks: Option<Marks<'a>>,
    /// What narrows the list, in words, for the title ([`super::title::Chosen::words`]).
    pub selection: Vec<String>,
    /// The data's name.
    pub data: String,
    /// The interface language.
    pub lang: Lang,
}

/// Writes `list` to a new file in `dir` and returns its path.
///
/// # Errors
/// The folder cannot be written (read-only, missing), or every name is taken.
pub fn write_list(dir: &Path, list: &ListReport<'_>) -> Result<PathBuf, (PathBuf, io::Error)> {
    let report = Report {
        title: text::default_title(list.lang, &list.selection),
        date: today(),
        data: list.data.clone(),
        lang: list.lang,
        notes: true,
    };
    let rendered = sanitize_lines(&render_markdown(list.articles, list.marks, &report));
    let stem = format!("kanbao-{}", report.date);
    let (path, mut file) = create_new(dir, &stem, "md")?;
    file.write_all(rendered.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| (path.clone(), e))?;
    Ok(path)
}

/// Creates `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… the first name no file has.
///
/// # Errors
/// Anything but a taken name, or every name up to [`MAX_TRIES`] taken.
pub fn create_new(
    dir: &Path,
    stem: &str,
    ext: &str,
) -> Result<(PathBuf, std::fs::File), (PathBuf, io::Error)> {
    let mut path = dir.join(format!("{stem}.{ext}"));
    for n in 1..=MAX_TRIES {
        if n > 1 {
            path = dir.join(format!("{stem}-{n}.{ext}"));
        }
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err((path, e)),
        }
    }
    Err((path, io::Error::from(io::ErrorKind::AlreadyExists)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.md"), "mine").unwrap();
        std::fs::write(dir.path().join("r-2.md"), "mine too").unwrap();
        let (path, _) = create_new(dir.path(), "r", "md").unwrap();
        assert_eq!(path, dir.path().join("r-3.md"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("r.md")).unwrap(),
            "mine"
        );
        let gone = dir.path().join("missing");
        let (at, e) = create_new(&gone, "r", "md").unwrap_err();
        assert_eq!(at, gone.join("r.md"));
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
    }
}
