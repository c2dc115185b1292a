package store

import (
	"fmt"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// LogEntry is one version in which a clause changed.
type LogEntry struct {
	Version *Version
	ChangeEntry
}

// ResolveClause turns a clause name into a stable id: a stable id the
// store held in any version, or a name resolved in version at (the latest
// when nil) by FindClause, whose errors it returns.
func (s *Store) ResolveClause(ref string, at *Version) (string, error) {
	ix, err := s.Index()
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

// Log lists the versions in which the clause with stable id id changed,
// in import order: its addition, modifications, renumberings, moves, the
// split or merge it took part in (Others names the other ids) and its
// removal. Because ids survive renumbering and moves, this is the
// clause's whole history.
func (s *Store) Log(id string) ([]LogEntry, error) {
	ix, err := s.Index()
	if err != nil {
		return nil, err
	}
	var out []LogEntry
	for i := range ix.Versions {
		v := &ix.Versions[i]
		for _, d := range v.Changes {
			if d.ID == id {
				out = append(out, LogEntry{Version: v, ChangeEntry: d.ChangeEntry})
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w in %s", id, ErrUnknownClause, s.Dir)
	}
	return out, nil
}

// Span is a stretch of a clause's text and the version that introduced it.
type Span struct {
	Text    string
	Version *Version
}

// Blame cuts the text of clause id as of version at (the latest when nil)
// into spans, each attributed to the version that introduced its words. It
// walks the versions of at's ancestry in which the clause's text changed,
// oldest first, diffs each text with the previous one sentence by sentence
// and, within changed sentences, word by word (clause.WordDiff), and
// carries the attributions. A revision that Compare found cosmetic keeps
// the earlier attributions unless cosmetic is set. A part split off
// another clause starts from that clause's blame.
func (s *Store) Blame(id string, at *Version, cosmetic bool) ([]Span, error) {
	ix, err := s.Index()
	if err != nil {
		return nil, err
	}
	if at == nil {
		if len(ix.Versions) == 0 {
			return nil, fmt.Errorf("%s: %w: the store %s holds no version yet", id, ErrUnknownClause, s.Dir)
		}
		at = &ix.Versions[len(ix.Versions)-1]
	}
	return s.blame(ix, id, at, cosmetic, 0)
}

func (s *Store) blame(ix *Index, id string, at *Version, cosmetic bool, depth int) ([]Span, error) {
	// The ancestry of at, oldest first.
	var chain []*Version
	for v := at; v != nil; {
		chain = append(chain, v)
		p, ok := ix.byCommit[v.Parent]
		if !ok {
			break
		}
		v = &ix.Versions[p]
	}
	var spans []Span
	seen := false
	for k := len(chain) - 1; k >= 0; k-- {
		v := chain[k]
		var d *Delta
		for i := range v.Changes {
			if v.Changes[i].ID == id {
				d = &v.Changes[i]
				break
			}
		}
		if d == nil || (d.Change == clause.Unchanged && seen) {
			continue
		}
		if d.Gone {
			spans, seen = nil, false
			continue
		}
		raw, err := s.readBlobHex(d.Blob)
		if err != nil {
			return nil, err
		}
		text := ParseText(string(raw))
		if !seen && d.Change == clause.Split && len(d.Others) == 1 && k+1 < len(chain) && depth < 8 {
			// A part split off another clause: its words come from there.
			if from, err := s.blame(ix, d.Others[0], chain[k+1], cosmetic, depth+1); err == nil {
				spans = from
			}
		}
		seen = true
		spans = carry(spans, text, v, d.Change == clause.Cosmetic && !cosmetic)
	}
	if !seen {
		return nil, fmt.Errorf("%s: %w in %s", id, ErrUnknownClause, at.Label)
	}
	return spans, nil
}

func (s *Store) readBlobHex(h string) ([]byte, error) {
	if len(h) != 40 {
		return nil, fmt.Errorf("%s: index holds a bad blob hash %q", s.Dir, h)
	}
	return s.readBlob(hashOf(h))
}

// carry attributes text, the new revision of a clause whose previous text
// is cut into spans, to the spans' versions where it is unchanged and to v
// where it is new. With keep set (a cosmetic revision), new words take the
// attribution of the words they replace.
func carry(spans []Span, text string, v *Version, keep bool) []Span {
	var prev strings.Builder
	for _, sp := range spans {
		prev.WriteString(sp.Text)
	}
	hunks := diffText(prev.String(), text)
	// Check the hunks rebuild both texts; a differ that does not is
	// treated as a whole replacement.
	var o, n strings.Builder
	for _, h := range hunks {
		if h.Op != clause.OpInsert {
			o.WriteString(h.Text)
		}
		if h.Op != clause.OpDelete {
			n.WriteString(h.Text)
		}
	}
	if o.String() != prev.String() || n.String() != text {
		hunks = []clause.Hunk{{Op: clause.OpDelete, Text: prev.String()}, {Op: clause.OpInsert, Text: text}}
	}
	var out []Span
	add := func(t string, ver *Version) {
		if t == "" {
			return
		}
		if k := len(out); k > 0 && out[k-1].Version == ver {
			out[k-1].Text += t
			return
		}
		out = append(out, Span{Text: t, Version: ver})
	}
	si, off := 0, 0 // cursor in spans
	var last *Version
	take := func(nbytes int, emit bool) {
		for nbytes > 0 && si < len(spans) {
			rest := spans[si].Text[off:]
			k := min(nbytes, len(rest))
			if emit {
				add(rest[:k], spans[si].Version)
			}
			last = spans[si].Version
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
			ver := v
			if keep && last != nil {
				ver = last
			} else if keep && si < len(spans) {
				ver = spans[si].Version
			}
			add(h.Text, ver)
		}
	}
	return out
}

// diffText diffs two texts sentence by sentence (longest common
// subsequence), then word by word within each run of changed sentences, so
// that an unchanged sentence is never attributed anew.
func diffText(old, new string) []clause.Hunk {
	a, b := sentenceTokens(old), sentenceTokens(new)
	// Common prefix and suffix first: most revisions change little.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
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
	emit(clause.Hunk{Op: clause.OpEqual, Text: strings.Join(a[:pre], "")})
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
			emit(clause.WordDiff(delRun.String(), insRun.String())...)
		} else {
			emit(clause.Hunk{Op: clause.OpDelete, Text: delRun.String()}, clause.Hunk{Op: clause.OpInsert, Text: insRun.String()})
		}
		delRun.Reset()
		insRun.Reset()
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
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
	emit(clause.Hunk{Op: clause.OpEqual, Text: strings.Join(a[len(a)-suf:], "")})
	return hunks
}

// sentenceTokens cuts text into sentences (see frtext.SentenceStarts) and
// lines, each token keeping the white space and line breaks that follow
// it, so that the tokens concatenate back to text.
func sentenceTokens(text string) []string {
	var out []string
	for text != "" {
		end := strings.IndexByte(text, '\n')
		if end < 0 {
			end = len(text)
		}
		for end < len(text) && text[end] == '\n' {
			end++
		}
		line, start := text[:end], 0
		for _, next := range frtext.SentenceStarts(line) {
			out = append(out, line[start:next])
			start = next
		}
		out = append(out, line[start:])
		text = text[end:]
	}
	return out
}
