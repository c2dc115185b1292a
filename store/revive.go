package store

import (
	"github.com/avenant-dev/avenant/clause"
)

// revivals pairs the clauses that are new in d (no partner in the base)
// with clauses that the base's line of versions held and then removed: an
// article a chamber deleted and the next reading re-established, a tariff
// row dropped by one proposal and put back by the answer to it; and with
// clauses that versions off that line added (proposedOffLine): the new
// article MG France's counter-proposal wrote and the convention took. Such a
// clause is the removed clause of the same kind and number that
// clause.Compare pairs it with, each removed clause taken as it last stood
// (unnumbered, the text alike). Only removed clauses whose number a new
// clause bears are read: a long history of removals costs no reading of
// versions that could not answer. It returns the id each revived clause
// takes back, by its index in d.New, so that its log and blame reach back
// past the removal. The parts of a split are paired too: 12 bis split off
// article 12 as a counter-proposal split it is that proposal's 12 bis
// (assignIDs keeps the original's id for the part that keeps it).
func (s *Store) revivals(ix *index, base importBase, d *clause.Diff) (map[int]string, error) {
	var added []int // new clauses, and the parts of splits, which may be new too
	for _, c := range d.Changes {
		if len(c.Old) == 0 && len(c.New) == 1 || len(c.Old) == 1 && len(c.New) > 1 {
			added = append(added, c.New...)
		}
	}
	if len(added) == 0 || base.version == nil {
		return nil, nil
	}
	numbers := make(map[string]bool, len(added))
	for _, i := range added {
		numbers[clause.NormalizeNumber(d.New.Clauses[i].Number)] = true
	}
	lost, err := s.removedOnLine(ix, base, numbers)
	if err != nil {
		return nil, err
	}
	proposed, err := s.proposedOffLine(ix, base, numbers, lost)
	if err != nil {
		return nil, err
	}
	removed := len(lost.Clauses)
	lost.Clauses = append(lost.Clauses, proposed...)
	if len(lost.Clauses) == 0 {
		return nil, nil
	}
	fresh := &clause.Document{Clauses: make([]clause.Clause, len(added))}
	for k, i := range added {
		fresh.Clauses[k] = flat(d.New.Clauses[i])
	}
	out := map[int]string{}
	for _, c := range clause.Compare(lost, fresh, clause.CompareOptions{}).Changes {
		if len(c.Old) != 1 || len(c.New) != 1 {
			continue
		}
		if c.Old[0] >= removed && c.Similarity < proposalSimilar {
			continue // another article under the same number
		}
		was, now := &lost.Clauses[c.Old[0]], &fresh.Clauses[c.New[0]]
		if c.Old[0] < removed && c.Similarity < revivalSimilar && titledApart(was, now) {
			continue // the number given to something else
		}
		if was.Kind == now.Kind && clause.NormalizeNumber(was.Number) == clause.NormalizeNumber(now.Number) {
			out[added[c.New[0]]] = was.ID
		}
	}
	return out, nil
}

// removedOnLine gathers the clauses removed on the line that leads to
// base and absent from it whose normalized number is among numbers, each
// as it stood in the version before its latest removal. Sources merged
// into another clause are not among them: their text lives on in that
// clause.
func (s *Store) removedOnLine(ix *index, base importBase, numbers map[string]bool) (*clause.Document, error) {
	present := make(map[string]bool, len(base.doc.Clauses))
	for _, c := range base.doc.Clauses {
		present[c.ID] = true
	}
	lost := &clause.Document{}
	at, ok := ix.byCommit[base.version.Commit]
	if !ok {
		return lost, nil
	}
	line := ix.line(at)
	for k, i := range line[:len(line)-1] {
		p := line[k+1]
		held, err := s.clausesWhere(ix, ix.lineChanges(i), p, func(ch ChangeEntry) bool {
			if !ch.Gone || ch.Change != clause.Removed || present[ch.ID] {
				return false
			}
			present[ch.ID] = true // its latest removal only
			return numbers[clause.NormalizeNumber(ch.Number)]
		})
		if err != nil {
			return nil, err
		}
		lost.Clauses = append(lost.Clauses, held...)
	}
	return lost, nil
}

// revivalSimilar is the similarity under which a clause put back under
// a number, titled otherwise than the clause the line removed from it, is
// another clause: "Article 5 – Télémédecine" written where "Article 5 –
// Permanence des soins" was removed two versions earlier. A bill's
// articles bear no title, and one re-established by the next reading is
// that article whatever it now says (La Fabrique's identity): the number
// alone decides there.
const revivalSimilar = 0.2

// titledApart reports two clauses that each bear a title, not the same.
func titledApart(a, b *clause.Clause) bool {
	ta, tb := a.Title(), b.Title()
	return ta != "" && tb != "" && clause.CanonicalHeading(ta) != clause.CanonicalHeading(tb)
}

// proposalSimilar is the least similarity (clause.Change.Similarity) of a
// new clause to the clause a version off the line proposed under the same
// number for the two to be one clause: two parties can each propose an
// "Article 40" about different things, while an article re-established on
// the line is that article, whatever it now says.
const proposalSimilar = 0.5

// proposedOffLine gathers the clauses that versions off the line leading to
// base added, or split off another, and that the line never held, whose normalized number is
// among numbers, each as the earliest such version wrote it: a clause two
// unions propose, or one the convention takes from a counter-proposal, is
// one clause, with one id, so that its log lists every proposal of it and
// blame credits the party that wrote it first. Ids already in lost are
// left to the revival.
func (s *Store) proposedOffLine(ix *index, base importBase, numbers map[string]bool, lost *clause.Document) ([]clause.Clause, error) {
	on := map[int]bool{}
	if i, ok := ix.byCommit[base.version.Commit]; ok {
		for _, p := range ix.line(i) {
			on[p] = true
		}
	}
	held := map[string]bool{}
	for _, c := range lost.Clauses {
		held[c.ID] = true
	}
	for i := range on {
		for _, ch := range ix.Versions[i].Changes {
			held[ch.ID] = true
		}
	}
	var out []clause.Clause
	for i := range ix.Versions {
		if on[i] {
			continue
		}
		cs, err := s.clausesWhere(ix, ix.lineChanges(i), i, func(ch ChangeEntry) bool {
			if ch.Change != clause.Added && ch.Change != clause.Split || ch.Gone || held[ch.ID] || !numbers[clause.NormalizeNumber(ch.Number)] {
				return false
			}
			held[ch.ID] = true
			return true
		})
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// clausesWhere reads, as version at holds them, the clauses whose change
// among changes keep selects.
func (s *Store) clausesWhere(ix *index, changes []ChangeEntry, at int, keep func(ChangeEntry) bool) ([]clause.Clause, error) {
	var ids []string
	for _, ch := range changes {
		if keep(ch) {
			ids = append(ids, ch.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.clausesOf(&ix.Versions[at], ids)
}

// clausesOf reads the clauses ids of version v, out of its hierarchy
// (flat), reading only their clause files.
func (s *Store) clausesOf(v *Version, ids []string) ([]clause.Clause, error) {
	m, err := s.manifest(v)
	if err != nil {
		return nil, err
	}
	sn, err := s.snapshot(v.Commit)
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	var out []clause.Clause
	for _, e := range m {
		if !want[e.ID] {
			continue
		}
		raw, err := s.readBlob(sn.blobs[e.ID])
		if err != nil {
			return nil, err
		}
		out = append(out, clause.Clause{ID: e.ID, Kind: e.Kind, Number: e.Number, Key: e.Key, Heading: e.Heading,
			Status: e.Status, Text: parseText(string(raw)), Parent: -1})
	}
	return out, nil
}

// flat is c out of its document's hierarchy: the clauses revivals pairs
// come from several versions.
func flat(c clause.Clause) clause.Clause {
	c.Parent, c.Depth, c.Path = -1, 0, nil
	return c
}
