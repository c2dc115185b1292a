package store

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// DefaultKind is the kind of a version imported without one.
const DefaultKind = "version"

// RepackEvery is how many imports pass between two automatic repacks.
var RepackEvery = 50

// ImportOptions describe a version to import.
type ImportOptions struct {
	Party string
	Label string
	// Kind is free text: "proposal", "counter-proposal", "signed"…;
	// DefaultKind when empty.
	Kind string
	// Date is the document's date, YYYY-MM-DD.
	Date string
	// DateDefault is set when Date is nobody's statement but the day of
	// the import (the command line's default): the same import run again
	// another day is then still the same.
	DateDefault bool
	// Base names the version this one answers (a revision as Resolve
	// takes); "" means the latest imported version.
	Base string
	// SourceName and SourceSHA256 identify the imported file.
	SourceName   string
	SourceSHA256 string
	// Compare tunes the alignment with the base (a concordance).
	Compare clause.CompareOptions
	// Amends is set when the document is the consolidation of an
	// amending text (SourceName) applied to the base: the label of the
	// base, recorded as the Avenant-Amends trailer. By then lists, for a
	// clause of the document (by index), the instructions that changed it
	// ("Article 2, 1°"), each with the clause's text once it had applied,
	// and ByRemoved names, for a clause of the base, those that removed
	// it; both go into changes.json.
	Amends    string
	By        map[int][]Step
	ByRemoved map[int]string
	// SkipIdentical imports nothing when the document is identical to its
	// base, for a version that only exists as a step towards another (the
	// rejected side of tracked changes). Otherwise an identical document
	// under a new label is a version of its own: a party accepting the
	// text as it stands.
	SkipIdentical bool
	// precedes is the label of the version a back-filled import is
	// older than (Version.Precedes).
	precedes string
}

// ImportResult says what an import did.
type ImportResult struct {
	// Version is the new version; nil when nothing was imported.
	Version *Version
	// Identical is the label of the version the document is identical to
	// when nothing was imported: the same import run again (same label
	// and party), or the base under SkipIdentical.
	Identical string
	// Diff compares the base version with the imported one (nil for the
	// first version).
	Diff *clause.Diff
	// Repeats is the label of a version of the same party that the new
	// one repeats under its new label: imported from the same file, or
	// answering it with the same text. Both stay versions; a label
	// mistyped on a re-run makes such a twin, which only this tells.
	Repeats string
}

// StoreError is an import's failure that comes from the store itself (its
// lock, its files, a version read back), not from the document or the
// options it was given: the command names the store, not the file.
type StoreError struct {
	Dir string
	Err error
}

func (e *StoreError) Error() string {
	if msg := e.Err.Error(); !strings.Contains(msg, e.Dir) {
		return e.Dir + ": " + msg
	}
	return e.Err.Error()
}

func (e *StoreError) Unwrap() error { return e.Err }

// fault marks err, when there is one, as the store's.
func (s *Store) fault(err error) error {
	var se *StoreError
	if err == nil || errors.As(err, &se) {
		return err
	}
	return &StoreError{Dir: s.Dir, Err: err}
}

// errDuplicateLabel is returned when a label is already a version.
var errDuplicateLabel = errors.New("label already used")

// failpoint, when set by a test, is called at numbered points of an import
// so that the test can kill it there.
var failpoint func(n int)

func fail(n int) {
	if failpoint != nil {
		failpoint(n)
	}
}

// Import commits doc as a new version. Objects are written first, then the
// version's tag (the commit point), then the party branch and main; a
// failure or crash at any point leaves the store's versions as they were.
func (s *Store) Import(doc *clause.Document, opts ImportOptions) (*ImportResult, error) {
	asked := opts // before the defaults
	when, err := checkImport(&opts)
	if err != nil {
		return nil, err
	}
	if len(doc.Clauses) > clause.MaxClauses {
		// What a store would refuse to read back is never written.
		return nil, fmt.Errorf("%w: %d, more than %d", clause.ErrTooManyClauses, len(doc.Clauses), clause.MaxClauses)
	}
	var seen map[string]plumbing.Hash
	if opts.Base == "" && !s.locked {
		seen, _ = s.tags() // unread, the check below is skipped
		whileWaiting()
	}
	unlock, ix, err := s.lockRepaired()
	if err != nil {
		return nil, s.fault(err)
	}
	defer unlock()
	if done, err := s.checkNewLabel(ix, doc, asked); done != nil || err != nil {
		return done, err
	}
	if err := landedMeanwhile(ix, seen, opts); err != nil {
		return nil, err
	}
	base, err := s.resolveBase(ix, opts.Base, opts.Date)
	if err != nil {
		return nil, err
	}
	newDoc := normalized(doc)
	// A pair the aligner cannot apply is never skipped silently: the
	// clauses it names would take ids the user said they do not have.
	if conc := opts.Compare.Align.Concordance; len(conc) > 0 {
		if err := clause.CheckConcordance(base.doc, newDoc, conc); err != nil {
			return nil, err
		}
	}
	if opts.SkipIdentical && base.version != nil && sameDocument(base.doc, newDoc) {
		return &ImportResult{Identical: base.version.Label}, nil
	}
	diff := clause.Compare(base.doc, newDoc, opts.Compare)
	var revived map[int]string
	if !base.precedes {
		if revived, err = s.revivals(ix, base, diff); err != nil {
			return nil, s.fault(err)
		}
	}
	ids, changes := assignIDs(diff, revived, ix.usedIDs())
	parent := base.version
	if base.precedes {
		// Back-filled before every version: it answers none, so every
		// clause is new in it, under the id of the clause it matches in
		// the version it precedes.
		parent, opts.precedes = nil, base.version.Label
		changes = addedAll(newDoc, ids)
		linkParts(changes, diff, ids)
		diff = clause.Compare(&clause.Document{}, newDoc, opts.Compare)
	}
	traceChanges(changes, ids, diff.Old, newDoc, opts)
	fail(1)
	flush, endBatch := s.beginBatch()
	defer endBatch()
	objs, err := s.writeObjects(newDoc, ids, changes, base.snap)
	if err != nil {
		return nil, err
	}
	if opts.SkipIdentical && base.snap != nil && base.snap.clausesTree == objs.clausesTree && base.snap.manifest == objs.manifest {
		// Never flushed: nothing of it reaches the repository.
		return &ImportResult{Identical: base.version.Label, Diff: diff}, nil
	}
	fail(3)
	seq := ix.nextSeq()
	commitHash, err := s.writeCommit(objs.root, parent, opts, seq, when)
	if err != nil {
		return nil, s.fault(err)
	}
	if err := flush(); err != nil {
		return nil, s.fault(err)
	}
	fail(4)
	v := Version{
		Seq: seq, Commit: commitHash.String(), Label: opts.Label, Party: opts.Party, Kind: opts.Kind,
		Date: opts.Date, SourceSHA256: opts.SourceSHA256, SourceName: opts.SourceName, Precedes: opts.precedes,
		Clauses: len(newDoc.Clauses), Changes: deltas(changes, ids, objs.clauses),
	}
	if parent != nil {
		v.Parent = parent.Commit
	}
	repeats := s.repeated(ix, &v, doc, base, objs)
	if err := s.publishRefs(ix, &v); err != nil {
		return nil, s.fault(err)
	}
	at := s.recordIndex(ix, v)
	s.dropKeptOf(ix, []string{s.partyBranch(ix, v.Party).Short(), mainBranch, "HEAD"}, plumbing.NewHash(v.Commit))
	return &ImportResult{Version: &ix.Versions[at], Diff: diff, Repeats: repeats}, nil
}

// whileWaiting runs between the look at the store's versions an import
// takes before its lock and the lock: a test's other import lands there.
var whileWaiting = func() {}

// errLandedMeanwhile refuses an import that another import overtook.
var errLandedMeanwhile = errors.New("another import or a pull stored a later version while this one waited for the store")

// landedMeanwhile refuses an import without --base that a version dated
// after it, stored by another import while it waited for the lock (seen:
// the tags before it), would turn into a back-fill. Started together, in
// date order, the imports would otherwise make a line or a fork of
// side versions by which process took the lock first: the one that lost
// would answer an older version and leave the newer text off its line.
// Refused, it writes nothing, and run again it is a back-fill the user
// chose. nil seen (a --base given, the tags unread) checks nothing.
func landedMeanwhile(ix *index, seen map[string]plumbing.Hash, opts ImportOptions) error {
	if seen == nil {
		return nil
	}
	for i := len(ix.Versions) - 1; i >= 0; i-- {
		v := &ix.Versions[i]
		if _, ok := seen[v.Label]; !ok && v.Date > opts.Date {
			return fmt.Errorf("%s (%s): %w: %s (%s), dated after it; nothing imported: import it again to store it beside that version, answering the one before its date, or with --base",
				opts.Label, opts.Date, errLandedMeanwhile, v.Label, v.Date)
		}
	}
	return nil
}

// repeated names the version of v's party that v repeats (ImportResult.
// Repeats): the newest imported from the same file into the same text
// (both sides of tracked changes share their file), else its base when v
// holds the base's text and the base is the party's own.
func (s *Store) repeated(ix *index, v *Version, doc *clause.Document, base importBase, objs versionObjects) string {
	for i := len(ix.Versions) - 1; i >= 0; i-- {
		w := &ix.Versions[i]
		if w.Party != v.Party || v.SourceSHA256 == "" || w.SourceSHA256 != v.SourceSHA256 {
			continue
		}
		if same, err := s.holds(w, doc); err == nil && same {
			return w.Label
		}
	}
	if b := base.version; b != nil && !base.precedes && b.Party == v.Party &&
		base.snap.clausesTree == objs.clausesTree && base.snap.manifest == objs.manifest {
		return b.Label
	}
	return ""
}

// addedAll is the changes.json of a version that answers none: every
// clause added.
func addedAll(doc *clause.Document, ids []string) []ChangeEntry {
	out := make([]ChangeEntry, len(ids))
	for i, id := range ids {
		out[i] = ChangeEntry{ID: id, Change: clause.Added, Number: doc.Clauses[i].Number}
	}
	return out
}

// linkParts records, in the changes of a back-filled version (every
// clause added, one entry per clause of its document), how the version it
// precedes split or merged its clauses, read from diff, which compared
// that version (old) with it (new): a clause the later version split is
// listed with the parts it became (a merge in diff), a clause it merged
// into another with that other (a split in diff). The later version's own
// changes.json, written when it answered nothing, could not say so; log
// and blame read it here (index.acrossBackfill).
func linkParts(changes []ChangeEntry, diff *clause.Diff, ids []string) {
	for _, c := range diff.Changes {
		switch {
		case len(c.New) == 1 && len(c.Old) > 1:
			n := c.New[0]
			for _, o := range c.Old {
				if id := diff.Old.Clauses[o].ID; id != ids[n] {
					changes[n].Others = append(changes[n].Others, id)
				}
			}
		case len(c.New) > 1 && len(c.Old) == 1:
			into := diff.Old.Clauses[c.Old[0]].ID
			for _, n := range c.New {
				if ids[n] != into {
					changes[n].Others = []string{into}
				}
			}
		}
	}
}

// checkSameBase refuses base, as given to a re-import of version v, when
// it is not the version v answers: the same text answering another
// version is another version, as the same text of another date is.
func (s *Store) checkSameBase(v *Version, base string) error {
	if base == "" {
		return nil // the default: whatever v answers
	}
	b, err := s.Resolve(base)
	if err != nil {
		return err
	}
	if b.Commit == v.Parent {
		return nil
	}
	answers := "answering " + v.Base
	if v.Parent == "" {
		answers = "answering no version"
	}
	return fmt.Errorf("%s: %w by the same text %s, not %s: the version a version answers never changes; import it under another label", v.Label, errDuplicateLabel, answers, b.Label)
}

// checkNewLabel refuses a label already taken, by a version or a tag. The
// same import run again is a no-op, not an error, for which it returns
// the result; another party cannot take over the label, nor can the same
// text under another date or kind than the version has (opts as given,
// before defaults): said to be "nothing to import", the re-run that meant
// to put a date right left the wrong one with exit 0.
func (s *Store) checkNewLabel(ix *index, doc *clause.Document, opts ImportOptions) (*ImportResult, error) {
	if i, ok := ix.byLabel[opts.Label]; ok {
		v := &ix.Versions[i]
		same, err := s.holds(v, doc)
		if err != nil {
			return nil, s.fault(err)
		}
		if same && v.Party == opts.Party {
			if !opts.DateDefault && opts.Date != v.Date || opts.Kind != "" && opts.Kind != v.Kind {
				return nil, fmt.Errorf("%s: %w by the same text dated %s, kind %s: a version's date and kind never change; import it under another label", opts.Label, errDuplicateLabel, v.Date, v.Kind)
			}
			if err := s.checkSameBase(v, opts.Base); err != nil {
				return nil, err
			}
			return &ImportResult{Identical: opts.Label}, nil
		}
		return nil, fmt.Errorf("%s: %w (labels are tags: choose another)", opts.Label, errDuplicateLabel)
	}
	if _, err := s.repo.Reference(plumbing.NewTagReferenceName(opts.Label), false); err == nil {
		return nil, fmt.Errorf("%s: %w by a tag that is not a version", opts.Label, errDuplicateLabel)
	}
	if err := s.checkLabelClash(opts.Label); err != nil {
		return nil, err
	}
	return nil, s.checkLabelFree(ix, opts.Label, opts.Party)
}

// importBase is the version an import answers, read back from the store;
// an empty document, and no version, for the first import.
type importBase struct {
	version *Version
	snap    *snapshot
	doc     *clause.Document
	// precedes is set when the import answers no version but is dated
	// before every one: version is then the oldest, which the new one
	// precedes, and whose clauses lend it their ids.
	precedes bool
}

// resolveBase finds the version named by rev; when rev is "", the newest
// version dated no later than date, so that a version back-filled into the
// history answers what came before it, not the newest text, or, when
// every version is dated later, the oldest, which it precedes.
func (s *Store) resolveBase(ix *index, rev, date string) (importBase, error) {
	var b importBase
	var err error
	if rev != "" {
		if b.version, err = s.Resolve(rev); err != nil {
			return b, err
		}
	} else if len(ix.Versions) > 0 {
		i := ix.newestBy(date)
		if b.precedes = i < 0; b.precedes {
			i = 0
		}
		b.version = &ix.Versions[i]
	}
	if b.version == nil {
		b.doc = &clause.Document{}
		return b, nil
	}
	if b.snap, err = s.snapshot(b.version.Commit); err != nil {
		return b, s.fault(err)
	}
	b.doc, err = b.snap.document(s)
	return b, s.fault(err)
}

// versionObjects are the hashes of what writeObjects wrote.
type versionObjects struct {
	clauses     []object.TreeEntry
	clausesTree plumbing.Hash
	manifest    plumbing.Hash
	root        plumbing.Hash
}

// writeObjects writes a version's objects: clause blobs, then manifest,
// changes, marker and trees. Blobs the base already holds are not written
// again.
func (s *Store) writeObjects(doc *clause.Document, ids []string, changes []ChangeEntry, base *snapshot) (versionObjects, error) {
	var o versionObjects
	have := map[plumbing.Hash]bool{}
	if base != nil {
		for _, h := range base.blobs {
			have[h] = true
		}
	}
	o.clauses = make([]object.TreeEntry, len(doc.Clauses))
	total := 0
	for i := range doc.Clauses {
		if !validID(ids[i]) {
			return o, fmt.Errorf("clause %d has the id %.80q, which cannot name a file", i+1, ids[i])
		}
		text := formatClauseText(&doc.Clauses[i], doc.Clauses[i].Text)
		if total += len(text); total > maxVersionText {
			// What a store would refuse to read back is never written.
			return o, fmt.Errorf("more than %d MiB of text, the most a version holds", maxVersionText>>20)
		}
		h, err := s.writeBlob([]byte(text), have)
		if err != nil {
			return o, err
		}
		o.clauses[i] = object.TreeEntry{Name: ids[i] + ".txt", Mode: filemode.Regular, Hash: h}
		if i == len(doc.Clauses)/2 {
			fail(2)
		}
	}
	var err error
	if o.clausesTree, err = s.writeTree(o.clauses); err != nil {
		return o, s.fault(err)
	}
	if o.manifest, err = s.writeBlob(encodeManifest(manifestOf(doc, ids)), have); err != nil {
		return o, err
	}
	changesHash, err := s.writeBlob(encodeChanges(changes), have)
	if err != nil {
		return o, err
	}
	markerHash, err := s.writeBlob([]byte(marker), have)
	if err != nil {
		return o, err
	}
	o.root, err = s.writeTree([]object.TreeEntry{
		{Name: ".avenant", Mode: filemode.Regular, Hash: markerHash},
		{Name: "changes.json", Mode: filemode.Regular, Hash: changesHash},
		{Name: "clauses", Mode: filemode.Dir, Hash: o.clausesTree},
		{Name: "manifest.json", Mode: filemode.Regular, Hash: o.manifest},
	})
	return o, s.fault(err)
}

// writeCommit writes the version's commit: authored by the party at
// noon of the document's date, its trailers the version's metadata, its
// parent the base.
func (s *Store) writeCommit(root plumbing.Hash, base *Version, opts ImportOptions, seq int, when time.Time) (plumbing.Hash, error) {
	sig := object.Signature{Name: opts.Party, Email: Slug(opts.Party) + "@avenant.invalid", When: when}
	commit := &object.Commit{
		Author: sig, Committer: sig, TreeHash: root,
		Message: commitMessage(opts, seq),
	}
	if base != nil {
		commit.ParentHashes = []plumbing.Hash{plumbing.NewHash(base.Commit)}
	}
	obj := s.repo.Storer.NewEncodedObject()
	if err := commit.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := s.putObject(obj)
	if err != nil {
		return h, fmt.Errorf("%s: writing the commit: %w", s.Dir, err)
	}
	return h, nil
}

// publishRefs points the party branch and main at the new commit first,
// the tag last, because the tag is the commit point. A failure puts back
// what was moved; a crash leaves branches on a commit with no tag, which
// the next command moves back (repairRefs).
func (s *Store) publishRefs(ix *index, v *Version) error {
	commit := plumbing.NewHash(v.Commit)
	partyRef := s.partyBranch(ix, v.Party)
	mainRef := plumbing.NewBranchReferenceName(mainBranch)
	// A version back-filled into the history moves neither the party's
	// branch nor main, which follow the newest version by date.
	newest, newestOfParty := true, true
	for i := range ix.Versions {
		if w := &ix.Versions[i]; compareVersions(w, v) > 0 {
			newest = false
			newestOfParty = newestOfParty && w.Party != v.Party
		}
	}
	var moves []refMove
	if newestOfParty {
		moves = append(moves, refMove{name: partyRef, old: s.currentRef(partyRef), new: commit})
	}
	if newest {
		old := s.currentRef(mainRef)
		s.keepStrayMain(ix, old)
		moves = append(moves, refMove{name: mainRef, old: old, new: commit})
	}
	moves = append(moves, refMove{name: plumbing.NewTagReferenceName(v.Label), new: commit})
	return s.moveRefs(moves, func(i int) { fail(8 - len(moves) + i) })
}

// deltas are the index's record of a version's changes, each present
// clause with the blob of its text.
func deltas(changes []ChangeEntry, ids []string, clauses []object.TreeEntry) []Delta {
	blobOf := make(map[string]string, len(ids))
	for i, id := range ids {
		blobOf[id] = string(clauses[i].Hash[:])
	}
	var out []Delta
	for _, ch := range changes {
		d := Delta{ChangeEntry: ch}
		if !ch.Gone {
			d.Blob = blobOf[ch.ID]
		}
		out = append(out, d)
	}
	return out
}

// recordIndex adds the new version to the index, then repacks every
// RepackEvery imports.
func (s *Store) recordIndex(ix *index, v Version) int {
	at := s.appendIndex(ix, v)
	fail(8)
	if v.Seq%RepackEvery == 0 {
		if _, err := s.GC(GCGrace); err != nil {
			s.logf("clean-up: %v", err)
		}
	}
	return at
}

// checkImport validates the options and returns the commit time: noon UTC
// of the document's date.
func checkImport(opts *ImportOptions) (time.Time, error) {
	if strings.TrimSpace(opts.Party) == "" {
		return time.Time{}, errors.New("a party is required (--party)")
	}
	if opts.Kind == "" {
		opts.Kind = DefaultKind
	}
	for _, f := range [][2]string{{"party", opts.Party}, {"label", opts.Label}, {"kind", opts.Kind}, {"source name", opts.SourceName}} {
		if err := checkText(f[0], f[1]); err != nil {
			return time.Time{}, err
		}
	}
	slug := Slug(opts.Party)
	if slug == "" || slug == mainBranch || slug == "head" {
		return time.Time{}, fmt.Errorf("party %.80q: its branch name %q is not usable", opts.Party, slug)
	}
	if err := checkRefName(plumbing.NewBranchReferenceName(slug)); err != nil {
		return time.Time{}, fmt.Errorf("party %.80q: its branch %w", opts.Party, err)
	}
	if strings.ContainsAny(opts.Party, "<>") {
		return time.Time{}, fmt.Errorf("party %.80q: < and > are not allowed", opts.Party)
	}
	if err := checkLabel(opts.Label); err != nil {
		return time.Time{}, err
	}
	d, err := time.Parse("2006-01-02", opts.Date)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", opts.Date)
	}
	return d.Add(12 * time.Hour), nil
}

// holds reports whether version v holds exactly the clauses of doc.
func (s *Store) holds(v *Version, doc *clause.Document) (bool, error) {
	snap, err := s.snapshot(v.Commit)
	if err != nil {
		return false, err
	}
	have, err := snap.document(s)
	if err != nil {
		return false, err
	}
	return sameDocument(have, normalized(doc)), nil
}

// checkText refuses a name or trailer value holding control characters or
// escape sequences: what goes into a commit's author and trailers is
// printed by avenant and git alike, and must need no cleaning. Import and
// the reading of versions pulled from others apply the same rule.
func checkText(what, value string) error {
	if err := sanitize.Check(value); err != nil {
		return fmt.Errorf("%s %.80q: %w", what, value, err)
	}
	return nil
}

func commitMessage(opts ImportOptions, seq int) string {
	var b strings.Builder
	b.WriteString(opts.Label + "\n\n")
	for _, kv := range [][2]string{
		{"Avenant-Party", opts.Party}, {"Avenant-Kind", opts.Kind}, {"Avenant-Date", opts.Date},
		{"Avenant-Source-SHA256", opts.SourceSHA256}, {"Avenant-Source-Name", opts.SourceName},
		{"Avenant-Label", opts.Label}, {"Avenant-Seq", strconv.Itoa(seq)}, {"Avenant-Amends", opts.Amends},
		{"Avenant-Precedes", opts.precedes},
	} {
		if (kv[0] == "Avenant-Amends" || kv[0] == "Avenant-Precedes") && kv[1] == "" {
			continue
		}
		b.WriteString(kv[0] + ": " + kv[1] + "\n")
	}
	return b.String()
}

// normalized copies doc with each text as it will read back from the
// store, so that the comparison with the base, rebuilt from the store,
// sees no difference where the store would keep none.
func normalized(doc *clause.Document) *clause.Document {
	d := &clause.Document{Clauses: make([]clause.Clause, len(doc.Clauses))}
	copy(d.Clauses, doc.Clauses)
	for i := range d.Clauses {
		d.Clauses[i].Text = normalizeText(&d.Clauses[i])
	}
	return d
}

// sameDocument reports whether two documents hold the same clauses, in the
// same order and structure, ids aside.
func sameDocument(a, b *clause.Document) bool {
	if len(a.Clauses) != len(b.Clauses) {
		return false
	}
	for i := range a.Clauses {
		x, y := &a.Clauses[i], &b.Clauses[i]
		if x.Kind != y.Kind || x.Number != y.Number || x.Key != y.Key || x.Heading != y.Heading ||
			x.Text != y.Text || x.Parent != y.Parent || x.Depth != y.Depth || strings.Join(x.Path, "\x00") != strings.Join(y.Path, "\x00") ||
			!slices.Equal(x.Grid, y.Grid) {
			return false
		}
	}
	return true
}

// assignIDs gives each clause of the new document a stable id: the id of
// the base clause it matches, the part of a split that keeps the number
// (else the largest) keeping the original's, a merge that source's, a
// clause revived the id it had before its removal (revived, by index in
// d.New); other new clauses get their slug, suffixed so that it never
// reuses an id the store ever held. It also returns the change entries of
// changes.json.
func assignIDs(d *clause.Diff, revived map[int]string, used map[string]bool) ([]string, []ChangeEntry) {
	ids := make([]string, len(d.New.Clauses))
	oldID := func(i int) string { return d.Old.Clauses[i].ID }
	// The part of a split, or the source of a merge, that keeps the
	// number keeps the id (article 12 split into 12 and 12 bis is still
	// article 12); else the largest.
	keeper := func(doc *clause.Document, idx []int, key string) int {
		best := idx[0]
		for _, i := range idx[1:] {
			if len(doc.Clauses[i].Text) > len(doc.Clauses[best].Text) {
				best = i
			}
		}
		for _, i := range idx {
			if key != "" && doc.Clauses[i].Key == key {
				return i
			}
		}
		return best
	}
	for _, c := range d.Changes {
		switch {
		case len(c.Old) == 0:
			ids[c.New[0]] = revived[c.New[0]]
		case len(c.New) == 1:
			ids[c.New[0]] = oldID(keeper(d.Old, c.Old, d.New.Clauses[c.New[0]].Key))
		case len(c.New) > 1:
			k := keeper(d.New, c.New, d.Old.Clauses[c.Old[0]].Key)
			for _, n := range c.New {
				ids[n] = revived[n]
			}
			ids[k] = oldID(c.Old[0])
		}
	}
	for _, id := range ids {
		if id != "" {
			used[id] = true
		}
	}
	for i := range ids {
		if ids[i] == "" {
			ids[i] = freshID(&d.New.Clauses[i], used)
			used[ids[i]] = true
		}
	}
	var out []ChangeEntry
	for _, c := range d.Changes {
		if c.Kind == clause.Unchanged && !c.Renumbered && !c.Moved {
			continue
		}
		switch {
		case len(c.Old) == 0:
			out = append(out, ChangeEntry{ID: ids[c.New[0]], Change: c.Kind, Number: d.New.Clauses[c.New[0]].Number})
		case len(c.New) == 0:
			out = append(out, ChangeEntry{ID: oldID(c.Old[0]), Change: c.Kind, Number: d.Old.Clauses[c.Old[0]].Number, Gone: true})
		case len(c.New) > 1: // split
			keep := oldID(c.Old[0])
			var parts []string
			for _, n := range c.New {
				if ids[n] != keep {
					parts = append(parts, ids[n])
				}
			}
			for _, n := range c.New {
				e := ChangeEntry{ID: ids[n], Change: c.Kind, Number: d.New.Clauses[n].Number, Renumbered: c.Renumbered, Moved: c.Moved}
				if ids[n] == keep {
					e.Others = parts
				} else {
					e.Others = []string{keep}
				}
				out = append(out, e)
			}
		default: // one-to-one or merge
			n := c.New[0]
			keep := ids[n]
			e := ChangeEntry{ID: keep, Change: c.Kind, Number: d.New.Clauses[n].Number, Renumbered: c.Renumbered, Moved: c.Moved}
			for _, o := range c.Old {
				if oldID(o) != keep {
					e.Others = append(e.Others, oldID(o))
				}
			}
			out = append(out, e)
			for _, o := range c.Old {
				if oldID(o) != keep {
					out = append(out, ChangeEntry{ID: oldID(o), Change: c.Kind, Number: d.Old.Clauses[o].Number, Gone: true, Others: []string{keep}})
				}
			}
		}
	}
	return ids, out
}

// traceChanges records in each change entry the amending instructions
// that caused it (ImportOptions.By and ByRemoved), and the steps that
// tell their words apart when there are several.
func traceChanges(changes []ChangeEntry, ids []string, base, doc *clause.Document, opts ImportOptions) {
	if len(opts.By) == 0 && len(opts.ByRemoved) == 0 {
		return
	}
	byID := map[string]string{}
	for i, by := range opts.ByRemoved {
		if i >= 0 && i < len(base.Clauses) {
			byID[base.Clauses[i].ID] = by
		}
	}
	stepsOf := map[string][]Step{}
	for i, steps := range opts.By {
		if i < 0 || i >= len(ids) || len(steps) == 0 {
			continue
		}
		names := make([]string, len(steps))
		for k, st := range steps {
			names[k] = st.By
		}
		by := strings.Join(names, "; ")
		// A clause removed and put back elsewhere (a row moved) keeps its
		// id: both instructions made the change, the last wrote its text.
		if prior := byID[ids[i]]; prior != "" && prior != by {
			by = prior + "; " + by
		}
		byID[ids[i]] = by
		if len(steps) > 1 || by != steps[0].By {
			recorded := make([]Step, len(steps))
			for k, st := range steps[:len(steps)-1] {
				recorded[k] = Step{By: st.By, Text: formatClauseText(&doc.Clauses[i], st.Text)}
			}
			recorded[len(steps)-1] = Step{By: steps[len(steps)-1].By}
			stepsOf[ids[i]] = recorded
		}
	}
	for k := range changes {
		changes[k].By = byID[changes[k].ID]
		if !changes[k].Gone {
			changes[k].Steps = stepsOf[changes[k].ID]
		}
	}
}

// freshID derives a new clause's id from its parser slug, else its kind and
// number, suffixed -2, -3… past every id in used.
func freshID(c *clause.Clause, used map[string]bool) string {
	base := Slug(c.ID)
	if base == "" {
		base = Slug(string(c.Kind) + " " + c.Number)
	}
	if base == "" {
		base = "clause"
	}
	return uniqueName(base, func(id string) bool { return used[id] })
}

// writeBlob stores data as a blob unless have already holds its hash;
// data too large is the document's fault, a write that fails the store's.
func (s *Store) writeBlob(data []byte, have map[plumbing.Hash]bool) (plumbing.Hash, error) {
	if len(data) > maxObjectBytes {
		return plumbing.ZeroHash, fmt.Errorf("a file of %d MiB, more than the %d MiB a store reads back", len(data)>>20, maxObjectBytes>>20)
	}
	h, err := s.putBlob(data, have)
	return h, s.fault(err)
}

func (s *Store) putBlob(data []byte, have map[plumbing.Hash]bool) (plumbing.Hash, error) {
	h := plumbing.ComputeHash(plumbing.BlobObject, data)
	if have[h] {
		return h, nil
	}
	if s.hasObject(h) {
		have[h] = true
		return h, nil
	}
	obj := s.repo.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return h, err
	}
	if _, err := w.Write(data); err != nil {
		return h, err
	}
	if err := w.Close(); err != nil {
		return h, err
	}
	if _, err := s.putObject(obj); err != nil {
		return h, fmt.Errorf("%s: writing a blob: %w", s.Dir, err)
	}
	have[h] = true
	return h, nil
}

// writeTree stores a tree, its entries sorted as git wants them: by name,
// a directory's name compared as if it ended with "/".
func (s *Store) writeTree(entries []object.TreeEntry) (plumbing.Hash, error) {
	sorted := make([]object.TreeEntry, len(entries))
	copy(sorted, entries)
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(sorted, func(i, j int) bool { return key(sorted[i]) < key(sorted[j]) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Name == sorted[i-1].Name {
			return plumbing.ZeroHash, fmt.Errorf("duplicate tree entry %q", sorted[i].Name)
		}
	}
	t := &object.Tree{Entries: sorted}
	obj := s.repo.Storer.NewEncodedObject()
	if err := t.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.putObject(obj)
}

// appendIndex records a new version in the index and saves it; a failure
// to save only costs a rebuild later.
func (s *Store) appendIndex(ix *index, v Version) int {
	at := ix.insertVersion(v)
	fp, dirs, err := s.fingerprint()
	if err != nil {
		s.idx = nil
		return at
	}
	ix.Fingerprint, ix.tagDirs = fp, dirs
	s.idx = ix
	if err := s.saveIndex(ix); err != nil {
		s.cacheNotSaved("the index", err)
	}
	return at
}
