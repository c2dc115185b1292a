package store

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
)

// defaultRemote is the remote push and pull use when none is named, the
// one Clone records.
const defaultRemote = "origin"

// fetchNS is where push and pull fetch the remote's branches and tags
// before deciding anything: fetching straight into refs/tags would let
// go-git overwrite a local tag, and refs/heads a local branch. It is
// emptied before and after each use, so that a ref left by a crash is
// never read as the remote's.
const fetchNS = "refs/avenant/fetch/"

// RemoteOptions tune Clone, Push and Pull.
type RemoteOptions struct {
	// Auth authenticates to the remote; nil leaves it to go-git: the ssh
	// agent for ssh URLs, anonymous access otherwise.
	Auth transport.AuthMethod
	// Progress receives the remote's progress messages; nil discards them.
	Progress io.Writer
	// Context bounds the network operations; nil means no bound.
	Context context.Context
}

func (o RemoteOptions) ctx() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// RefUpdate is one reference a push or a pull created or moved.
type RefUpdate struct {
	// Name is the short name: the branch ("mg-france") or the tag
	// ("MG-2024").
	Name string
	Tag  bool
	// Old is the commit the reference pointed to, "" for a new one.
	Old, New string
}

// refName is the full name of the reference u moves.
func (u RefUpdate) refName() plumbing.ReferenceName {
	if u.Tag {
		return plumbing.NewTagReferenceName(u.Name)
	}
	return plumbing.NewBranchReferenceName(u.Name)
}

// PushResult says what Push did.
type PushResult struct {
	Remote string
	// Updated are the references written on the remote: branches, then
	// tags, each sorted by name. Empty means everything was up to date.
	Updated []RefUpdate
	// Behind names the branches on which the remote is ahead: they were
	// left alone, and a pull brings their versions.
	Behind []string
}

// PullResult says what Pull did.
type PullResult struct {
	Remote  string
	Updated []RefUpdate
	// Versions are the versions the pull brought, in import order.
	Versions []Version
	// Ahead names the branches on which this store is ahead: a push
	// shares their versions.
	Ahead []string
}

// Conflict is a reference that cannot be moved without losing a version.
type Conflict struct {
	Name string
	Tag  bool
	// Remote and Local are the commits on either side.
	Remote, Local string
}

// errRefused is wrapped by the errors of a push or a pull refused because
// a branch has diverged or a tag differs.
var errRefused = errors.New("refused")

// RefusedError is a push or pull refused before anything was written.
type RefusedError struct {
	// Op is "push to origin" or "pull from origin".
	Op string
	// Conflicts are party branches first, then tags.
	Conflicts []Conflict
	hint      string
}

func (e *RefusedError) Error() string {
	c := e.Conflicts[0]
	what := "branch " + c.Name + " has diverged"
	if c.Tag {
		what = "tag " + c.Name + " differs"
	}
	more := ""
	if n := len(e.Conflicts) - 1; n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%s refused: %s (remote %s, local %s)%s; %s",
		e.Op, what, shortHash(c.Remote), shortHash(c.Local), more, e.hint)
}

// Unwrap lets errors.Is(err, errRefused) hold.
func (e *RefusedError) Unwrap() error { return errRefused }

func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}
