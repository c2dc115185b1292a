package store

import (
	"cmp"
	"os"
	"path/filepath"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// LogNames are the names, as printed, that a log entry tells its change
// by: a reader knows "Section 2 - Tarifs", not sect-2.
type LogNames struct {
	// Name is the clause as printed in the entry's version (before it,
	// for a clause gone from it).
	Name string
	// Was is its name before, when it read otherwise (renumbered,
	// retitled): case, accents and typography aside.
	Was string
	// Others are the names of ChangeEntry.Others, in their order: as
	// printed in the entry's version, or before it for a clause gone from
	// it and for the clause a part was split from; the id when unknown.
	Others []string
	// SplitFrom is set on a new part of a split: Others names the clause
	// it was split from.
	SplitFrom bool
}

// nameEntries fills the names of each entry that tells more than a
// change of text: one about another clause than the one logged, a split,
// a merge, a renumbering, a move, a removal, and a modification, whose
// heading may have changed with its text under the same number ('Section 2
// - Tarifs' become 'Section 2 - Rémunération': Was). A clause's name
// before an entry is its name at its last entry before on the same line:
// its heading changes nowhere else, since a new heading is a change of the
// clause. Of each version, only the clauses named are read
// (manifestNames): a log of cosmetic revisions reads no manifest at all.
func (s *Store) nameEntries(ix *index, id string, out []LogEntry) error {
	named := make([]bool, len(out))
	nameOf := func(k int) (string, error) {
		if !named[k] {
			e := &out[k]
			now, err := s.manifestNames(ix, ix.byCommit[e.Version.Commit], []string{e.ID})
			if err != nil {
				return "", err
			}
			e.Names.Name, named[k] = now[e.ID], true
		}
		return out[k].Names.Name, nil
	}
	// before finds the last entry of id on the line of entry k before it.
	before := func(k int, id string) int {
		line := ix.line(ix.byCommit[out[k].Version.Commit])
		for j := k - 1; j >= 0; j-- {
			if out[j].ID == id && out[j].Version.Commit != out[k].Version.Commit && onLine(ix, line, out[j].Version) {
				return j
			}
		}
		return -1
	}
	for k := range out {
		e := &out[k]
		if e.ID == id && len(e.Others) == 0 && !e.Renumbered && !e.Moved && !e.Gone && e.Change != clause.Modified {
			continue // a change of its text alone: the kind says it
		}
		vi := ix.byCommit[e.Version.Commit]
		now, err := s.manifestNames(ix, vi, append([]string{e.ID}, e.Others...))
		if err != nil {
			return err
		}
		prev := before(k, e.ID)
		e.Names.SplitFrom = e.Change == clause.Split && !e.Gone && len(e.Others) == 1 && prev < 0
		e.Names.Name, named[k] = now[e.ID], true
		var missing []string
		// earlier names id as it read before entry k.
		earlier := func(id string) (string, error) {
			if j := before(k, id); j >= 0 {
				return nameOf(j)
			}
			missing = append(missing, id)
			return "", nil
		}
		if e.Gone || e.Names.Name == "" {
			if e.Names.Name, err = earlier(e.ID); err != nil {
				return err
			}
		} else if prev >= 0 && e.Change != clause.Added {
			was, err := nameOf(prev)
			if err != nil {
				return err
			}
			if frtext.Fold(was) != frtext.Fold(e.Names.Name) {
				e.Names.Was = was
			}
		}
		e.Names.Others = make([]string, len(e.Others))
		for j, o := range e.Others {
			if n := now[o]; n != "" && !e.Names.SplitFrom {
				e.Names.Others[j] = n
			} else if e.Names.Others[j], err = earlier(o); err != nil {
				return err
			}
		}
		if len(missing) == 0 {
			continue
		}
		// Named by no entry before: read from the version before.
		then := map[string]string{}
		if l := ix.line(vi); len(l) > 1 {
			if then, err = s.manifestNames(ix, l[1], missing); err != nil {
				return err
			}
		}
		fill := func(name *string, id string) {
			*name = cmp.Or(*name, then[id], now[id], id)
		}
		fill(&e.Names.Name, e.ID)
		for j, o := range e.Others {
			fill(&e.Names.Others[j], o)
		}
	}
	return nil
}

// onLine reports whether v is one of the versions of line.
func onLine(ix *index, line []int, v *Version) bool {
	i, ok := ix.byCommit[v.Commit]
	if !ok {
		return false
	}
	for _, p := range line {
		if p == i {
			return true
		}
	}
	return false
}

// manifestNames names clauses ids of version vi as printed
// (clause.DisplayName), those it has. It skims the version's manifest
// cache for them alone, decoding nothing else; a tariff row without a
// heading, named within what holds it, and a version whose cache is not
// there yet are read in full.
func (s *Store) manifestNames(ix *index, vi int, ids []string) (map[string]string, error) {
	v := &ix.Versions[vi]
	out := make(map[string]string, len(ids))
	want := func(id string) bool {
		for _, w := range ids {
			if w == id {
				return true
			}
		}
		return false
	}
	if data, err := os.ReadFile(filepath.Join(s.gitDir, "avenant", "manifests", v.Commit+manifestSuffix)); err == nil {
		if body, ok := unseal(string(data)); ok {
			if rest, ok := strings.CutPrefix(body, manifestHeader); ok {
				d := indexDecoder{s: rest}
				whole := true
				for n := d.count(); n > 0 && !d.bad; n-- {
					var f [7]string // id, kind, number, key, heading, status, parent
					for j := range f {
						f[j] = d.str()
					}
					d.num()
					for p := d.count(); p > 0; p-- {
						d.str()
					}
					if !want(f[0]) {
						continue
					}
					if clause.Kind(f[1]) == clause.KindItem && f[4] == "" {
						whole = false
						break
					}
					one := []clause.Named{{ID: f[0], Kind: clause.Kind(f[1]), Number: f[2], Key: f[3], Heading: f[4], Parent: -1}}
					out[f[0]] = clause.DisplayName(one, 0)
					if len(out) == len(ids) {
						return out, nil // unseal vouched for the rest
					}
				}
				if whole && !d.bad && d.s == "" {
					return out, nil
				}
				clear(out)
			}
		}
	}
	m, err := s.manifest(v)
	if err != nil {
		return nil, err
	}
	named := namedOf(m)
	for i := range named {
		if want(named[i].ID) {
			out[named[i].ID] = clause.DisplayName(named, i)
		}
	}
	return out, nil
}
