package store

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Slug turns a name into lower-case ASCII letters, digits and single
// hyphens (see frtext.Slug). It is used for party branches, author
// e-mails and clause file names.
func Slug(s string) string { return frtext.Slug(s) }

// partyBranch names the branch that follows a party's latest version: the
// slug of the party's name or, when no branch has that name, the branch
// that points at one of the party's versions. Stores written before slugs
// spelt ligatures out ("Cœur" made "c-ur", now "coeur") so keep their
// branch instead of starting a second one for the same party.
func (s *Store) partyBranch(ix *index, party string) plumbing.ReferenceName {
	name := plumbing.NewBranchReferenceName(Slug(party))
	if _, err := s.repo.Reference(name, false); err == nil {
		return name
	}
	branches, err := s.repo.Branches()
	if err != nil {
		return name
	}
	found := name
	_ = branches.ForEach(func(ref *plumbing.Reference) error {
		if ref.Name().Short() == mainBranch {
			return nil
		}
		if i, ok := ix.byCommit[ref.Hash().String()]; ok && ix.Versions[i].Party == party {
			found = ref.Name()
			return storer.ErrStop
		}
		return nil
	})
	return found
}

// windowsDevice reports a slug that Windows reserves for a device whatever
// its extension: a clause headed "CON", "Aux" or "NUL" would make
// clauses/con.txt, which git for Windows refuses to check out, so a store
// with it could not be cloned there.
func windowsDevice(slug string) bool {
	switch slug {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(slug) == 4 && (strings.HasPrefix(slug, "com") || strings.HasPrefix(slug, "lpt")) && slug[3] >= '0' && slug[3] <= '9'
}
