package store

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// changesRule numbers the rule by which an import derives a version's
// changes.json from its text and its base's: clause.Compare's verdict on
// each clause, and how a manifest is read back (titleStatuses). Bump it
// whenever clause changes either for the same texts: versions recorded
// under an older rule are re-derived as they are read (rederive), and the
// caches made under it rebuilt, or log and blame on an old store would
// disagree with a store imported afresh.
//
//	1  changes.json of releases that did not record the rule
//	2  a title that is a status and nothing else ('Article 12 – Abrogé.')
//	   is the clause's status: 'Abrogé.' → 'Supprimé.' is cosmetic (350bd7b)
//	3  a text's first line is its title however it is cased (a Senate
//	   bill's 'projet de loi…'), and a division's name set as a markdown
//	   heading of its own is its name ('## TITRE I' over '## Dispositions…')
//	4  the Assemblée's notes on a division ('(Intitulé modifié)', '(Division
//	   nouvelle)') are its status, and a note is no name of a division
const changesRule = 4

// rederive brings the changes of version i, recorded under an older rule,
// to what the current rule says. Which clause is which is a fact of the
// version's tree, its files named by stable id, and stays; what is
// re-derived is the verdict on each clause that goes one to one, under the
// same id, from the parent to the version, where the current rule pairs
// them too: its kind, and whether it was renumbered or moved. A clause the
// old rule found unchanged and the current one does not gets an entry, one
// it now finds unchanged in place loses its own. Additions, removals,
// splits and merges keep their record. A version that cannot be read keeps
// its record too, with a notice: the version is never lost to a cache.
func (s *Store) rederive(ix *index, i int) {
	v := &ix.Versions[i]
	p, ok := ix.byCommit[v.Parent]
	if !ok {
		return // it answers none: every clause is added, whatever the rule
	}
	if cached, ok := s.rederived(v.Commit); ok {
		v.Changes = cached
		return
	}
	old, err := s.Document(&ix.Versions[p])
	if err == nil {
		var doc *clause.Document
		if doc, err = s.Document(v); err == nil {
			v.Changes = reclassify(v.Changes, clause.Compare(old, doc, clause.CompareOptions{}))
		}
	}
	if err != nil {
		s.logf("%s: the changes of %s, recorded by an older avenant, are shown as recorded: %v", s.Dir, v.Label, err)
		return
	}
	s.saveRederived(v)
}

// rederiveAll re-derives versions todo of ix (rederive), telling Progress
// how far it has gone: each version not re-derived before is two texts
// read and compared, and a store of hundreds of versions written by an
// older avenant took minutes on its first read, without a word.
func (s *Store) rederiveAll(ix *index, todo []int) {
	var work []int
	for _, i := range todo {
		v := &ix.Versions[i]
		if _, ok := ix.byCommit[v.Parent]; !ok {
			continue // it answers none: nothing to compare
		}
		if cached, ok := s.rederived(v.Commit); ok {
			v.Changes = cached
			continue
		}
		work = append(work, i)
	}
	for k, i := range work {
		if s.Progress != nil {
			s.Progress(RederiveTask, k, len(work))
		}
		s.rederive(ix, i)
	}
	if s.Progress != nil && len(work) > 0 {
		s.Progress(RederiveTask, len(work), len(work))
	}
}

// RederiveTask names, to Progress, the re-derivation of the versions an
// older avenant recorded.
const RederiveTask = "reading again the changes of the versions an older avenant recorded"

// reclassify is rederive's verdict on changes (see there), d comparing the
// parent with the version, both read from the store: their clauses carry
// their stable ids.
func reclassify(changes []Delta, d *clause.Diff) []Delta {
	verdicts := map[string]*clause.Change{}
	var order []string
	for k := range d.Changes {
		c := &d.Changes[k]
		if len(c.Old) == 1 && len(c.New) == 1 && d.Old.Clauses[c.Old[0]].ID == d.New.Clauses[c.New[0]].ID {
			id := d.New.Clauses[c.New[0]].ID
			verdicts[id] = c
			order = append(order, id)
		}
	}
	recorded := map[string]bool{}
	out := make([]Delta, 0, len(changes))
	for _, e := range changes {
		recorded[e.ID] = true
		if c, ok := verdicts[e.ID]; ok && oneToOne(&e.ChangeEntry) {
			e.Change, e.Renumbered, e.Moved = c.Kind, c.Renumbered, c.Moved
			if e.Change == clause.Unchanged && !e.Renumbered && !e.Moved && e.By == "" {
				continue
			}
		}
		out = append(out, e)
	}
	for _, id := range order {
		c := verdicts[id]
		if !recorded[id] && (c.Kind != clause.Unchanged || c.Renumbered || c.Moved) {
			out = append(out, Delta{ChangeEntry: ChangeEntry{ID: id, Change: c.Kind,
				Number: d.New.Clauses[c.New[0]].Number, Renumbered: c.Renumbered, Moved: c.Moved}})
		}
	}
	return out
}

// oneToOne reports whether a change entry records a clause that kept its
// id from the parent, alone: neither added, removed, split nor merged.
func oneToOne(e *ChangeEntry) bool {
	return !e.Gone && len(e.Others) == 0 &&
		(e.Change == clause.Unchanged || e.Change == clause.Cosmetic || e.Change == clause.Modified)
}

// The changes re-derived for a version are cached by commit in
// .git/avenant/changes/, sealed as the index is, under a header naming the
// rule: the index is rebuilt after every pull, and each rebuild would
// otherwise compare again every version an older avenant recorded.
var rederivedHeader = "avenant changes rule " + strconv.Itoa(changesRule) + "\n"

func (s *Store) rederivedPath(commit string) string {
	return filepath.Join(s.gitDir, "avenant", "changes", commit)
}

// rederived reads the cached changes of a commit; false when there are
// none under the current rule, or the file is damaged.
func (s *Store) rederived(commit string) ([]Delta, bool) {
	data, err := os.ReadFile(s.rederivedPath(commit))
	if err != nil {
		return nil, false
	}
	body, ok := unseal(string(data))
	rest, header := strings.CutPrefix(body, rederivedHeader)
	if !ok || !header {
		return nil, false
	}
	dec := indexDecoder{s: rest}
	out := make([]Delta, dec.count())
	for k := range out {
		dec.delta(&out[k])
	}
	if dec.bad || dec.s != "" {
		return nil, false
	}
	return out, true
}

func (s *Store) saveRederived(v *Version) {
	e := indexEncoder{b: []byte(rederivedHeader)}
	e.num(len(v.Changes))
	for k := range v.Changes {
		e.delta(&v.Changes[k])
	}
	path := s.rederivedPath(v.Commit)
	err := os.MkdirAll(filepath.Dir(path), 0o777)
	if err == nil {
		err = writeFileAtomic(path, filepath.Dir(path), seal(e.b))
	}
	if err != nil {
		s.cacheNotSaved("the changes of "+v.Label, err)
	}
}

// verdict is what the current rule says clause id did from version a
// (its change there, old) to version b (now), as an import of b answering
// a would have recorded it: across a back-filled version, where b's
// changes.json says every clause was added, the clause files differing
// was read as modified, a change of typography alone included, and a new
// title over the same text as unchanged.
func (s *Store) verdict(a, b *Version, old, now *Delta) (clause.ChangeKind, error) {
	fallback := clause.Modified // the files differ: what the record can tell
	if old.Blob == now.Blob {
		fallback = clause.Unchanged
	}
	var docs [2]*clause.Document
	for k, side := range [2]struct {
		v *Version
		d *Delta
	}{{a, old}, {b, now}} {
		m, err := s.manifest(side.v)
		if err != nil {
			return "", err
		}
		at := slices.IndexFunc(m, func(e ManifestEntry) bool { return e.ID == side.d.ID })
		if at < 0 {
			return fallback, nil
		}
		raw, err := s.readDeltaBlob(side.d)
		if err != nil {
			return "", err
		}
		e := m[at]
		e.Parent, e.Depth = "", 0
		docs[k] = documentOf([]ManifestEntry{e}, []string{parseText(string(raw))})
	}
	d := clause.Compare(docs[0], docs[1], clause.CompareOptions{})
	if len(d.Changes) == 1 && len(d.Changes[0].Old) == 1 && len(d.Changes[0].New) == 1 {
		return d.Changes[0].Kind, nil
	}
	return fallback, nil
}
