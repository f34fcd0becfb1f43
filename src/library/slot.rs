//! One place's article as [`Lazy`](super::Lazy) keeps it: read once when it could be read;
//! when it could not, the stand-in that says why is lent out and the next ask reads again.
//!
//! A stand-in used to be kept as the answer like an article, so rows drawn while the index
//! could not be read (or an article opened meanwhile) went on saying so after the index
//! was rebuilt or readable again, until a restart. The slot lends out references from
//! behind a shared collection (`&self`), so what it lent cannot be dropped while it may
//! still be in use: a failure is added after those before it, once for each different
//! failure (a read that fails again the same way lends out the stand-in it has), and the
//! article read at last comes after them and is kept.

use std::sync::OnceLock;

use crate::article::Article;

/// An article, or the stand-ins lent out while it could not be read and then the article.
#[derive(Default)]
pub struct Slot(OnceLock<Box<Node>>);

struct Node {
    article: Article,
    /// What was read after this stand-in (nothing after an article read).
    next: Slot,
}

impl Slot {
    /// The article, read with `read` when there is none yet or what there is stands in for
    /// one that could not be read ([`Article::is_stand_in`]).
    pub fn get(&self, read: impl Fn() -> Article) -> &Article {
        let mut slot = self;
        let mut stand_ins: Vec<&Article> = Vec::new();
        loop {
            let Some(node) = slot.0.get() else {
                let article = read();
                // A failure already lent out is lent out again rather than added.
                if let Some(same) = stand_ins.iter().copied().find(|s| **s == article) {
                    return same;
                }
                // Another thread may have filled the slot meanwhile: its answer is as good.
                return &slot.0.get_or_init(|| Box::new(Node::new(article))).article;
            };
            if !node.article.is_stand_in() {
                return &node.article;
            }
            stand_ins.push(&node.article);
            slot = &node.next;
        }
    }

    /// Whether the article was asked for (read, or tried and lent out as a stand-in).
    pub fn asked(&self) -> bool {
        self.0.get().is_some()
    }
}

impl Node {
    fn new(article: Article) -> Node {
        Node {
            article,
            next: Slot::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn stand_in(why: &str) -> Article {
        Article {
            title: why.into(),
            paragraphs: vec![why.into()],
            ..Article::default()
        }
    }

    fn article() -> Article {
        Article {
            id: "1".into(),
            title: "标题".into(),
            ..Article::default()
        }
    }

    #[test]
    fn a_stand_in_is_read_again_and_the_article_kept() {
        let slot = Slot::default();
        let reads = Cell::new(0);
        let failing = || {
            reads.set(reads.get() + 1);
            stand_in("坏了")
        };
        assert!(!slot.asked());
        let first: *const Article = slot.get(failing);
        assert!(slot.asked());
        // Failing the same way, the same stand-in is lent out: nothing is added.
        let again: *const Article = slot.get(failing);
        assert_eq!((first, reads.get()), (again, 2));
        // Another failure is lent out in its turn, and the first is found again.
        assert_eq!(slot.get(|| stand_in("又坏了")).title, "又坏了");
        assert!(std::ptr::eq(slot.get(failing), first));
        // Read at last, the article is kept: no more reads.
        assert_eq!(slot.get(article).title, "标题");
        assert_eq!(slot.get(|| unreachable!()).id, "1");
    }

    #[test]
    fn an_article_read_at_once_is_read_once() {
        let slot = Slot::default();
        assert_eq!(slot.get(article).id, "1");
        assert_eq!(slot.get(|| unreachable!()).id, "1");
    }
}
