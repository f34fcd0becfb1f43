//! `kanbao import`: one page to standard output or a file, or several pages into a folder,
//! one file per page named from its day and page (`2024-03-08-p3.json`), replacing only
//! kanbao's own import of that same page.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::ImportError;
use super::{ImportOptions, Imported, import_page};
use crate::cli::ImportArgs;
use crate::commands::Outcome;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::load::{self, Document};

/// One page read and imported.
struct Page {
    path: PathBuf,
    imported: Imported,
}

/// `kanbao import`: reads each page, writes schema-1 JSON, reports what it could not place.
pub fn run(out: &mut dyn Write, args: &ImportArgs) -> Result<Outcome> {
    let date = match &args.date {
        Some(v) => Some(
            Date::read(v).ok_or_else(|| Error::Import(ImportError::BadDateOption(v.clone())))?,
        ),
        None => None,
    };
    let options = ImportOptions {
        id_prefix: args.id_prefix.clone(),
        date,
        page: args.page,
    };
    let folder = match &args.output {
        Some(o) if args.pages.len() > 1 || o.is_dir() || ends_with_separator(o) => Some(o),
        None if args.pages.len() > 1 => {
            return Err(Error::Import(ImportError::SeveralNeedFolder(
                args.pages.len(),
            )));
        }
        _ => None,
    };
    let mut pages = Vec::with_capacity(args.pages.len());
    for path in &args.pages {
        pages.push(read(path, &options)?);
    }
    match folder {
        Some(folder) => into_folder(folder, &pages, args),
        None => {
            let page = &pages[0];
            // A page with no article writes nothing: an empty document is refused by
            // `check` and `--data`, and would replace a good file.
            if page.imported.articles.is_empty() {
                return Err(problems(page).remove(0));
            }
            let json = document(page, args)?;
            match &args.output {
                Some(path) => write_whole(path, json.as_bytes())?,
                None => out.write_all(json.as_bytes()).map_err(Error::stdout)?,
            }
            match problems(page).into_iter().next() {
                Some(e) => Err(e),
                None => Ok(Outcome::Found),
            }
        }
    }
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file beside it, renamed
/// over it once written, so that a failure (a full disk, an interruption) never leaves a
/// partial file. A symbolic link is written through, as a plain write would; a file
/// replaced keeps its permissions.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    let target = match is_link {
        true => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kanbao-import-").suffix(".tmp");
    // As a plain write creates it: readable by all, less what the umask takes away.
    #[cfg(unix)]
    let mode = <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666);
    #[cfg(unix)]
    builder.permissions(mode);
    let mut temp = builder.tempfile_in(dir).map_err(io)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io)?;
    temp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

fn ends_with_separator(path: &Path) -> bool {
    path.as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
}

/// Reads and imports one page; a masthead day that does not exist is an error here.
fn read(path: &Path, options: &ImportOptions) -> Result<Page> {
    // Capped: a device or an endless pipe is refused at the limit, not read for ever.
    let bytes =
        load::read_capped(path, load::MAX_PAGE_BYTES)?.ok_or_else(|| Error::PageTooLarge {
            path: path.to_path_buf(),
            limit: load::MAX_PAGE_BYTES,
        })?;
    let text = load::utf8(&bytes, path)?;
    let imported = import_page(text, options);
    if let Some((line, bad)) = &imported.bad_day {
        return Err(Error::Import(ImportError::BadMastheadDay {
            page: path.to_path_buf(),
            line: *line,
            column: bad.column,
            day: bad.text.clone(),
        }));
    }
    Ok(Page {
        path: path.to_path_buf(),
        imported,
    })
}

/// The page as a schema-1 document.
fn document(page: &Page, args: &ImportArgs) -> Result<String> {
    let imported = &page.imported;
    let source = args
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .or(imported.paper.as_deref());
    let doc = Document {
        schema: load::SCHEMA,
        masthead: (!imported.masthead.is_empty()).then(|| {
            let lines: Vec<&str> = imported.masthead.iter().map(|(_, l)| l.as_str()).collect();
            lines.join("\n")
        }),
        banner: imported.banner.clone(),
        source: source.map(str::to_string),
        articles: imported.articles.clone(),
    };
    // Made in memory, before anything is written: a failure is kanbao's own, not the
    // page's (it was labelled with the page's path, as if the page could not be read).
    crate::json::pretty_string(&doc).map_err(crate::error::Error::Internal)
}

/// What the user must hear about a page: no article at all (then nothing is written), or
/// blocks it could not place.
fn problems(page: &Page) -> Vec<Error> {
    let imported = &page.imported;
    let (path, blocks) = (page.path.clone(), imported.unplaced.clone());
    if imported.articles.is_empty() {
        return vec![Error::NoArticle { page: path, blocks }];
    }
    if !blocks.is_empty() {
        return vec![Error::Unplaced { page: path, blocks }];
    }
    Vec::new()
}

/// The file a page goes to in a folder: `2024-03-08-p3.json`, `2024-03-08.json` without a
/// page number.
fn file_name(imported: &Imported) -> Option<String> {
    let date = imported.date?;
    Some(match imported.page {
        Some(p) => format!("{date}-p{p}.json"),
        None => format!("{date}.json"),
    })
}

/// Writes each page into `folder`. Nothing is written when a page has no day, two pages are
/// the same page, or a file there is not kanbao's import of the same page.
fn into_folder(folder: &Path, pages: &[Page], args: &ImportArgs) -> Result<Outcome> {
    if folder.exists() && !folder.is_dir() {
        return Err(Error::Import(ImportError::NotAFolder(folder.to_path_buf())));
    }
    let mut refused = Vec::new();
    let mut seen: HashMap<String, &Path> = HashMap::new();
    let mut plan = Vec::new();
    for page in pages {
        let Some(name) = file_name(&page.imported) else {
            refused.push(Error::Import(ImportError::NoDate(page.path.clone())));
            continue;
        };
        if let Some(first) = seen.get(&name) {
            refused.push(Error::Import(ImportError::SamePage {
                first: first.to_path_buf(),
                second: page.path.clone(),
                name,
            }));
            continue;
        }
        seen.insert(name.clone(), &page.path);
        let target = folder.join(&name);
        if target.symlink_metadata().is_ok()
            && !is_our_import(&target, &page.imported, &args.id_prefix)
        {
            refused.push(Error::Import(ImportError::NotOurs(target)));
            continue;
        }
        plan.push((page, target));
    }
    if !refused.is_empty() {
        return Err(several(folder, refused));
    }
    std::fs::create_dir_all(folder).map_err(|source| Error::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut told = Vec::new();
    for (page, target) in plan {
        // A page with no article is not written: an empty file could not be told apart
        // from someone else's when the page is imported again.
        if page.imported.articles.is_empty() {
            told.extend(problems(page));
            continue;
        }
        let json = document(page, args)?;
        write_whole(&target, json.as_bytes())?;
        told.extend(problems(page));
    }
    if told.is_empty() {
        Ok(Outcome::Found)
    } else {
        Err(several(folder, told))
    }
}

fn several(folder: &Path, mut errors: Vec<Error>) -> Error {
    if errors.len() == 1 {
        return errors.remove(0);
    }
    Error::Problems {
        path: folder.to_path_buf(),
        problems: errors,
        more: 0,
    }
}

/// True when `path` is a regular file holding kanbao's import of the same day and page: a
/// schema-1 document whose articles all carry that day and page and the ids kanbao gives
/// them.
fn is_our_import(path: &Path, imported: &Imported, id_prefix: &str) -> bool {
    let Ok(meta) = path.symlink_metadata() else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let Ok(Some(bytes)) = load::read_capped(path, load::MAX_PAGE_BYTES) else {
        return false;
    };
    let Ok(doc) = serde_json::from_slice::<Document>(&bytes) else {
        return false;
    };
    let date = imported.date.map(|d| d.to_string());
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let ours = |id: &str| {
        let number = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        id.strip_prefix(stem)
            .and_then(|n| n.strip_prefix('-'))
            .is_some_and(number)
            || (!id_prefix.is_empty() && id.strip_prefix(id_prefix).is_some_and(number))
    };
    doc.schema == load::SCHEMA
        && !doc.articles.is_empty()
        && doc
            .articles
            .iter()
            .all(|a| a.date == date && a.page == imported.page && ours(&a.id))
}
