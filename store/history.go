package store

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/avenant-dev/avenant/clause"
)

// LogEntry is one version in which a clause, or a clause its text came
// from, changed. ChangeEntry.ID names the clause the entry is about.
type LogEntry struct {
	Version *Version
	ChangeEntry
	// OffLine is set when Version is not on the line of versions that
	// leads to the version the log was asked for: a sibling
	// counter-proposal, say.
	OffLine bool
	Names   LogNames
}

// ResolveClause turns a clause name into a stable id: a stable id the
// store held in any version, or a name resolved in version at (the latest
// when nil) by FindClause, whose errors it returns.
func (s *Store) ResolveClause(ref string, at *Version) (string, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return "", err
	}
	if len(ix.Versions) == 0 {
		return "", fmt.Errorf("%s: %w: the store %s holds no version yet", ref, ErrUnknownClause, s.Dir)
	}
	if at == nil {
		at = &ix.Versions[len(ix.Versions)-1]
	}
	// A stable id is looked up in the index alone: decoding the manifest
	// would cost more than the whole log. Ids are slugs with a kind
	// prefix, so they never read as a printed number.
	if ix.hasID(ref) {
		return ref, nil
	}
	e, err := s.FindClause(at, ref)
	if err != nil {
		return "", err
	}
	return e.ID, nil
}

// Log lists, in the store's order (by date), the versions in which the clause with
// stable id id changed (its addition, modifications, renumberings, moves,
// the split or merge it took part in, its removal) and follows its text
// back: a part split off another clause inherits that clause's history
// before the split, and a merged clause each absorbed source's history
// before the merge. Inherited entries carry their own clause's id. Only
// versions up to at (the latest when nil) in the store's order are read:
// the store as it stood then. Entries of versions off the line that leads
// to at are marked OffLine.
func (s *Store) Log(id string, at *Version) ([]LogEntry, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return nil, err
	}
	if at == nil && len(ix.Versions) > 0 {
		at = &ix.Versions[len(ix.Versions)-1]
	}
	line := make([]bool, len(ix.Versions)) // at and its ancestors
	// The store as it stood at at: versions after it in the store's order
	// (answers to it, later rounds) were not there to be listed.
	last := len(ix.Versions) - 1
	if at != nil {
		if i, ok := ix.byCommit[at.Commit]; ok {
			last = i
			for _, p := range ix.line(i) {
				line[p] = true
			}
		}
	}
	type item struct {
		version int
		delta   ChangeEntry
	}
	var items []item
	seen := map[[2]int]bool{} // (version, position in its changes) already listed
	var follow func(id string, before, depth int)
	// follow lists id's entries in versions before index before (all when
	// before is -1), then the entries of the clauses its text came from.
	follow = func(id string, before, depth int) {
		var ancestors []bool
		if before >= 0 {
			ancestors = make([]bool, len(ix.Versions))
			for _, p := range ix.line(before)[1:] {
				ancestors[p] = true
			}
		}
		for vi := range ix.Versions[:last+1] {
			if ancestors != nil && !ancestors[vi] {
				continue
			}
			if !ix.names(vi, id) {
				// Dropped out of the version back-filled before vi.
				for _, d := range ix.droppedAfterBackfill(vi) {
					if d.ID == id && !seen[[2]int{vi, -1}] {
						seen[[2]int{vi, -1}] = true
						items = append(items, item{vi, d})
					}
				}
				continue
			}
			ix.decode(vi)
			for k := range ix.Versions[vi].Changes {
				if ix.Versions[vi].Changes[k].ID != id || seen[[2]int{vi, k}] {
					continue
				}
				seen[[2]int{vi, k}] = true
				d := ix.acrossBackfill(vi, ix.Versions[vi].Changes[k].ChangeEntry)
				if d.Change == clause.Added {
					d.Others = nil // a back-filled version's links (linkParts), not its change
				}
				items = append(items, item{vi, d})
				if depth >= 16 || d.Gone {
					continue
				}
				switch {
				case d.Change == clause.Merged:
					for _, src := range d.Others {
						follow(src, vi, depth+1)
					}
				case d.Change == clause.Split && len(d.Others) == 1 && !slices.ContainsFunc(items, func(it item) bool {
					return it.delta.ID == id && it.version < vi
				}):
					follow(d.Others[0], vi, depth+1) // a part split off another clause
				}
			}
		}
	}
	follow(id, -1, 0)
	if len(items) == 0 {
		if err := ix.idElsewhere(id, at); last < len(ix.Versions)-1 && err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w in %s", id, ErrUnknownClause, s.Dir)
	}
	slices.SortStableFunc(items, func(a, b item) int { return a.version - b.version })
	out := make([]LogEntry, 0, len(items))
	for _, it := range items {
		e := LogEntry{Version: &ix.Versions[it.version], ChangeEntry: it.delta, OffLine: at != nil && !line[it.version]}
		if keep, err := s.afterBackfill(ix, it.version, &e.ChangeEntry); err != nil {
			return nil, err
		} else if keep {
			out = append(out, e)
		}
	}
	return out, s.nameEntries(ix, id, out)
}

// Span is a stretch of a clause's text and the version that introduced it.
type Span struct {
	Text    string
	Version *Version
	// By names the amending instruction that wrote it, for a version
	// imported from an amending text ("Article 2, 1°").
	By string
}

// Blame cuts the text of clause id as of version at (the latest when nil)
// into spans, each attributed to the version that wrote it: BlameLines,
// with the clause file's sentence lines joined back into the clause text.
func (s *Store) Blame(id string, at *Version, cosmetic bool) ([]Span, error) {
	lines, err := s.BlameLines(id, at, cosmetic)
	if err != nil {
		return nil, err
	}
	return TextSpans(lines), nil
}

// BlameLines cuts the clause file of id as of version at (the latest when
// nil: one sentence a line, see formatText) into spans, each attributed to
// the version that wrote it, by provenance. It walks at's ancestry oldest
// first; each version in which the clause changed is compared, line by
// line and then word by word within changed lines (clause.WordDiff), with
// what the clause came from: its own previous text, the clause it was split
// off, or, for a merge, every source of the merge in document order. So a
// sentence keeps its author through renumbering, moves, splits (into each
// part) and merges (from any source). A revision that Compare found
// cosmetic keeps the earlier attributions unless cosmetic is set.
func (s *Store) BlameLines(id string, at *Version, cosmetic bool) ([]Span, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return nil, err
	}
	if at == nil {
		if len(ix.Versions) == 0 {
			return nil, fmt.Errorf("%s: %w: the store %s holds no version yet", id, ErrUnknownClause, s.Dir)
		}
		at = &ix.Versions[len(ix.Versions)-1]
	}
	b := blamer{s: s, ix: ix, cosmetic: cosmetic, memo: map[[2]string][]Span{}}
	defer s.saveRead(ix)
	spans, ok, err := b.blame(id, at, 0)
	if err != nil {
		return nil, err
	}
	if !ok {
		// Named by its id, a clause gone from at is reported as a name
		// is: where it last existed on the line.
		if _, err := s.FindClause(at, id); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w in %s", id, ErrUnknownClause, at.Label)
	}
	return spans, nil
}

// blamer computes blames, remembering each (clause, version) it has
// done: the sources of a merge share their own history.
type blamer struct {
	s        *Store
	ix       *index
	cosmetic bool
	memo     map[[2]string][]Span
}

// blame returns the spans of clause id's file as of version at; false when
// the clause does not exist there.
func (b *blamer) blame(id string, at *Version, depth int) ([]Span, bool, error) {
	key := [2]string{id, at.Commit}
	if spans, ok := b.memo[key]; ok {
		return spans, spans != nil, nil
	}
	// The ancestry of at, oldest first.
	chain := []*Version{at}
	if i, ok := b.ix.byCommit[at.Commit]; ok {
		chain = chain[:0]
		for _, p := range b.ix.line(i) {
			chain = append(chain, &b.ix.Versions[p])
		}
	}
	line := make(map[string]bool, len(chain))
	for _, v := range chain {
		line[v.Commit] = true
	}
	var spans []Span
	past := newPastLines() // the lines of the earlier texts
	text := ""             // what spans cut
	seen := false
	for k := len(chain) - 1; k >= 0; k-- {
		v := chain[k]
		d := b.deltaOf(v, id)
		if d == nil || (d.Change == clause.Unchanged && seen) {
			continue
		}
		if d.Gone {
			// Its words are kept: a clause removed and later put back
			// (revivals) keeps the provenance of those it still has.
			seen = false
			continue
		}
		if err := b.s.readTrees(b.ix, v); err != nil {
			return nil, false, err
		}
		raw, err := b.s.readDeltaBlob(d)
		if err != nil {
			return nil, false, err
		}
		if k+1 < len(chain) && depth < 16 {
			if i, ok := b.ix.byCommit[v.Commit]; ok {
				linked := *d
				linked.ChangeEntry = b.ix.acrossBackfill(i, d.ChangeEntry)
				d = &linked
			}
			var sources []string
			switch {
			case d.Change == clause.Merged:
				sources = append([]string{id}, d.Others...)
			case d.Change == clause.Split && !seen && len(d.Others) == 1:
				sources = d.Others // a part split off another clause
			}
			if len(sources) > 0 {
				from, err := b.sources(id, spans, seen, sources, chain[k+1], depth)
				if err != nil {
					return nil, false, err
				}
				spans, text = from, joinSpans(from)
			}
		}
		keep, err := b.cosmeticRevision(chain, k, id, d, seen)
		if err != nil {
			return nil, false, err
		}
		seen = true
		for _, st := range d.Steps[:max(len(d.Steps)-1, 0)] {
			next := st.Text
			spans, text = carry(spans, text, next, Span{Version: v, By: st.By}, keep), next
		}
		next, by := string(raw), d.By
		if n := len(d.Steps); n > 0 {
			by = d.Steps[n-1].By
		}
		past.add(spans, text)
		spans = carry(spans, text, next, Span{Version: v, By: by}, keep)
		if !keep && len(d.Steps) == 0 {
			if spans, err = b.adopted(id, v, spans, text, next, line, depth); err != nil {
				return nil, false, err
			}
			spans = restored(spans, text, next, past, Span{Version: v, By: by})
			spans = moved(spans, next, &past, Span{Version: v, By: by})
			if d.Change == clause.Added && text == "" && k+1 < len(chain) {
				if spans, err = b.borrowed(id, v, chain[k+1], spans, next, Span{Version: v, By: by}, depth); err != nil {
					return nil, false, err
				}
			}
		}
		text = next
	}
	if !seen {
		spans = nil
	}
	b.memo[key] = spans
	return spans, seen, nil
}

// cosmeticRevision reports whether d, clause id's change in chain[k], is a
// cosmetic revision that blame passes over (unless asked not to). A
// version a back-filled one precedes recorded the clause as added, so its
// revision of the back-filled text is judged here as an import in date
// order would have recorded it: 'l'article' made 'l’article' credited the
// later version with the apostrophe when the older text came second.
func (b *blamer) cosmeticRevision(chain []*Version, k int, id string, d *Delta, seen bool) (bool, error) {
	if b.cosmetic {
		return false, nil
	}
	v := chain[k]
	if d.Change != clause.Added || !seen || v.Parent != "" || k+1 >= len(chain) {
		return d.Change == clause.Cosmetic, nil
	}
	prev := b.deltaOf(chain[k+1], id)
	if prev == nil || prev.Gone {
		return false, nil
	}
	if err := b.s.readTrees(b.ix, chain[k+1]); err != nil {
		return false, err
	}
	kind, err := b.s.verdict(chain[k+1], v, prev, d)
	return kind == clause.Cosmetic, err
}

// deltaOf is clause id's change in version v, nil when it has none: its
// changes.json's, or the removal its line says it made of a version
// back-filled before it (droppedAfterBackfill), which changes.json,
// written against nothing, cannot record.
func (b *blamer) deltaOf(v *Version, id string) *Delta {
	changes := v.Changes
	if i, ok := b.ix.byCommit[v.Commit]; ok {
		if !b.ix.names(i, id) {
			for _, ch := range b.ix.droppedAfterBackfill(i) {
				if ch.ID == id {
					return &Delta{ChangeEntry: ch}
				}
			}
			return nil
		}
		b.ix.decode(i)
		changes = b.ix.Versions[i].Changes
	}
	for i := range changes {
		if changes[i].ID == id {
			return &changes[i]
		}
	}
	return nil
}

// sources joins the blames, as of version parent, of the clauses that
// another was made from, in their document order, a blank line between
// two: the text the new clause is compared with. id's own blame, when it
// existed before, is own.
func (b *blamer) sources(id string, own []Span, seen bool, ids []string, parent *Version, depth int) ([]Span, error) {
	m, err := b.s.manifest(parent)
	if err != nil {
		return nil, err
	}
	order := make(map[string]int, len(m))
	for i, e := range m {
		order[e.ID] = i
	}
	ids = slices.Clone(ids)
	slices.SortStableFunc(ids, func(x, y string) int { return order[x] - order[y] })
	var out []Span
	for _, src := range ids {
		spans, ok := own, seen
		if src != id {
			var err error
			if spans, ok, err = b.blame(src, parent, depth+1); err != nil {
				return nil, err
			}
		}
		if !ok || len(spans) == 0 {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].Text += "\n" // a blank line between two sources
		}
		out = append(out, slices.Clone(spans)...)
	}
	return out, nil
}

// TextSpans turns spans of a clause file into spans of the clause text it
// holds (parseText): the same bytes, but for the line breaks that join
// the lines of a paragraph and the final newline.
func TextSpans(lines []Span) []Span {
	var file strings.Builder
	for _, sp := range lines {
		file.WriteString(sp.Text)
	}
	text := parseText(file.String())
	out := make([]Span, 0, len(lines))
	pos := 0
	for _, sp := range lines {
		end := min(pos+len(sp.Text), len(text))
		if end > pos {
			out = append(out, Span{Text: text[pos:end], Version: sp.Version, By: sp.By})
		}
		pos += len(sp.Text)
	}
	return out
}

func (s *Store) readDeltaBlob(d *Delta) ([]byte, error) {
	var h plumbing.Hash
	if len(d.Blob) != len(h) {
		return nil, fmt.Errorf("%s: index holds a bad blob hash %x for %s", s.Dir, d.Blob, d.ID)
	}
	copy(h[:], d.Blob)
	return s.readBlob(h)
}

// carry attributes text, the new revision of a clause whose previous text
// prev is cut into spans, to the spans' authors where it is unchanged and
// to who (its Version and By) where it is new. With keep set (a cosmetic
// revision), new words take the attribution of the words they replace.
// The spans it returns are slices of text.
func carry(spans []Span, prev, text string, who Span, keep bool) []Span {
	hunks := diffText(prev, text)
	// A differ whose hunks do not rebuild both texts is treated as a whole
	// replacement.
	if !rebuilds(hunks, prev, text) {
		hunks = []clause.Hunk{{Op: clause.OpDelete, Text: prev}, {Op: clause.OpInsert, Text: text}}
	}
	out := make([]Span, 0, len(spans)+len(hunks)) // each hunk adds at most one span more than those it crosses
	pos := 0                                      // in text, where out ends
	add := func(n int, by Span) {
		if n == 0 {
			return
		}
		if k := len(out); k > 0 && out[k-1].Version == by.Version && out[k-1].By == by.By {
			out[k-1].Text = text[pos-len(out[k-1].Text) : pos+n]
		} else {
			out = append(out, Span{Text: text[pos : pos+n], Version: by.Version, By: by.By})
		}
		pos += n
	}
	si, off := 0, 0 // cursor in spans
	var last *Span
	take := func(nbytes int, emit bool) {
		for nbytes > 0 && si < len(spans) {
			k := min(nbytes, len(spans[si].Text)-off)
			if emit {
				add(k, spans[si])
			}
			last = &spans[si]
			nbytes -= k
			off += k
			if off == len(spans[si].Text) {
				si, off = si+1, 0
			}
		}
	}
	for _, h := range hunks {
		switch h.Op {
		case clause.OpEqual:
			take(len(h.Text), true)
		case clause.OpDelete:
			take(len(h.Text), false)
		case clause.OpInsert:
			by := who
			if keep && last != nil {
				by = *last
			} else if keep && si < len(spans) {
				by = spans[si]
			}
			add(len(h.Text), by)
		}
	}
	return out
}

// joinSpans is the text that spans cut.
func joinSpans(spans []Span) string {
	if len(spans) == 1 {
		return spans[0].Text
	}
	n := 0
	for _, sp := range spans {
		n += len(sp.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// rebuilds reports whether hunks turn old into new.
func rebuilds(hunks []clause.Hunk, old, new string) bool {
	for _, h := range hunks {
		var ok bool
		if h.Op != clause.OpInsert {
			if old, ok = strings.CutPrefix(old, h.Text); !ok {
				return false
			}
		}
		if h.Op != clause.OpDelete {
			if new, ok = strings.CutPrefix(new, h.Text); !ok {
				return false
			}
		}
	}
	return old == "" && new == ""
}

// diffText diffs two clause files line by line, a line being a sentence
// (longest common subsequence), then word by word within each run of
// changed lines, so that an unchanged sentence is never attributed anew,
// and a sentence rewritten whole is new whole (wholeSentences).
func diffText(old, new string) []clause.Hunk {
	// Common prefix and suffix first: most revisions change little.
	pre, suf := commonLines(old, new)
	ma, mb := fileLines(old[pre:len(old)-suf]), fileLines(new[pre:len(new)-suf])
	var hunks []clause.Hunk
	emit := func(h ...clause.Hunk) {
		for _, x := range h {
			if x.Text == "" {
				continue
			}
			if k := len(hunks); k > 0 && hunks[k-1].Op == x.Op {
				hunks[k-1].Text += x.Text
				continue
			}
			hunks = append(hunks, x)
		}
	}
	emit(clause.Hunk{Op: clause.OpEqual, Text: old[:pre]})
	// LCS table over the middle.
	n, m := len(ma), len(mb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var delRun, insRun strings.Builder
	flush := func() {
		if delRun.Len() > 0 && insRun.Len() > 0 {
			emit(wholeSentences(clause.WordDiff(delRun.String(), insRun.String()))...)
		} else {
			emit(clause.Hunk{Op: clause.OpDelete, Text: delRun.String()}, clause.Hunk{Op: clause.OpInsert, Text: insRun.String()})
		}
		delRun.Reset()
		insRun.Reset()
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j] && !hasWord(ma[i]) && (delRun.Len() > 0 || insRun.Len() > 0):
			// A blank line between paragraphs matches any other: taken as
			// kept, it cut 'II. - L'article …' → 'IV. - L'article …'
			// into a sentence inserted whole and one deleted whole, and
			// blame credited the new number's version with every word.
			// It stays in the run, on both sides, for the word diff.
			delRun.WriteString(ma[i])
			insRun.WriteString(mb[j])
			i, j = i+1, j+1
		case i < n && j < m && ma[i] == mb[j]:
			flush()
			emit(clause.Hunk{Op: clause.OpEqual, Text: ma[i]})
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			insRun.WriteString(mb[j])
			j++
		default:
			delRun.WriteString(ma[i])
			i++
		}
	}
	flush()
	emit(clause.Hunk{Op: clause.OpEqual, Text: old[len(old)-suf:]})
	return hunks
}

// wholeSentences makes new whole each line of the new text (a sentence of
// a clause file) of which hunks, a word diff, insert words and keep none:
// the stops and spaces a rewritten sentence shares with the one it
// replaces ('.', ', ', ' : ') are no words of the old one, and crediting
// them to its author would name two versions for a sentence one wrote.
func wholeSentences(hunks []clause.Hunk) []clause.Hunk {
	type line struct{ kept, added bool }
	var lines []line
	cur := line{}
	for _, h := range hunks {
		if h.Op == clause.OpDelete {
			continue
		}
		for part := range strings.SplitAfterSeq(h.Text, "\n") {
			if hasWord(part) {
				cur.kept = cur.kept || h.Op == clause.OpEqual
				cur.added = cur.added || h.Op == clause.OpInsert
			}
			if strings.HasSuffix(part, "\n") {
				lines, cur = append(lines, cur), line{}
			}
		}
	}
	lines = append(lines, cur)
	rewritten := func(l int) bool { return !lines[l].kept && lines[l].added }
	if !slices.ContainsFunc(lines, func(l line) bool { return !l.kept && l.added }) {
		return hunks
	}
	// Rebuilt with each change run as its deletions then its insertions.
	out := make([]clause.Hunk, 0, len(hunks)+2)
	var del, ins strings.Builder
	flush := func() {
		for _, h := range [2]clause.Hunk{{Op: clause.OpDelete, Text: del.String()}, {Op: clause.OpInsert, Text: ins.String()}} {
			if h.Text != "" {
				out = append(out, h)
			}
		}
		del.Reset()
		ins.Reset()
	}
	l := 0 // the line of the new text the walk is in
	for _, h := range hunks {
		switch h.Op {
		case clause.OpDelete:
			del.WriteString(h.Text)
			continue
		case clause.OpInsert:
			ins.WriteString(h.Text)
			l += strings.Count(h.Text, "\n")
			continue
		}
		for part := range strings.SplitAfterSeq(h.Text, "\n") {
			if rewritten(l) {
				del.WriteString(part)
				ins.WriteString(part)
			} else if part != "" {
				flush()
				out = append(out, clause.Hunk{Op: clause.OpEqual, Text: part})
			}
			if strings.HasSuffix(part, "\n") {
				l++
			}
		}
	}
	flush()
	return out
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// commonLines measures, in bytes, the lines that two clause files share
// at their start and then at their end, without cutting them into lines.
func commonLines(old, new string) (pre, suf int) {
	n := min(len(old), len(new))
	for pre < n && old[pre] == new[pre] {
		pre++
	}
	if pre == len(old) && pre == len(new) {
		return pre, 0
	}
	pre = strings.LastIndexByte(old[:pre], '\n') + 1
	a, b := old[pre:], new[pre:]
	for suf < len(a) && suf < len(b) && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	// The shared end must start a line in both.
	lineStart := func(s string, i int) bool { return i == 0 || s[i-1] == '\n' }
	for suf > 0 && !(lineStart(a, len(a)-suf) && lineStart(b, len(b)-suf)) {
		i := strings.IndexByte(a[len(a)-suf:], '\n')
		if i < 0 {
			return pre, 0
		}
		suf -= i + 1
	}
	return pre, suf
}

// fileLines cuts a clause file into its lines, each with its newline.
func fileLines(file string) []string {
	lines := strings.SplitAfter(file, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
