//! Pagination of laid-out lines: the reader's 第 X/Y 页 and page turns.

/// The pages of `line_count` lines shown `height` lines at a time.
///
/// A height of 0 is treated as 1, and there is always at least one page, even with no lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pages {
    line_count: usize,
    height: usize,
}

impl Pages {
    /// Pages of `line_count` lines, `height` lines each.
    pub fn new(line_count: usize, height: usize) -> Self {
        Self {
            line_count,
            height: height.max(1),
        }
    }

    /// How many pages there are (at least 1).
    pub fn count(&self) -> usize {
        self.line_count.div_ceil(self.height).max(1)
    }

    /// The page (from 0) holding `line`; a line past the end gives the last page.
    pub fn page_of(&self, line: usize) -> usize {
        (line / self.height).min(self.count() - 1)
    }

    /// The first line of `page` (from 0); a page past the end gives the last page's.
    pub fn first_line(&self, page: usize) -> usize {
        page.min(self.count() - 1) * self.height
    }

    /// The lines of `page`, clamped to the lines that exist (empty when there are none).
    pub fn lines_of(&self, page: usize) -> std::ops::Range<usize> {
        let first = self.first_line(page).min(self.line_count);
        first..(first + self.height).min(self.line_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_lines_is_still_one_page() {
        let p = Pages::new(0, 10);
        assert_eq!((p.count(), p.page_of(0), p.first_line(3)), (1, 0, 0));
        assert_eq!(p.lines_of(0), 0..0);
    }

    #[test]
    fn zero_height_does_not_divide_by_zero() {
        let p = Pages::new(5, 0);
        assert_eq!((p.count(), p.page_of(4), p.first_line(2)), (5, 4, 2));
    }

    #[test]
    fn last_page_may_be_short() {
        let p = Pages::new(25, 10);
        assert_eq!(p.count(), 3);
        assert_eq!(p.page_of(20), 2);
        assert_eq!(p.page_of(99), 2);
        assert_eq!(p.first_line(2), 20);
        assert_eq!(p.lines_of(2), 20..25);
    }
}
