//! Articles read from their data files by byte range: whole (parsed as the loader keeps
//! them) or handed as JSON text to a caller's maker, on all cores.

use std::fs::File;

use super::{Archive, Unread, engine};
use crate::article::Article;

impl Archive {
    /// The article whose JSON is at byte range `(off, len)` of file `fi` (`handle` keeps
    /// the last file open).
    pub(super) fn read_range(
        &self,
        fi: usize,
        (off, len): (u64, u64),
        handle: &mut Option<(u32, File)>,
    ) -> Result<Article, Unread> {
        let mut buf = Vec::new();
        let text = self.read_text(fi, (off, len), handle, &mut buf)?;
        self.parse_article(fi, off, text)
    }

    /// The JSON text at byte range `(off, len)` of file `fi`, read into `buf` (`handle`
    /// keeps the last file open).
    fn read_text<'b>(
        &self,
        fi: usize,
        (off, len): (u64, u64),
        handle: &mut Option<(u32, File)>,
        buf: &'b mut Vec<u8>,
    ) -> Result<&'b str, String> {
        let file = &self.files[fi];
        let named = |e: std::io::Error| format!("{}: {e}", file.path.display());
        let fi = fi as u32;
        if handle.as_ref().is_none_or(|h| h.0 != fi) {
            *handle = Some((fi, File::open(&file.path).map_err(named)?));
        }
        let Some((_, data)) = handle.as_mut() else {
            return Err("no file".into());
        };
        if off.saturating_add(len) > file.meta.fingerprint.size {
            return Err("article beyond the end of its file".into());
        }
        buf.clear();
        buf.resize(usize::try_from(len).map_err(engine)?, 0);
        read_at(data, off, buf).map_err(named)?;
        // Checked whole by simdutf8 (CJK ~10x faster than serde_json's check of each string).
        simdutf8::basic::from_utf8(buf)
            .map_err(|_| format!("{}: not UTF-8 at byte {off}", file.path.display()))
    }

    /// The article whose JSON `text` was read from byte `off` of file `fi`, as the loader
    /// keeps it; JSON that is not an article is [`Unread::Changed`] (see
    /// [`Archive::changed_since_indexed`]).
    fn parse_article(&self, fi: usize, off: u64, text: &str) -> Result<Article, Unread> {
        let file = &self.files[fi];
        let mut article: Article = serde_json::from_str(text)
            .map_err(|e| Unread::Changed(self.changed_at(fi, off, text, &e)))?;
        // As the loader keeps it: a date that is not a real day is no date, and an article
        // without a newspaper's name has its page's.
        crate::load::settle_dates(std::slice::from_mut(&mut article));
        if article.source.is_none() {
            article.source.clone_from(&file.meta.page_source);
        }
        Ok(article)
    }

    /// The articles at these byte ranges of these files, in that order, read on all cores.
    pub(super) fn read_all(&self, at: &[(usize, (u64, u64))]) -> Result<Vec<Article>, Unread> {
        self.read_each(at, |i, fi, text| self.parse_article(fi, at[i].1.0, text))
    }

    /// `make` applied to the JSON text at each of these byte ranges of these files (with
    /// its place in `at` and the file's number), in that order, on all cores. A file that
    /// cannot be read is an `E` made from the reason.
    pub(super) fn read_each<T: Send, E: From<String> + Send>(
        &self,
        at: &[(usize, (u64, u64))],
        make: impl Fn(usize, usize, &str) -> Result<T, E> + Sync,
    ) -> Result<Vec<T>, E> {
        let cores = crate::cores();
        let chunk = if at.len() < 256 {
            at.len().max(1)
        } else {
            at.len().div_ceil(cores)
        };
        let make = &make;
        let parts: Vec<Result<Vec<T>, E>> = std::thread::scope(|s| {
            let handles: Vec<_> = at
                .chunks(chunk)
                .enumerate()
                .map(|(k, part)| {
                    let base = k * chunk;
                    s.spawn(move || {
                        // Read in file and byte order (each file opened once, read
                        // forwards), handed back in the order asked.
                        let mut order: Vec<usize> = (0..part.len()).collect();
                        order.sort_unstable_by_key(|&i| part[i]);
                        let mut made: Vec<Option<T>> = (0..part.len()).map(|_| None).collect();
                        let (mut handle, mut buf) = (None, Vec::new());
                        for i in order {
                            let (fi, range) = part[i];
                            let text = self.read_text(fi, range, &mut handle, &mut buf)?;
                            made[i] = Some(make(base + i, fi, text)?);
                        }
                        Ok(made.into_iter().flatten().collect())
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(E::from("a reader thread failed".into())))
                })
                .collect()
        });
        let mut out = Vec::with_capacity(at.len());
        for part in parts {
            out.extend(part?);
        }
        Ok(out)
    }
}

/// Fills `buf` from byte `off` of `file`.
#[cfg(unix)]
fn read_at(file: &mut File, off: u64, buf: &mut [u8]) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, off)
}

/// Fills `buf` from byte `off` of `file`.
#[cfg(not(unix))]
fn read_at(file: &mut File, off: u64, buf: &mut [u8]) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(off))?;
    file.read_exact(buf)
}
