package store

import (
	"strconv"
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
// slug of the party's name, made safe and unique by uniqueName: a name
// Windows keeps for a device ("CON", "nul") is suffixed, as a clause id is
// ("con-1"), and a slug another party's branch already bears ("MG-France"
// after "MG France") takes the next free suffix, so that no import of one
// party ever moves another's branch. Whose a branch is, is read from the
// version it points at, so the name needs no decoding. When the name so
// found is no branch yet, a branch that points at one of the party's
// versions is the party's: stores written before slugs spelt ligatures
// out ("Cœur" made "c-ur", now "coeur"), or before names were made safe,
// keep their branch instead of starting a second one for the same party.
func (s *Store) partyBranch(ix *index, party string) plumbing.ReferenceName {
	owner := func(name string) (string, bool) {
		ref, err := s.repo.Reference(plumbing.NewBranchReferenceName(name), true)
		if err != nil {
			return "", false
		}
		if i, ok := ix.byCommit[ref.Hash().String()]; ok {
			return ix.Versions[i].Party, true
		}
		if c, err := s.repo.CommitObject(ref.Hash()); err == nil {
			v, _ := versionOf(c) // an import that died before its tag
			return v.Party, true
		}
		return "", true
	}
	slug := Slug(party)
	name := uniqueName(slug, func(n string) bool {
		p, exists := owner(n)
		return exists && p != party || n == mainBranch
	})
	ref := plumbing.NewBranchReferenceName(name)
	if _, exists := owner(name); exists {
		return ref
	}
	branches, err := s.repo.Branches()
	if err != nil {
		return ref
	}
	_ = branches.ForEach(func(b *plumbing.Reference) error {
		if b.Name().Short() == mainBranch {
			return nil
		}
		if i, ok := ix.byCommit[b.Hash().String()]; ok && ix.Versions[i].Party == party {
			ref = b.Name()
			return storer.ErrStop
		}
		return nil
	})
	return ref
}

// uniqueName is base, suffixed "-1" when it is a Windows device name and
// "-2", "-3"… while taken says it is taken: the rule for clause ids and
// party branches alike.
func uniqueName(base string, taken func(string) bool) string {
	if windowsDevice(base) {
		base += "-1"
	}
	name := base
	for n := 2; taken(name); n++ {
		name = base + "-" + strconv.Itoa(n)
	}
	return name
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

// PartyBranch is the name of the branch that follows party's latest
// version (partyBranch), without refs/heads/.
func (s *Store) PartyBranch(party string) (string, error) {
	ix, err := s.lazyIndex()
	if err != nil {
		return "", err
	}
	return s.partyBranch(ix, party).Short(), nil
}
