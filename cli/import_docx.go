package cli

import (
	"fmt"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/store"
)

// The values of avenant import --changes.
const (
	changesAccept = "accept"
	changesReject = "reject"
	changesSplit  = "split"
)

// changesUsage is the help of the --changes flag.
const changesUsage = "tracked changes of a .docx: accept, reject, or split (import the text with every change rejected, then with every change accepted)"

// parseChanges validates --changes: the side to read, or split.
func parseChanges(s string) (mode reader.ChangeMode, split bool, err error) {
	switch s {
	case "", changesAccept:
		return reader.Accept, false, nil
	case changesReject:
		return reader.Reject, false, nil
	case changesSplit:
		return reader.Accept, true, nil
	}
	return 0, false, usageError{fmt.Errorf("--changes %q: want accept, reject or split", s)}
}

// importTracked imports a Word document with tracked changes as two
// versions: every change rejected (label "<label>-base", party --party),
// then every change accepted (label "<label>", based on the first, party the
// changes' author(s) when the file names any). The rejected text is not
// imported again when it is identical to its base, the usual case of a
// counter-proposal made on the proposal already in the store: the accepted
// version then answers that one. A file without tracked changes is imported
// once, under its label.
func importTracked(s *store.Store, t *trackedDocs, opts store.ImportOptions) (rejected, accepted *store.ImportResult, err error) {
	opts.SourceSHA256 = t.SHA256
	if !t.Changes.Any() {
		accepted, err = s.Import(t.accepted, opts)
		return nil, accepted, err
	}
	ropts := opts
	ropts.Label = opts.Label + "-base"
	ropts.SourceName += " (changes rejected)"
	ropts.SkipIdentical = true
	rejected, err = s.Import(t.rejected, ropts)
	if err != nil {
		return nil, nil, fmt.Errorf("its text with the changes rejected: %w", err)
	}
	opts.Base = rejected.Identical
	if rejected.Version != nil {
		opts.Base = rejected.Version.Label
	}
	if len(t.Changes.Authors) > 0 {
		opts.Party = strings.Join(t.Changes.Authors, ", ")
	}
	opts.SourceName += " (changes accepted)"
	if accepted, err = s.Import(t.accepted, opts); err != nil {
		return rejected, nil, fmt.Errorf("its text with the changes accepted: %w", err)
	}
	return rejected, accepted, nil
}

// trackedDocs is a Word document with tracked changes, both its texts
// parsed before anything is imported.
type trackedDocs struct {
	*reader.Tracked
	accepted, rejected *clause.Document
}

// parseTracked parses both texts of t; rejected stays nil when t has no
// tracked change.
func parseTracked(t *reader.Tracked) (*trackedDocs, error) {
	d := &trackedDocs{Tracked: t}
	var err error
	if d.accepted, err = clause.ParseBounded(t.Accepted); err != nil {
		return nil, err
	}
	if t.Changes.Any() {
		if d.rejected, err = clause.ParseBounded(t.Rejected); err != nil {
			return nil, err
		}
	}
	return d, nil
}
