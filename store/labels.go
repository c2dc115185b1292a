package store

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// gitNames are names git and avenant resolve before any label: a label
// spelled like one would never be reached.
var gitNames = []string{"HEAD", "@", "FETCH_HEAD", "ORIG_HEAD", "MERGE_HEAD", mainBranch}

// checkLabel refuses a label that git cannot take as a tag, or that
// another way of naming a revision would shadow or be shadowed by (see
// Resolve): HEAD and git's other names, main, anything that reads as a
// commit id or a prefix of one (4 to 40 hex digits: "2024" too).
func checkLabel(label string) error {
	if err := checkRefName(plumbing.NewTagReferenceName(label)); err != nil {
		return fmt.Errorf("label %w", err)
	}
	for _, n := range gitNames {
		if strings.EqualFold(label, n) {
			return fmt.Errorf("label %q: reserved, it names a git reference; choose another", label)
		}
	}
	for _, part := range strings.Split(label, "/") {
		if stem, _, _ := strings.Cut(part, "."); windowsDevice(strings.ToLower(stem)) {
			return fmt.Errorf("label %q: Windows keeps %s for a device, and git for Windows cannot check out its tag; choose another", label, stem)
		}
	}
	if len(label) >= 4 && len(label) <= 40 && isHex(label) {
		return fmt.Errorf("label %q: reads as a commit id; choose another (such as V-%s)", label, label)
	}
	for _, p := range gitPrefixes {
		if strings.HasPrefix(label, p) {
			return fmt.Errorf("label %q: git reads it as another reference (%s…); choose another", label, p)
		}
	}
	return nil
}

// gitPrefixes start the names git resolves before a tag's: "git show
// heads/main" (or "refs/heads/main") is the branch main, never the tag
// refs/tags/heads/main a label so spelt would make.
var gitPrefixes = []string{"refs/", "heads/", "tags/", "remotes/"}

// checkLabelFree refuses a label that is the name of a branch of the
// store, or would be the branch of party: "avenant show cnam" must mean
// one thing.
func (s *Store) checkLabelFree(ix *index, label, party string) error {
	heads, err := refsUnder(s.gitDir, "refs/heads/")
	if err != nil {
		return err
	}
	if _, ok := heads[label]; ok || label == s.partyBranch(ix, party).Short() {
		return fmt.Errorf("label %q: reserved, it is the name of a party branch; choose another", label)
	}
	return nil
}

// checkLabelClash refuses a label whose tag could not live beside a tag of
// the store in every copy of it (see tagSpace.clash).
func (s *Store) checkLabelClash(label string) error {
	tags, err := s.tags()
	if err != nil {
		return err
	}
	return newTagSpace(slices.Sorted(maps.Keys(tags))).clash(label)
}

// tagSpace holds tag names as a file system that ignores case and Unicode
// normalisation sees them (foldRefName): a tag's file, and the directories
// its name makes.
type tagSpace struct {
	// files and dirs map each folded name, and each directory a name
	// makes, to the tag that made it.
	files, dirs map[string]string
}

func newTagSpace(names []string) *tagSpace {
	sp := &tagSpace{files: map[string]string{}, dirs: map[string]string{}}
	for _, n := range names {
		sp.add(n)
	}
	return sp
}

func (sp *tagSpace) add(name string) {
	k := foldRefName(name)
	sp.files[k] = name
	for i := range len(k) {
		if k[i] == '/' {
			if _, ok := sp.dirs[k[:i]]; !ok {
				sp.dirs[k[:i]] = name
			}
		}
	}
}

// clash refuses a tag name that cannot stand beside those of sp: one that
// differs from another only in case, or in how its accents are encoded
// (RA-2023 and ra-2023, é typed composed or not), is the same file on
// Windows and macOS; one that is the other's directory (a and a/b) is
// refused by git itself, which then cannot clone or push the store, and
// before that by the file system, with a message about renaming a
// temporary file.
func (sp *tagSpace) clash(label string) error {
	other, nested := sp.clashWith(label)
	switch {
	case other == "":
		return nil
	case nested:
		return fmt.Errorf("label %q: tag %q exists, and a tag cannot also be the directory of another (git refuses to clone or push the two); choose another", label, other)
	}
	return fmt.Errorf("label %q: tag %q differs from it only in case or in the encoding of its accents, and Windows and macOS keep both in one file; choose another", label, other)
}

// clashWith is the tag of sp that label cannot stand beside ("" for
// none), and whether one of the two is the other's directory.
func (sp *tagSpace) clashWith(label string) (other string, nested bool) {
	k := foldRefName(label)
	if n, ok := sp.files[k]; ok && n != label {
		return n, false
	}
	if n, ok := sp.dirs[k]; ok {
		return n, true
	}
	for i := range len(k) {
		if n, ok := sp.files[k[:i]]; ok && k[i] == '/' {
			return n, true
		}
	}
	return "", false
}

// checkTagsApart refuses tags that cannot stand side by side in a store
// (tagSpace.clash), naming two of them.
func checkTagsApart(tags []string) error {
	sp := newTagSpace(nil)
	for _, t := range tags {
		other, nested := sp.clashWith(t)
		switch {
		case other == "":
			sp.add(t)
			continue
		case nested:
			return fmt.Errorf("tags %q and %q: a tag cannot also be the directory of another (git refuses to clone or push the two)", other, t)
		}
		return fmt.Errorf("tags %q and %q differ only in case or in the encoding of their accents, and Windows and macOS keep both in one file", other, t)
	}
	return nil
}

// foldRefName is the name as a file system that ignores case and Unicode
// normalisation sees it.
func foldRefName(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}

// FileLabel is a version label made of a file's name, for a store built
// from files (avenant tui A B): the name with each character git refuses
// in a reference replaced by '-', or fallback when even that is no label
// (a name that reads as a commit id, HEAD, a device name…).
func FileLabel(name, fallback string) string {
	l := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || strings.ContainsRune("~^:?*[\\", r) {
			return '-'
		}
		return r
	}, name)
	l = strings.NewReplacer("..", "-", "@{", "-{").Replace(l)
	if checkLabel(l) != nil {
		return fallback
	}
	return l
}
