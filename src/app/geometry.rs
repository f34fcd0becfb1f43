//! Where each part of the screen goes, in plain numbers. The app pages and scrolls by it,
//! and the views draw into it, so the two can never disagree.

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// True when the cell at (`x`, `y`) lies inside.
    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x
            && y >= self.y
            && u32::from(x) < u32::from(self.x) + u32::from(self.width)
            && u32::from(y) < u32::from(self.y) + u32::from(self.height)
    }

    /// True when the area has no cells.
    pub fn is_empty(&self) -> bool {
        self.width == 0 || self.height == 0
    }
}

/// From this many columns, list and reader are shown side by side.
pub const SIDE_BY_SIDE_MIN: u16 = 100;
/// The widest text column of the reader (about 40 Chinese characters).
pub const MAX_MEASURE: u16 = 80;
/// The narrowest the help box gets (when the screen has room): it is wider when its longest
/// line needs more.
pub const HELP_WIDTH: u16 = 56;
/// Rows each article takes in the list.
pub const ROWS_PER_ITEM: u16 = 2;

/// The screen's parts for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The whole terminal.
    pub screen: Area,
    /// Banner, filters, count.
    pub header: Area,
    /// The article list (empty when hidden).
    pub list: Area,
    /// The column between list and reader (empty unless side by side).
    pub separator: Area,
    /// The reader pane (empty when hidden).
    pub reader: Area,
    /// The text column inside the reader pane.
    pub text: Area,
    /// Position, page, match, hints; the prompt replaces it.
    pub status: Area,
    /// True when list and reader share the screen.
    pub side_by_side: bool,
}

impl Geometry {
    /// Splits a `width`×`height` terminal; `reader_shown` picks the pane when only one fits.
    pub fn new(width: u16, height: u16, reader_shown: bool) -> Geometry {
        let screen = Area {
            x: 0,
            y: 0,
            width,
            height,
        };
        let header_h = u16::from(height >= 3);
        let status_h = u16::from(height >= 2);
        let body_h = height.saturating_sub(header_h + status_h);
        let header = Area {
            height: header_h,
            ..screen
        };
        let status = Area {
            y: height.saturating_sub(status_h),
            height: status_h,
            ..screen
        };
        let body = Area {
            y: header_h,
            height: body_h,
            ..screen
        };
        let side_by_side = width >= SIDE_BY_SIDE_MIN;
        let (list, separator, reader) = if side_by_side {
            let list_w = (width / 3).clamp(32, 50);
            let list = Area {
                width: list_w,
                ..body
            };
            let separator = Area {
                x: list_w,
                width: 1,
                ..body
            };
            let reader = Area {
                x: list_w + 1,
                width: width.saturating_sub(list_w + 1),
                ..body
            };
            (list, separator, reader)
        } else if reader_shown {
            (Area::default(), Area::default(), body)
        } else {
            (body, Area::default(), Area::default())
        };
        Geometry {
            screen,
            header,
            list,
            separator,
            reader,
            text: text_column(reader),
            status,
            side_by_side,
        }
    }

    /// How many articles fit in the list at once (at least 1).
    pub fn list_items(&self) -> usize {
        usize::from((self.list.height / ROWS_PER_ITEM).max(1))
    }
}

/// A box drawn over the panes (the help, the district picker), centred on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overlay {
    /// The whole box, frame included; cleared before the box is drawn. A click or the wheel
    /// outside it leaves the box open and does nothing (it is modal).
    pub outer: Area,
    /// Inside the frame: where the box's text goes. The same as `outer` when the box is too
    /// small for a frame.
    pub inner: Area,
    /// True when the box has a frame (at least 4 columns and 3 rows).
    pub framed: bool,
}

/// A box of rows over the panes (the note editor, the tag picker): a title row and a footer
/// row when there are three rows inside, a footer when two, the body always.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panel {
    /// The box.
    pub overlay: Overlay,
    /// The title row, when there is room.
    pub title: Option<Area>,
    /// The rows between title and footer.
    pub body: Area,
    /// The footer row (hints, a question, a message), when there is room.
    pub footer: Option<Area>,
}

impl Panel {
    /// A panel at most `most_width`×`most_height`, centred on `screen`, leaving the header
    /// and status bar (and two columns each side) in view when the screen has room.
    pub fn centred(screen: Area, most_width: u16, most_height: u16) -> Panel {
        let width = if screen.width >= 24 {
            (screen.width - 4).min(most_width)
        } else {
            screen.width
        };
        let height = if screen.height >= 8 {
            (screen.height - 2).min(most_height)
        } else {
            screen.height
        };
        let overlay = Overlay::centred(screen, width, height);
        let inner = overlay.inner;
        let row = |y: u16| Area {
            y,
            height: 1,
            ..inner
        };
        let title = (inner.height >= 3).then(|| row(inner.y));
        let footer = (inner.height >= 2).then(|| row(inner.y + inner.height - 1));
        let above = u16::from(title.is_some());
        let body = Area {
            y: inner.y + above,
            height: inner.height - above - u16::from(footer.is_some()),
            ..inner
        };
        Panel {
            overlay,
            title,
            body,
            footer,
        }
    }
}

impl Overlay {
    /// A box of `width`×`height` (at most the screen) centred on `screen`.
    pub fn centred(screen: Area, width: u16, height: u16) -> Overlay {
        let width = width.min(screen.width);
        let height = height.min(screen.height);
        let outer = Area {
            x: screen.x + (screen.width - width) / 2,
            y: screen.y + (screen.height - height) / 2,
            width,
            height,
        };
        let framed = width >= 4 && height >= 3;
        let inner = if framed {
            Area {
                x: outer.x + 1,
                y: outer.y + 1,
                width: width - 2,
                height: height - 2,
            }
        } else {
            outer
        };
        Overlay {
            outer,
            inner,
            framed,
        }
    }
}

/// The reader's text column: at most `MAX_MEASURE` wide, a margin of one column each side
/// when there is room, centred.
fn text_column(pane: Area) -> Area {
    let mut width = pane.width.saturating_sub(2).min(MAX_MEASURE);
    if width == 0 {
        width = pane.width;
    }
    Area {
        x: pane.x + (pane.width - width) / 2,
        width,
        ..pane
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_column_is_centred_and_at_most_80_wide() {
        let g = Geometry::new(200, 40, true);
        assert!(g.side_by_side);
        assert_eq!(g.text.width, MAX_MEASURE);
        let left = g.text.x - g.reader.x;
        let right = g.reader.x + g.reader.width - (g.text.x + g.text.width);
        assert!(left.abs_diff(right) <= 1);
    }

    #[test]
    fn overlays_stay_on_screen_and_frame_only_when_they_fit() {
        for w in 0..12 {
            for h in 0..8 {
                let screen = Geometry::new(w, h, false).screen;
                for (bw, bh) in [(0, 0), (3, 2), (4, 3), (20, 20), (u16::MAX, u16::MAX)] {
                    let o = Overlay::centred(screen, bw, bh);
                    assert!(o.outer.x + o.outer.width <= w && o.outer.y + o.outer.height <= h);
                    assert_eq!(o.framed, o.outer.width >= 4 && o.outer.height >= 3);
                    if o.framed {
                        assert_eq!(o.inner.width + 2, o.outer.width);
                        assert_eq!(o.inner.height + 2, o.outer.height);
                    } else {
                        assert_eq!(o.inner, o.outer);
                    }
                }
            }
        }
    }

    #[test]
    fn tiny_screens_have_no_negative_areas() {
        for w in 0..12 {
            for h in 0..8 {
                for shown in [false, true] {
                    let g = Geometry::new(w, h, shown);
                    for a in [g.header, g.list, g.reader, g.text, g.status] {
                        assert!(a.x + a.width <= w.max(a.x));
                        assert!(a.y + a.height <= h.max(a.y));
                    }
                }
            }
        }
    }
}
