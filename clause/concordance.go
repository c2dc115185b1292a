package clause

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
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

// ErrConcordance marks an error of a concordance's pairs.
var ErrConcordance = errors.New("concordance")

// CheckConcordance reports the first concordance pair that Align would
// ignore: a name that matches no clause, or a clause named twice. Align
// itself cannot fail, so callers that read a concordance file from a user
// should call this to tell them.
func CheckConcordance(old, new *Document, cs []Concord) error {
	a := newAligner(old, new)
	names := concordNames(old, new)
	for _, c := range cs {
		if err := a.applyConcord(c, names); err != nil {
			return err
		}
	}
	return nil
}

// applyConcordance is pass 0: the user's pairs, whose clauses no later
// pass may touch. A pair that does not resolve is skipped whole.
func (a *aligner) applyConcordance(cs []Concord) {
	if len(cs) == 0 {
		return
	}
	names := concordNames(a.f[sOld].d, a.f[sNew].d)
	for _, c := range cs {
		_ = a.applyConcord(c, names)
	}
}

// concordNames are the clauses of each side as names resolve them.
func concordNames(old, new *Document) [2][]Named {
	return [2][]Named{NamedOf(old), NamedOf(new)}
}

func (a *aligner) applyConcord(c Concord, names [2][]Named) error {
	if len(c.Old) == 0 && len(c.New) == 0 {
		return fmt.Errorf("%w: a pair with both sides empty", ErrConcordance)
	}
	if len(c.Old) > 1 && len(c.New) > 1 {
		return fmt.Errorf("%w: %s = %s: several clauses on both sides",
			ErrConcordance, strings.Join(c.Old, "+"), strings.Join(c.New, "+"))
	}
	var idx [2][]int
	for s, ns := range [2][]string{c.Old, c.New} {
		side := "old"
		if s == sNew {
			side = "new"
		}
		for _, name := range ns {
			i, n := a.resolve(s, name, idx[s], names[s])
			switch {
			case n > 1:
				return fmt.Errorf("%w: %d free %s clauses answer to %q: name one by its id", ErrConcordance, n, side, name)
			case i < 0:
				return fmt.Errorf("%w: no free %s clause %q", ErrConcordance, side, name)
			}
			idx[s] = append(idx[s], i)
		}
	}
	a.link(idx[sOld], idx[sNew], a.simOf(idx[sOld], idx[sNew]))
	return nil
}

// resolve finds the free clause of side s, not in taken, that name
// denotes: a key ("article:12", "tariff:G#2"), else a name as every
// command reads one (ResolveName: an id, a heading as printed, a kind and
// a number, a bare number for an article alone, an act code for its row),
// so that kinds are never confused: "2" with no article 2 free is no
// clause, where it was the annex 2. It returns -1 and how many clauses
// answer when not exactly one does.
func (a *aligner) resolve(s int, name string, taken []int, named []Named) (int, int) {
	f := a.f[s]
	ok := func(i int) bool { return a.free(s, i) && !slices.Contains(taken, i) }
	if strings.Contains(name, ":") {
		for i := range f.holders(name) {
			if ok(i) {
				return i, 1
			}
		}
	}
	hits := slices.DeleteFunc(ResolveName(named, name), func(i int) bool { return !ok(i) })
	if len(hits) != 1 {
		return -1, len(hits)
	}
	return hits[0], 1
}
