package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/config"
)

// TestRemoteCredentialsRedacted: clone, push and pull through URLs and
// named remotes that carry a password or a token fail (nothing listens)
// without showing it.
func TestRemoteCredentialsRedacted(t *testing.T) {
	const secret = "S3cr3tPW"
	urls := []string{
		"http://alice:" + secret + "@127.0.0.1:1/conv.git",
		"https://ghp_" + secret + "@127.0.0.1:1/conv.git",
		"http://127.0.0.1:1/conv.git?access_token=" + secret,
	}
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	for i, url := range urls {
		if _, err := Clone(url, filepath.Join(t.TempDir(), "c"), RemoteOptions{}); err == nil || strings.Contains(err.Error(), secret) {
			t.Errorf("clone %s: %v", url, err)
		}
		name := "r" + string(rune('a'+i))
		if _, err := s.repo.CreateRemote(&config.RemoteConfig{Name: name, URLs: []string{url}}); err != nil {
			t.Fatal(err)
		}
		for _, remote := range []string{url, name} {
			if _, err := s.Push(remote, RemoteOptions{}); err == nil || strings.Contains(err.Error(), secret) {
				t.Errorf("push %s: %v", remote, err)
			}
			if _, err := s.Pull(remote, RemoteOptions{}); err == nil || strings.Contains(err.Error(), secret) {
				t.Errorf("pull %s: %v", remote, err)
			}
		}
	}
}

// TestRemoteWithoutURL: a remote section without url in .git/config is an
// error naming the remote, not a panic.
func TestRemoteWithoutURL(t *testing.T) {
	s := newStore(t)
	mustImport(t, s, killText(1), "CNAM", "V-1", "2024-01-01")
	cfg := filepath.Join(s.gitDir, "config")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "[remote \"origin\"]\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n"...)
	if err := os.WriteFile(cfg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for op, f := range map[string]func() error{
		"push": func() error { _, err := s.Push("", RemoteOptions{}); return err },
		"pull": func() error { _, err := s.Pull("origin", RemoteOptions{}); return err },
	} {
		if err := f(); err == nil || !strings.Contains(err.Error(), `remote "origin" has no url`) {
			t.Errorf("%s: %v", op, err)
		}
	}
}
