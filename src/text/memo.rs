//! What words showed, remembered per thread ([`WordMemo`]).

use std::cell::RefCell;

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use thread_local::ThreadLocal;

/// The most words a [`WordMemo`] keeps per thread: past them it starts again empty, so that its
/// memory stays bounded (a megabyte or two) whatever the text, while a few tens of thousands of
/// distinct words cover most of the words of any long news text.
const MEMO_WORDS: usize = 1 << 15;

/// What each word looked at on a thread showed (a list of `T`: lexicon entries, name anchors),
/// found once per word and thread: a document repeats its words, and its index and its beads'
/// scores read the same words, so finding one again is a single hash look-up where reading it
/// strips clitics, tries stems or reads a name.
pub(crate) struct WordMemo<T: Send> {
    threads: ThreadLocal<RefCell<Words<T>>>,
}

impl<T: Send> WordMemo<T> {
    /// An empty memo.
    pub(crate) const fn new() -> WordMemo<T> {
        WordMemo { threads: ThreadLocal::new() }
    }

    /// Calls `with` with this thread's words; with empty ones when this thread is inside a call of
    /// `with` already (only a call made from inside it finds its words in use).
    pub(crate) fn with<R>(&self, with: impl FnOnce(&mut Words<T>) -> R) -> R {
        match self.threads.get_or(|| RefCell::new(Words::default())).try_borrow_mut() {
            Ok(mut words) => with(&mut words),
            Err(_) => with(&mut Words::default()),
        }
    }
}

/// The words of one thread's [`WordMemo`].
pub(crate) struct Words<T> {
    /// Each word seen, with the range of `found` that holds what it showed.
    words: FxHashMap<CompactString, (u32, u32)>,
    found: Vec<T>,
}

impl<T> Default for Words<T> {
    fn default() -> Words<T> {
        Words { words: FxHashMap::default(), found: Vec::new() }
    }
}

impl<T> Words<T> {
    /// What `word` showed, found by `look` (which appends it to the vector it is given) the first
    /// time the word is seen.
    pub(crate) fn of(&mut self, word: &str, look: impl FnOnce(&mut Vec<T>)) -> &[T] {
        let (from, to) = match self.words.get(word) {
            Some(&range) => range,
            None => {
                if self.words.len() >= MEMO_WORDS {
                    self.words.clear();
                    self.found.clear();
                }
                let from = self.found.len() as u32;
                look(&mut self.found);
                let range = (from, self.found.len() as u32);
                self.words.insert(word.into(), range);
                range
            }
        };
        &self.found[from as usize..to as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_looked_at_once_per_thread() {
        static MEMO: WordMemo<usize> = WordMemo::new();
        let mut looks = 0;
        for _ in 0..3 {
            let shown = MEMO.with(|words| {
                words
                    .of("word", |found| {
                        looks += 1;
                        found.extend([1, 2]);
                    })
                    .to_vec()
            });
            assert_eq!(shown, [1, 2]);
        }
        assert_eq!(looks, 1);
        // Inside a call, the thread's words are in use: the inner call looks afresh.
        let inner = MEMO.with(|_| MEMO.with(|words| words.of("word", |found| found.push(7)).to_vec()));
        assert_eq!(inner, [7]);
    }

    #[test]
    fn a_full_memo_starts_again() {
        let mut words = Words::default();
        for k in 0..=MEMO_WORDS {
            words.of(&k.to_string(), |found| found.push(k));
        }
        assert_eq!(words.words.len(), 1);
        assert_eq!(words.of(&MEMO_WORDS.to_string(), |_| unreachable!()), [MEMO_WORDS]);
    }
}
