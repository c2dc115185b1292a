package store

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

const (
	textV1 = "#### Article 1 - Objet\n\nLa convention règle les rapports entre les médecins et l'assurance maladie.\n\n" +
		"#### Article 2 - Tarifs\n\nLa consultation est valorisée à 25 €. Le tarif est révisé chaque année.\n"
	textV2 = "#### Article 1 - Objet\n\nLa convention règle les rapports entre les médecins et l'assurance maladie.\n\n" +
		"#### Article 2 - Tarifs\n\nLa consultation est valorisée à 26,50 €. Le tarif est révisé chaque année.\n"
	textV3 = textV2 + "\n#### Article 3 - Durée\n\nLa convention est conclue pour cinq ans.\n"
	textVA = textV3 + "\n#### Article 4 - Suivi\n\nUn comité paritaire se réunit chaque trimestre.\n"
	textVB = textV3 + "\n#### Article 4 - Suivi\n\nUn comité paritaire se réunit chaque semestre.\n"
)

// bareRemote creates an empty bare repository, returning its directory.
// go-git's file transport runs git-upload-pack and git-receive-pack, so
// the git CLI is needed.
func bareRemote(t *testing.T) string {
	t.Helper()
	if !hasGit() {
		t.Skip("git CLI not installed: go-git's file transport runs git-upload-pack")
	}
	dir := filepath.Join(t.TempDir(), "remote.git")
	if _, err := git.PlainInit(dir, true); err != nil {
		t.Fatal(err)
	}
	return dir
}

// gitDaemon serves base over git:// on a free port of 127.0.0.1, with
// receive-pack enabled, until the test ends; it returns the URL prefix.
func gitDaemon(t *testing.T, base string) string {
	t.Helper()
	if !hasGit() {
		t.Skip("git CLI not installed")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no loopback network: %v", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	// The git-daemon binary itself, not "git daemon": killing the git
	// wrapper would leave its git-daemon child serving.
	out, err := exec.Command("git", "--exec-path").Output()
	if err != nil {
		t.Skipf("git --exec-path: %v", err)
	}
	daemon := filepath.Join(strings.TrimSpace(string(out)), "git-daemon")
	if _, err := os.Stat(daemon); err != nil {
		t.Skipf("no git-daemon: %v", err)
	}
	cmd := exec.Command(daemon, "--reuseaddr", "--base-path="+base, "--export-all",
		"--enable=receive-pack", "--listen=127.0.0.1", fmt.Sprintf("--port=%d", port), base)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+base)
	// A file, not a pipe: the daemon's children inherit it, and Wait
	// would wait for them to close a pipe.
	logPath := filepath.Join(t.TempDir(), "daemon.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Skipf("git daemon: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logPath)
			t.Fatalf("git daemon did not listen on %s: %v\n%s", addr, err, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return "git://" + addr + "/"
}

// refsOf maps every branch and tag of the repository in dir (not the
// remote-tracking branches, which differ from one clone to another) to its
// hash.
func refsOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	iter, err := repo.References()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	iter.ForEach(func(r *plumbing.Reference) error {
		n := r.Name()
		// main is each store's own: it is never exchanged.
		if r.Type() == plumbing.HashReference && (n.IsBranch() || n.IsTag()) && n.Short() != mainBranch {
			out[n.String()] = r.Hash().String()
		}
		return nil
	})
	return out
}

func labelsOf(t *testing.T, s *Store) []string {
	t.Helper()
	ix, err := s.index()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range ix.Versions {
		out = append(out, v.Label)
	}
	return out
}

func updatedNames(us []RefUpdate) []string {
	var out []string
	for _, u := range us {
		prefix := "branch "
		if u.Tag {
			prefix = "tag "
		}
		out = append(out, prefix+u.Name)
	}
	return out
}

// TestShare runs the sharing scenario against a bare repository over
// file:// and over git:// served by git daemon.
func TestShare(t *testing.T) {
	for _, transport := range []string{"file", "git"} {
		t.Run(transport, func(t *testing.T) {
			remoteDir := bareRemote(t)
			url := "file://" + remoteDir
			if transport == "git" {
				url = gitDaemon(t, filepath.Dir(remoteDir)) + filepath.Base(remoteDir)
			}
			testShare(t, url, remoteDir)
		})
	}
}

func testShare(t *testing.T, url, remoteDir string) {
	a := newStore(t)
	mustImport(t, a, textV1, "CNAM", "CNAM-2024", "2024-01-10")
	mustImport(t, a, textV2, "MG France", "MG-2024", "2024-02-01")

	// A has no origin: it pushes by URL.
	r, err := a.Push(url, RemoteOptions{})
	if err != nil {
		t.Fatalf("first push: %v", err)
	}
	want := []string{"branch cnam", "branch mg-france", "tag CNAM-2024", "tag MG-2024"}
	if got := updatedNames(r.Updated); !reflect.DeepEqual(got, want) {
		t.Fatalf("first push updated %v, want %v", got, want)
	}
	if got, want := refsOf(t, remoteDir), refsOf(t, a.Dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("remote refs after push:\n%v\nwant\n%v", got, want)
	}
	if r, err := a.Push(url, RemoteOptions{}); err != nil || len(r.Updated) != 0 {
		t.Fatalf("second push: %v, updated %v; want nothing", err, r)
	}

	b, err := Clone(url, filepath.Join(t.TempDir(), "b"), RemoteOptions{})
	if err != nil {
		t.Fatalf("clone: %v", err)
	}
	if got, want := refsOf(t, b.Dir), refsOf(t, a.Dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("clone refs:\n%v\nwant\n%v", got, want)
	}
	if got := labelsOf(t, b); !reflect.DeepEqual(got, []string{"CNAM-2024", "MG-2024"}) {
		t.Fatalf("clone versions %v", got)
	}
	if !isStore(filepath.Join(b.Dir, ".git")) {
		t.Fatal("the clone is not marked avenant.store = 1")
	}
	if _, err := Discover(b.Dir); err != nil {
		t.Fatal(err)
	}

	// B adds another party's version and pushes it to origin.
	mustImport(t, b, textV3, "CSMF", "CSMF-2024", "2024-03-01")
	r, err = b.Push("", RemoteOptions{})
	if err != nil {
		t.Fatalf("push from the clone: %v", err)
	}
	want = []string{"branch csmf", "tag CSMF-2024"}
	if got := updatedNames(r.Updated); !reflect.DeepEqual(got, want) {
		t.Fatalf("clone push updated %v, want %v", got, want)
	}

	// A pulls it and ends with B's references.
	p, err := a.Pull(url, RemoteOptions{})
	if err != nil {
		t.Fatalf("pull: %v", err)
	}
	if len(p.Versions) != 1 || p.Versions[0].Label != "CSMF-2024" || p.Versions[0].Base != "MG-2024" {
		t.Fatalf("pull brought %+v, want CSMF-2024 based on MG-2024", p.Versions)
	}
	if got, want := refsOf(t, a.Dir), refsOf(t, b.Dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("refs after pull:\n%v\nwant\n%v", got, want)
	}
	if got := labelsOf(t, a); !reflect.DeepEqual(got, []string{"CNAM-2024", "MG-2024", "CSMF-2024"}) {
		t.Fatalf("versions after pull %v", got)
	}
	if p, err := a.Pull(url, RemoteOptions{}); err != nil || len(p.Updated) != 0 {
		t.Fatalf("second pull: %v, %+v; want nothing", err, p)
	}

	// Both answer CSMF-2024 for MG France: B pushes first, A is refused.
	mustImport(t, a, textVA, "MG France", "MG-2024-a", "2024-04-01")
	mustImport(t, b, textVB, "MG France", "MG-2024-b", "2024-04-02")
	if _, err := b.Push("", RemoteOptions{}); err != nil {
		t.Fatalf("push from B: %v", err)
	}
	refsA, refsB, refsRemote := refsOf(t, a.Dir), refsOf(t, b.Dir), refsOf(t, remoteDir)
	_, err = a.Push(url, RemoteOptions{})
	var refused *RefusedError
	if !errors.As(err, &refused) || !errors.Is(err, errRefused) {
		t.Fatalf("diverged push: %v, want a RefusedError", err)
	}
	aTip, bTip := refsA["refs/heads/mg-france"], refsB["refs/heads/mg-france"]
	wantMsg := fmt.Sprintf("push to %s refused: branch mg-france has diverged (remote %s, local %s); pull first", url, bTip[:7], aTip[:7])
	if err.Error() != wantMsg {
		t.Errorf("message:\n%s\nwant\n%s", err, wantMsg)
	}
	if got := refusedNames(refused); !reflect.DeepEqual(got, []string{"mg-france"}) {
		t.Errorf("conflicts %v, want mg-france then main", got)
	}
	_, err = a.Pull(url, RemoteOptions{})
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "branch mg-france has diverged") {
		t.Fatalf("diverged pull: %v, want a refusal", err)
	}
	// Nothing lost or moved anywhere.
	for _, c := range []struct {
		dir  string
		want map[string]string
	}{{a.Dir, refsA}, {b.Dir, refsB}, {remoteDir, refsRemote}} {
		if got := refsOf(t, c.dir); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: refs changed by a refused push or pull:\n%v\nwant\n%v", c.dir, got, c.want)
		}
	}
	if got := labelsOf(t, a); !reflect.DeepEqual(got, []string{"CNAM-2024", "MG-2024", "CSMF-2024", "MG-2024-a"}) {
		t.Errorf("A's versions %v", got)
	}
	if got := labelsOf(t, b); !reflect.DeepEqual(got, []string{"CNAM-2024", "MG-2024", "CSMF-2024", "MG-2024-b"}) {
		t.Errorf("B's versions %v", got)
	}
	if leftovers, _ := refsUnder(a.gitDir, fetchNS); len(leftovers) != 0 {
		t.Errorf("fetch namespace left behind: %v", leftovers)
	}
	if lockHeld(t, a) {
		t.Error("lock still held")
	}
	if hasGit() {
		gitCmd(t, a.Dir, "fsck", "--strict")
		gitCmd(t, remoteDir, "fsck", "--strict")
	}
}

func refusedNames(e *RefusedError) []string {
	var out []string
	for _, c := range e.Conflicts {
		out = append(out, c.Name)
	}
	return out
}

// TestPushBehind: a store behind the remote pushes nothing of that branch
// and says so; the pull then catches up, and the remote-tracking branches
// of origin follow.
func TestPushBehind(t *testing.T) {
	remoteDir := bareRemote(t)
	a := newStore(t)
	mustImport(t, a, textV1, "CNAM", "CNAM-2024", "2024-01-10")
	if _, err := a.Push(remoteDir, RemoteOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := Clone(remoteDir, filepath.Join(t.TempDir(), "b"), RemoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, b, textV2, "CNAM", "CNAM-2024b", "2024-02-10")
	if _, err := b.Push("", RemoteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{remoteDir}}); err != nil {
		t.Fatal(err)
	}
	r, err := a.Push("", RemoteOptions{})
	if err != nil {
		t.Fatalf("push from behind: %v", err)
	}
	if len(r.Updated) != 0 || !reflect.DeepEqual(r.Behind, []string{"cnam"}) {
		t.Fatalf("push from behind: updated %v, behind %v; want nothing, cnam", r.Updated, r.Behind)
	}
	p, err := a.Pull("origin", RemoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := updatedNames(p.Updated); !reflect.DeepEqual(got, []string{"tag CNAM-2024b", "branch cnam"}) {
		t.Errorf("pull updated %v", got)
	}
	tip := refsOf(t, b.Dir)["refs/heads/cnam"]
	ref, err := a.repo.Reference(plumbing.NewRemoteReferenceName("origin", "cnam"), false)
	if err != nil || ref.Hash().String() != tip {
		t.Errorf("refs/remotes/origin/cnam: %v %v, want %s", ref, err, tip)
	}

	// Ahead now: the pull says so and changes nothing.
	mustImport(t, a, textV3, "CNAM", "CNAM-2024c", "2024-03-10")
	before := refsOf(t, a.Dir)
	p, err = a.Pull("origin", RemoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Updated) != 0 || !reflect.DeepEqual(p.Ahead, []string{"cnam"}) {
		t.Errorf("pull when ahead: updated %v, ahead %v", p.Updated, p.Ahead)
	}
	if got := refsOf(t, a.Dir); !reflect.DeepEqual(got, before) {
		t.Errorf("a pull when ahead moved refs:\n%v\nwant\n%v", got, before)
	}
}

// TestPushTagConflict: a tag on different commits on either side refuses
// the push, and nothing is pushed, not even the branches that could go.
func TestPushTagConflict(t *testing.T) {
	remoteDir := bareRemote(t)
	a := newStore(t)
	mustImport(t, a, textV1, "CNAM", "CNAM-2024", "2024-01-10")
	v2 := mustImport(t, a, textV2, "CNAM", "CNAM-2024b", "2024-02-10")
	if _, err := a.Push(remoteDir, RemoteOptions{}); err != nil {
		t.Fatal(err)
	}
	remote, err := git.PlainOpen(remoteDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Storer.SetReference(plumbing.NewHashReference("refs/tags/signed", plumbing.NewHash(v2.Version.Commit))); err != nil {
		t.Fatal(err)
	}
	v1, err := a.Resolve("CNAM-2024")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.repo.Storer.SetReference(plumbing.NewHashReference("refs/tags/signed", plumbing.NewHash(v1.Commit))); err != nil {
		t.Fatal(err)
	}
	mustImport(t, a, textV3, "CNAM", "CNAM-2024c", "2024-03-10")
	before := refsOf(t, remoteDir)
	_, err = a.Push(remoteDir, RemoteOptions{})
	want := fmt.Sprintf("push to %s refused: tag signed differs (remote %s, local %s); pull first", remoteDir, v2.Version.Commit[:7], v1.Commit[:7])
	if err == nil || err.Error() != want {
		t.Fatalf("push: %v\nwant %s", err, want)
	}
	if got := refsOf(t, remoteDir); !reflect.DeepEqual(got, before) {
		t.Errorf("a refused push changed the remote:\n%v\nwant\n%v", got, before)
	}
	beforeA := refsOf(t, a.Dir)
	if _, err := a.Pull(remoteDir, RemoteOptions{}); err == nil || !strings.Contains(err.Error(), "tag signed differs") {
		t.Errorf("pull: %v, want the tag refused", err)
	}
	if got := refsOf(t, a.Dir); !reflect.DeepEqual(got, beforeA) {
		t.Errorf("a refused pull changed the store")
	}
}

// TestCloneRefused: a foreign repository or an empty one is no store to
// clone, and the clone leaves nothing behind.
func TestCloneRefused(t *testing.T) {
	foreign := filepath.Join(t.TempDir(), "foreign")
	repo, err := git.PlainInit(foreign, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "README"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if _, err := wt.Add("README"); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Someone", Email: "someone@example.org", When: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := wt.Commit("hello", &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		t.Fatal(err)
	}
	empty := bareRemote(t)

	for _, c := range []struct{ name, url, want string }{
		{"foreign", foreign, "is not an avenant version"},
		{"empty", empty, "the remote is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "clone")
			_, err := Clone(c.url, dir, RemoteOptions{})
			if !errors.Is(err, ErrNotStore) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("clone: %v, want ErrNotStore saying %q", err, c.want)
			}
			if entries, err := os.ReadDir(parent); err != nil || len(entries) > 0 {
				t.Errorf("the clone left %v behind in %s (%v)", entries, parent, err)
			}
			// Into an existing empty directory: it stays, empty.
			if err := os.Mkdir(dir, 0o777); err != nil {
				t.Fatal(err)
			}
			if _, err := Clone(c.url, dir, RemoteOptions{}); !errors.Is(err, ErrNotStore) {
				t.Fatalf("clone into an empty directory: %v", err)
			}
			if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
				t.Errorf("the clone left %v in %s (%v)", entries, dir, err)
			}
		})
	}
}

func TestCloneNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Clone("file:///nowhere", dir, RemoteOptions{}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("clone into a non-empty directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep")); err != nil {
		t.Error("the refused clone removed a file")
	}
}

func TestUnknownRemote(t *testing.T) {
	s := newStore(t)
	if _, err := s.Push("upstream", RemoteOptions{}); err == nil || !strings.Contains(err.Error(), `no remote "upstream"`) {
		t.Errorf("push to an unknown remote: %v", err)
	}
	if _, err := s.Pull("", RemoteOptions{}); err == nil || !strings.Contains(err.Error(), `no remote "origin"`) {
		t.Errorf("pull without origin: %v", err)
	}
}

func TestCloneDir(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"file:///srv/git/convention.git", "convention"},
		{"git://127.0.0.1:9418/convention.git/", "convention"},
		{"https://example.org/avenant/convention", "convention"},
		{"ssh://git@example.org/convention.git", "convention"},
		{"git@example.org:team/convention.git", "convention"},
		{"../stores/convention/.git", "convention"},
		{"/srv/convention.git", "convention"},
		// A query or fragment is no part of the path: the token stayed
		// in the directory's name ('convention.git?token=…').
		{"https://example.org/convention.git?token=s3cr3t", "convention"},
		{"https://example.org/team/convention/?ref=main#x", "convention"},
		{"git://example.org/", ""},
		{"https://example.org", ""},
		{"/", ""},
	} {
		if got := cloneDir(c.url); got != c.want {
			t.Errorf("CloneDir(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}

// TestURLForms: which URLs are ssh, which local paths, by git's rule (a
// colon before the first slash, not after a drive letter, is ssh); the
// directory clone picks; a path made absolute, a URL left as given.
// 'host:path/to/store' was read as a local path.
func TestURLForms(t *testing.T) {
	for _, c := range []struct {
		url   string
		local bool // a path, run through git's own upload-pack
		dir   string
	}{
		{"git@example.org:team/convention.git", false, "convention"},
		{"example.org:team/convention.git", false, "convention"},
		{"host:path/to/store", false, "store"},
		{"host:store", false, "store"},
		{"./host:path/to/store", true, "store"},
		{"stores/host:x", true, "host:x"},
		{"/srv/git/convention", true, "convention"},
		{`C:\stores\convention`, true, ""},
		{"c:/stores/convention", true, "convention"},
		{"ssh://git@example.org/convention.git", false, "convention"},
		{"ssh://example.org:2222/convention.git", false, "convention"},
		{"https://example.org/convention.git", false, "convention"},
		{"file:///srv/git/convention.git", true, "convention"},
	} {
		if !isURL(c.url) {
			t.Errorf("%q: taken for a remote's name", c.url)
		}
		if got := localPath(c.url) != ""; got != c.local {
			t.Errorf("%q: local %v, want %v", c.url, got, c.local)
		}
		abs := absoluteURL(c.url)
		if c.local && !strings.Contains(c.url, "://") && !filepath.IsAbs(abs) {
			t.Errorf("%q: made absolute as %q", c.url, abs)
		}
		if !c.local && abs != c.url {
			t.Errorf("%q: a URL rewritten as %q", c.url, abs)
		}
		if got := cloneDir(c.url); c.dir != "" && got != c.dir {
			t.Errorf("cloneDir(%q) = %q, want %q", c.url, got, c.dir)
		}
	}
	if isURL("origin") || isURL("mg-france") {
		t.Error("a remote's name taken for a URL")
	}
}

// TestPullIntoEmptyStore: a fresh store pulls a whole store; a push to a
// non-bare store, whose checked-out main git-receive-pack protects, fails
// as a whole.
func TestPullIntoEmptyStore(t *testing.T) {
	if !hasGit() {
		t.Skip("git CLI not installed: go-git's file transport runs git-upload-pack")
	}
	a := newStore(t)
	mustImport(t, a, textV1, "CNAM", "CNAM-2024", "2024-01-10")
	mustImport(t, a, textV2, "MG France", "MG-2024", "2024-02-01")
	b := newStore(t)
	p, err := b.Pull(a.Dir, RemoteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Versions) != 2 {
		t.Errorf("pulled %d versions, want 2", len(p.Versions))
	}
	if got, want := refsOf(t, b.Dir), refsOf(t, a.Dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("refs after pull:\n%v\nwant\n%v", got, want)
	}
	if v, err := b.Resolve("main"); err != nil || v.Label != "MG-2024" {
		t.Errorf("main resolves to %v, %v; want MG-2024", v, err)
	}

	mustImport(t, b, textV3, "CSMF", "CSMF-2024", "2024-03-01")
	before := refsOf(t, a.Dir)
	if _, err := b.Push(a.Dir, RemoteOptions{}); err == nil || !strings.Contains(err.Error(), "is not a bare repository") {
		t.Fatalf("push to a non-bare store: %v, want a refusal", err)
	}
	if got := refsOf(t, a.Dir); !reflect.DeepEqual(got, before) {
		t.Errorf("a refused push changed the remote:\n%v\nwant\n%v", got, before)
	}
}

// TestShareTagClash: a tag that cannot stand beside one of the receiving
// side (a beside a/b, A beside a) refuses the whole pull or push before
// anything is written: the pull wrote the tags before it and failed on
// that one ("mkdir refs/tags/a: not a directory"), the push was refused
// by the remote as "atomic transaction failed".
func TestShareTagClash(t *testing.T) {
	for _, c := range [][2]string{{"a/b", "a"}, {"a", "a/b/c"}, {"ra-2023", "RA-2023"}} {
		remoteDir := bareRemote(t)
		a, b := newStore(t), newStore(t)
		mustImport(t, a, textV1, "CNAM", c[0], "2024-01-10")
		if _, err := a.Push(remoteDir, RemoteOptions{}); err != nil {
			t.Fatal(err)
		}
		mustImport(t, b, textV2, "MG France", c[1], "2024-02-10")
		before, beforeRemote := refsOf(t, b.Dir), refsOf(t, remoteDir)
		if _, err := b.Pull(remoteDir, RemoteOptions{}); err == nil || !strings.Contains(err.Error(), "refused: label "+strconv.Quote(c[0])) {
			t.Errorf("pull of %s into a store holding %s: %v, want it refused", c[0], c[1], err)
		}
		if got := refsOf(t, b.Dir); !reflect.DeepEqual(got, before) {
			t.Errorf("a refused pull changed the store:\n%v\nwant\n%v", got, before)
		}
		if _, err := b.Push(remoteDir, RemoteOptions{}); err == nil || !strings.Contains(err.Error(), "refused: label "+strconv.Quote(c[1])) {
			t.Errorf("push of %s to a remote holding %s: %v, want it refused", c[1], c[0], err)
		}
		if got := refsOf(t, remoteDir); !reflect.DeepEqual(got, beforeRemote) {
			t.Errorf("a refused push changed the remote:\n%v\nwant\n%v", got, beforeRemote)
		}
	}
}

// TestRemoteClashingTags: a remote holding tags that cannot stand side by
// side in a store (CNAM-2024 and cnam-2024, CNAM-2024 and CNAM-2024/draft,
// made with git) is refused by clone and pull before anything is fetched,
// naming both: the first clone succeeded on Linux with a store Windows and
// macOS cannot hold, the second failed half-way ('open …/refs/tags/
// CNAM-2024: is a directory').
func TestRemoteClashingTags(t *testing.T) {
	for _, other := range []string{"cnam-2024", "CNAM-2024/draft"} {
		remoteDir := bareRemote(t)
		a := newStore(t)
		v1 := mustImport(t, a, textV1, "CNAM", "CNAM-2024", "2024-01-10").Version
		if _, err := a.Push(remoteDir, RemoteOptions{}); err != nil {
			t.Fatal(err)
		}
		mustImport(t, a, textV2, "MG France", "MG-2024", "2024-02-01")
		// Packed, as git would have to keep a tag and its directory.
		line := v1.Commit + " refs/tags/" + other + "\n"
		if err := os.WriteFile(filepath.Join(remoteDir, "packed-refs"), []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
		parent := t.TempDir()
		_, err := Clone(remoteDir, filepath.Join(parent, "b"), RemoteOptions{})
		if err == nil || !strings.Contains(err.Error(), `"CNAM-2024" and "`+other+`"`) {
			t.Errorf("clone of a remote with tags CNAM-2024 and %s: %v, want both named", other, err)
		}
		if entries, _ := os.ReadDir(parent); len(entries) > 0 {
			t.Errorf("the refused clone left %v", entries)
		}
		before := refsOf(t, a.Dir)
		if _, err := a.Pull(remoteDir, RemoteOptions{}); err == nil || !strings.Contains(err.Error(), other) {
			t.Errorf("pull from a remote with tags CNAM-2024 and %s: %v, want it refused", other, err)
		}
		if after := refsOf(t, a.Dir); !reflect.DeepEqual(before, after) {
			t.Errorf("the refused pull changed the refs:\n%v\nwant\n%v", after, before)
		}
	}
}
