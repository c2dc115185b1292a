// Package store keeps the versions of a negotiated text in a plain git
// repository, one commit per imported version, so that git log, git show,
// git blame, git clone and git fsck work on it as on any repository.
//
// # Layout
//
// A store is a git repository in DIR/.git whose config holds
// avenant.store = 1 and core.bare = true. Every version's tree is:
//
//	.avenant          marker: "avenant store v1", committed in every version
//	manifest.json     the ordered outline: one JSON object a line per clause
//	                  (id, kind, number, key, heading, parent id, depth, path)
//	changes.json      what happened to each clause since the parent commit:
//	                  one JSON object a line (id, change, number, renumbered,
//	                  moved, others; by, the amending instructions behind
//	                  the change, for a version imported with --amends, and
//	                  steps, the text each left when there were several);
//	                  unchanged clauses are left out; "rules" is the
//	                  changesRule it was derived by (rederive.go)
//	clauses/<id>.txt  one file per clause, named by its stable id
//
// A clause's stable id is the parser's slug of the clause when it first
// appeared ("art-28-1"), suffixed -2, -3… when that slug was ever used
// before in the store. Import aligns each new version with its base
// (clause.Compare), and matched clauses keep their id through renumbering
// and moves, so a clause file's git history is the clause's history. On a
// split the part that keeps the number (else the largest) keeps the id; on
// a merge the source whose number the result bears (else the largest) keeps
// it and the others are recorded as merged into it. A clause the
// base lacks but its line removed earlier takes back that clause's id when
// the two pair (revivals): an article re-established after its deletion;
// one that a version off the line added takes its id when the two pair
// and their texts are alike: an article taken from a counter-proposal.
//
// Clause files hold the clause text one sentence per line, paragraphs
// separated by a blank line, so that plain git diff and git blame read well.
// What this normalises, and so what a rebuilt clause.Text loses: line
// wrapping inside a paragraph (lines are joined by one space, except before
// a line starting with a list or table marker: "-", "•", "*", "|", "1°",
// "a)"…), runs of spaces and tabs (one space), and trailing spaces;
// a table row set in columns is kept line for line instead (see
// formatClauseText). A
// sentence ends at . ; : ? or ! followed by a space and an upper-case
// letter, a digit or a list marker; the break is undone by joining with a
// space.
//
// Each commit is authored and committed by the party
// ("MG France <mg-france@avenant.invalid>") at noon UTC of the document's
// date; its message is the label, a blank line and the trailers
// Avenant-Party, Avenant-Kind, Avenant-Date, Avenant-Source-SHA256,
// Avenant-Source-Name, Avenant-Label and Avenant-Seq (the import order),
// and Avenant-Amends (the label of the base) for the consolidation of an
// amending text.
// Its parent is the version it answers: by default the newest version
// dated no later than it. The store's order is by date, then import order
// (order.go). A version dated before every one answers none and names the
// oldest, whose clause ids it took, in Avenant-Precedes.
//
// # References
//
// Each version is tagged with its label (a lightweight tag); each party's
// latest version is the branch refs/heads/<party-slug>; refs/heads/main,
// which HEAD points to, is the newest version by date. main is each
// store's own: push and pull exchange the tags and party branches only,
// and a pull moves main to the newest version. The tag is the commit
// point of an import: objects are written first, then the party branch and
// main, then the tag. A version exists when its tag points to a commit
// whose Avenant-Label trailer names it. Every reference name is checked
// (go-git's ReferenceName.Validate, and a length that leaves room for
// git's ".lock") before any is written; a failure puts back the branches
// already moved, and branches left on a tagless commit by a crash are
// moved back by the next command that takes the lock (a failed repair is
// a notice, never an error). Labels that another name would shadow (HEAD,
// main, a party branch, 4 to 40 hex digits) are refused.
//
// Imports, pushes and pulls hold an exclusive flock(2) on
// .git/avenant.lock for their whole run, waiting up to lockWait for it.
// The kernel releases it when the process ends, however it ends: no lock
// is ever stale, none is broken by hand, and the file is never removed.
//
// # Working tree
//
// avenant never uses a working tree: it writes objects and references
// directly. A store is therefore bare (core.bare = true, with the
// repository format version git needs to honour it) although its objects
// live in DIR/.git: git log, show, blame, clone and fsck work as in any
// repository, while git status and git commit refuse to run instead of
// seeing every clause deleted. Stores made before are made bare when
// opened. "git clone DIR copy" gives a reader the files.
//
// # Index
//
// .git/avenant/index caches, per version, its metadata and the clauses
// that changed in it (id, blob, number, change kind), read from the
// commits, their changes.json and trees alone, in a compact format of its
// own, ending with its CRC-32 (an index of an older format, one whose
// checksum fails, or the index.gob of earlier releases, is rebuilt; so is
// a manifest cached under .git/avenant/manifests). It is rebuilt whenever it is missing or its fingerprint of
// the version tags differs from the repository's, so log and blame cost
// the changes of one clause, not commits × clauses. A rebuild reads no
// clauses tree: a version's clause count and its changed clauses' blobs
// are read from its tree when versions or blame first needs them, then
// kept in the index.
//
// # Packing and clean-up
//
// go-git writes loose objects only, one file each. An import of packFrom
// objects or more holds them in memory and writes them as one pack;
// smaller ones write them loose. Every RepackEvery versions, and on
// avenant gc, GC packs every reachable object into one pack (Repack) and
// removes the loose objects no version reaches and the temporary files
// killed imports leave, once older than a grace period.
package store
