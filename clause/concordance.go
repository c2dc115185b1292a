package clause

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseConcordance reads a concordance file: one line "old = new" per
// pair, where each side is a clause number or id, several joined by "+"
// (a split "4 = 4+4 bis" or a merge "7+8 = 7"), or "-" for none (a
// removal "15 = -", an addition "- = 2 ter"). Text after "#" is a comment;
// blank lines are skipped. Errors name the line.
func ParseConcordance(r io.Reader) ([]Concord, error) {
	br := bufio.NewReader(r)
	var out []Concord
	for line := 1; ; line++ {
		s, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("concordance line %d: %w", line, err)
		}
		// A byte-order mark, at the start of the file or pasted in the
		// middle of a line, is invisible: it must not become part of a name.
		// Removing one can join the bytes around it into another.
		for strings.Contains(s, "\ufeff") {
			s = strings.ReplaceAll(s, "\ufeff", "")
		}
		if k := strings.IndexByte(s, '#'); k >= 0 {
			s = s[:k]
		}
		if strings.TrimSpace(s) != "" {
			c, perr := parseConcordLine(s)
			if perr != nil {
				return nil, fmt.Errorf("concordance line %d: %s", line, perr)
			}
			out = append(out, c)
		}
		if err != nil {
			return out, nil
		}
	}
}

func parseConcordLine(s string) (Concord, error) {
	lhs, rhs, ok := strings.Cut(s, "=")
	if !ok {
		return Concord{}, errors.New(`expected "old = new"`)
	}
	if strings.Contains(rhs, "=") {
		return Concord{}, errors.New(`more than one "="`)
	}
	old, err := parseConcordSide(lhs)
	if err != nil {
		return Concord{}, fmt.Errorf("old side: %s", err)
	}
	nw, err := parseConcordSide(rhs)
	if err != nil {
		return Concord{}, fmt.Errorf("new side: %s", err)
	}
	switch {
	case len(old) == 0 && len(nw) == 0:
		return Concord{}, errors.New(`both sides are "-"`)
	case len(old) > 1 && len(nw) > 1:
		return Concord{}, errors.New("several clauses on both sides: write the split or merge one side at a time")
	}
	return Concord{Old: old, New: nw}, nil
}

// parseConcordSide reads "-" as no clause, else names joined by "+".
func parseConcordSide(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New(`empty (write "-" for none)`)
	}
	if s == "-" {
		return nil, nil
	}
	parts := strings.Split(s, "+")
	for k, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		switch p {
		case "":
			return nil, fmt.Errorf("empty name in %q", s)
		case "-":
			return nil, fmt.Errorf(`"-" mixed with names in %q`, s)
		}
		parts[k] = p
	}
	return parts, nil
}

// CheckConcordance reports the first concordance pair that Align would
// ignore: a name that matches no clause, or a clause named twice. Align
// itself cannot fail, so callers that read a concordance file from a user
// should call this to tell them.
func CheckConcordance(old, new *Document, cs []Concord) error {
	a := newAligner(old, new)
	for _, c := range cs {
		if err := a.applyConcord(c); err != nil {
			return err
		}
	}
	return nil
}

// applyConcordance is pass 0: the user's pairs, whose clauses no later
// pass may touch. A pair that does not resolve is skipped whole.
func (a *aligner) applyConcordance(cs []Concord) {
	for _, c := range cs {
		_ = a.applyConcord(c)
	}
}

func (a *aligner) applyConcord(c Concord) error {
	if len(c.Old) == 0 && len(c.New) == 0 {
		return errors.New("concordance: a pair with both sides empty")
	}
	if len(c.Old) > 1 && len(c.New) > 1 {
		return fmt.Errorf("concordance: %s = %s: several clauses on both sides",
			strings.Join(c.Old, "+"), strings.Join(c.New, "+"))
	}
	var idx [2][]int
	for s, names := range [2][]string{c.Old, c.New} {
		side := "old"
		if s == sNew {
			side = "new"
		}
		for _, name := range names {
			i := a.resolve(s, name, idx[s])
			if i < 0 {
				return fmt.Errorf("concordance: no free %s clause %q", side, name)
			}
			idx[s] = append(idx[s], i)
		}
	}
	a.link(idx[sOld], idx[sNew], a.simOf(idx[sOld], idx[sNew]))
	return nil
}

// resolveKinds is the order in which a bare number is looked up: a
// concordance is mostly about articles.
var resolveKinds = []Kind{KindArticle, KindAnnex, KindTitle, KindChapter, KindSection, KindItem, KindParagraph, KindPreamble}

// resolve finds the free clause of side s that name denotes, not in taken:
// by id, by key, then by number (articles first); -1 when none.
func (a *aligner) resolve(s int, name string, taken []int) int {
	f := a.f[s]
	ok := func(i int) bool {
		if !a.free(s, i) {
			return false
		}
		for _, t := range taken {
			if t == i {
				return false
			}
		}
		return true
	}
	for i := range f.d.Clauses {
		if f.d.Clauses[i].ID == name && ok(i) {
			return i
		}
	}
	first := func(key string) int {
		for i := range f.holders(key) {
			if ok(i) {
				return i
			}
		}
		return -1
	}
	if strings.Contains(name, ":") {
		if i := first(name); i >= 0 {
			return i
		}
	}
	var keys []string
	if rest, hk := keyword(name); hk != hNone {
		keys = append(keys, keyOf(hk, strings.TrimSpace(rest)))
	} else {
		for _, k := range resolveKinds {
			keys = append(keys, NumberKey(k, name))
		}
	}
	for _, key := range keys {
		if key == "" {
			continue
		}
		if i := first(key); i >= 0 {
			return i
		}
	}
	for i := range f.d.Clauses {
		if f.d.Clauses[i].Number == name && ok(i) {
			return i
		}
	}
	return -1
}
