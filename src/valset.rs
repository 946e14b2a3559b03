//! `ValSet`: the set of abstract values the analysis keeps for every name, attribute, element and
//! result.
//!
//! Almost every such set holds one value, a few hold several, none more than a few dozen (the
//! analysis caps them). A sorted `Vec` fits that: a one-value set is one small allocation
//! (a `BTreeSet` node is ten times larger), membership is a binary search, and iteration is in
//! order, so everything derived from a set is deterministic.

use std::fmt;

/// A set of `T`, kept sorted and without duplicates.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SortedSet<T>(Vec<T>);

impl<T: Ord> SortedSet<T> {
    pub const fn new() -> Self {
        SortedSet(Vec::new())
    }

    /// Adds `v`; whether it was not there yet.
    pub fn insert(&mut self, v: T) -> bool {
        match self.0.binary_search(&v) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, v);
                true
            }
        }
    }

    pub fn contains(&self, v: &T) -> bool {
        self.0.binary_search(v).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The smallest value.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: Ord> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet::new()
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for v in items {
            self.insert(v);
        }
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut v: Vec<T> = items.into_iter().collect();
        v.sort();
        v.dedup();
        SortedSet(v)
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::SortedSet;

    #[test]
    fn keeps_values_sorted_and_unique() {
        let mut s = SortedSet::new();
        assert!(s.insert(3));
        assert!(s.insert(1));
        assert!(!s.insert(3));
        s.extend([2, 1, 5]);
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), vec![1, 2, 3, 5]);
        assert!(s.contains(&2) && !s.contains(&4));
        assert_eq!(s.first(), Some(&1));
        let t: SortedSet<i32> = [5, 3, 5, 1, 2].into_iter().collect();
        assert_eq!(s, t);
    }
}
