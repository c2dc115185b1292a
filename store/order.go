package store

import (
	"cmp"
	"slices"
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// The store's order of versions is the order of their documents' dates,
// and for one date the order they were imported in: a règlement arbitral
// of 2023 imported after the convention of 2024 (history back-filled) is
// the older of the two. Every "newest" (HEAD, --at and --base by
// default, the versions listing, the TUI's first pair) and every "earlier"
// (log's order, blame's credit) is read in it; the index keeps its
// versions so.

// compareVersions orders two versions by date, then by import order.
func compareVersions(a, b *Version) int {
	return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.Seq, b.Seq))
}

// sortVersions puts ix.Versions in the store's order. It is called before
// anything is kept in positions of the slice (unread, pending, the maps).
func sortVersions(vs []Version) {
	slices.SortStableFunc(vs, func(a, b Version) int { return compareVersions(&a, &b) })
}

// insertVersion puts v in its place in the store's order, keeping the
// index's per-version records (unread trees, encoded changes) with their
// versions, and returns its position.
func (ix *index) insertVersion(v Version) int {
	at, _ := slices.BinarySearchFunc(ix.Versions, v, func(e, t Version) int { return compareVersions(&e, &t) })
	ix.Versions = slices.Insert(ix.Versions, at, v)
	if at < len(ix.unread) {
		ix.unread = slices.Insert(ix.unread, at, "")
	}
	if at < len(ix.pending) {
		ix.pending = slices.Insert(ix.pending, at, pendingChanges{})
	}
	ix.init()
	return at
}

// nextSeq is the import order of the next version: past every version's,
// whatever their dates.
func (ix *index) nextSeq() int {
	seq := 0
	for _, v := range ix.Versions {
		seq = max(seq, v.Seq)
	}
	return seq + 1
}

// newestBy is the newest version dated no later than date: what a version
// of that date answers unless told otherwise. -1 when every version is
// dated later.
func (ix *index) newestBy(date string) int {
	i, _ := slices.BinarySearchFunc(ix.Versions, date, func(e Version, d string) int {
		if e.Date <= d {
			return -1
		}
		return 1
	})
	return i - 1
}

// lineParent is the version that version i follows on its line: the one
// it answers (Version.Base: its parent, or the version back-filled before
// it); -1 for none.
func (ix *index) lineParent(i int) int {
	if p, ok := ix.byLabel[ix.Versions[i].Base]; ok {
		return p
	}
	return -1
}

// line is version i and the versions it follows (lineParent), i first.
func (ix *index) line(i int) []int {
	out := []int{i}
	seen := map[int]bool{i: true}
	for p := ix.lineParent(i); p >= 0 && !seen[p]; p = ix.lineParent(p) {
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// lineChanges are version i's changes against the version it follows on
// its line: its changes.json, and what it dropped of a version
// back-filled before it (droppedAfterBackfill).
func (ix *index) lineChanges(i int) []ChangeEntry {
	ix.decode(i)
	out := make([]ChangeEntry, 0, len(ix.Versions[i].Changes))
	for _, d := range ix.Versions[i].Changes {
		out = append(out, d.ChangeEntry)
	}
	return append(out, ix.droppedAfterBackfill(i)...)
}

// droppedAfterBackfill is what version i, imported with no parent, left
// out of the version back-filled before it (lineParent), each as
// changes.json records a removal: i's changes.json, written against
// nothing, cannot say it removed them, while its line says it did (a
// proposal dropping an article of the règlement arbitral imported after
// it). Both versions answer none, so their changes list every clause
// they hold.
func (ix *index) droppedAfterBackfill(i int) []ChangeEntry {
	if ix.Versions[i].Parent != "" {
		return nil
	}
	p := ix.lineParent(i)
	if p < 0 {
		return nil
	}
	ix.decode(i)
	ix.decode(p)
	held := make(map[string]bool, len(ix.Versions[i].Changes))
	for _, d := range ix.Versions[i].Changes {
		held[d.ID] = !d.Gone
	}
	var out []ChangeEntry
	for _, d := range ix.Versions[p].Changes {
		if d.Gone || held[d.ID] {
			continue
		}
		e := ChangeEntry{ID: d.ID, Change: clause.Removed, Number: d.Number, Gone: true}
		if len(d.Others) == 1 && held[d.Others[0]] {
			// Merged into the clause its back-filled import names.
			e.Change, e.Others = clause.Merged, d.Others
		}
		out = append(out, e)
	}
	return out
}

// acrossBackfill rewrites change ch of version i, imported with no parent,
// as a split or merge against the version back-filled before it, where
// that version's changes.json says so (see ChangeEntry.Others): ch, as
// changes.json records it, says the clause was added, while i split it
// off a clause of the back-filled text, or merged such clauses into it.
// Other changes are returned as they are.
func (ix *index) acrossBackfill(i int, ch ChangeEntry) ChangeEntry {
	if ix.Versions[i].Parent != "" || ch.Change != clause.Added || ch.Gone {
		return ch
	}
	p := ix.lineParent(i)
	if p < 0 {
		return ch
	}
	ix.decode(p)
	var merged []string
	before := "" // ch's number in p, when p holds it
	for _, d := range ix.Versions[p].Changes {
		if d.ID == ch.ID {
			before = d.Number
		}
		switch {
		case len(d.Others) == 0:
		case d.ID == ch.ID: // split into ch and d.Others
			ch.Change, ch.Others = clause.Split, d.Others
		case !slices.Contains(d.Others, ch.ID):
		case ix.names(i, d.ID): // a part split off d
			ch.Change, ch.Others = clause.Split, []string{d.ID}
		default: // d merged into ch
			merged = append(merged, d.ID)
		}
	}
	if len(merged) > 0 {
		ch.Change, ch.Others = clause.Merged, merged
	}
	if ch.Change != clause.Added && before != "" {
		ch.Renumbered = clause.NormalizeNumber(before) != clause.NormalizeNumber(ch.Number)
	}
	return ch
}

// afterBackfill rewrites the change of a clause in version i, a version
// imported with no parent that a back-filled version precedes, as against
// that version: changes.json says every clause was added, while the log
// must say what the version did to the text before it. keep is false
// when it left the clause as it was.
func (s *Store) afterBackfill(ix *index, i int, ch *ChangeEntry) (keep bool, err error) {
	v := &ix.Versions[i]
	if v.Parent != "" || ch.Change != clause.Added || ch.Gone {
		return true, nil
	}
	for _, p := range ix.line(i)[1:] {
		if !ix.names(p, ch.ID) {
			continue
		}
		ix.decode(p)
		ix.decode(i)
		if err := s.readTrees(ix, &ix.Versions[p], v); err != nil {
			return false, err
		}
		before := ix.Versions[p].Changes[slices.IndexFunc(ix.Versions[p].Changes, func(d Delta) bool { return d.ID == ch.ID })]
		if before.Gone {
			return true, nil // put back: added again
		}
		now := v.Changes[slices.IndexFunc(v.Changes, func(d Delta) bool { return d.ID == ch.ID })]
		ch.Renumbered = clause.NormalizeNumber(before.Number) != clause.NormalizeNumber(ch.Number)
		if ch.Change, err = s.verdict(&ix.Versions[p], v, &before, &now); err != nil {
			return false, err
		}
		return ch.Change != clause.Unchanged || ch.Renumbered, nil
	}
	return true, nil
}

// DefaultBase is the version that a version dated date answers when no
// --base is given: the newest version dated no later (newestBy); nil when
// every version is dated later, or there is none.
func (s *Store) DefaultBase(date string) (*Version, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return nil, err
	}
	i := ix.newestBy(date)
	if i < 0 {
		return nil, nil
	}
	ix.decode(i)
	return &ix.Versions[i], nil
}
