package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// deltaStore is a store of a few versions repacked into one pack, where
// the revisions of an article are deltas of one another.
func deltaStore(t *testing.T) *Store {
	t.Helper()
	s := newStore(t)
	for i := 1; i <= 6; i++ {
		if _, err := s.Import(parseMD(bigText(40, i)), ImportOptions{Party: "CNAM", Label: fmt.Sprintf("V-%d", i), Date: "2024-01-02"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Repack(); err != nil {
		t.Fatal(err)
	}
	return s
}

// packedHashes lists the objects of the store's packs, from their indexes.
func packedHashes(t *testing.T, s *Store) []plumbing.Hash {
	t.Helper()
	var r packReader
	r.load(s.gitDir)
	if len(r.packs) == 0 {
		t.Skip("no pack could be mapped here")
	}
	var hs []plumbing.Hash
	for _, p := range r.packs {
		for i := range p.n {
			var h plumbing.Hash
			copy(h[:], p.idx[idxNames+i*hashLen:])
			hs = append(hs, h)
		}
	}
	r.close()
	return hs
}

// checkPackReader reads every packed object with packReader and through
// go-git, which must agree; some must be deltas of the kind given.
func checkPackReader(t *testing.T, s *Store, kind plumbing.ObjectType) {
	t.Helper()
	hs := packedHashes(t, s)
	deltas := 0
	var r packReader
	for _, h := range hs {
		typ, data, ok, err := r.read(s.gitDir, h)
		if err != nil || !ok {
			t.Fatalf("%s: ok %v, %v", h, ok, err)
		}
		checkAsGoGit(t, s, h, typ, data)
	}
	for _, p := range r.packs {
		for i := range p.n {
			off, _ := p.offsetAt(i)
			if typ, _, _ := entryHeader(p.data[off:]); typ == kind {
				deltas++
			}
		}
	}
	if deltas == 0 {
		t.Errorf("no %s among %d objects: the test reads none", kind, len(hs))
	}
}

// checkAsGoGit fails unless go-git reads object h as a typ holding data.
func checkAsGoGit(t *testing.T, s *Store, h plumbing.Hash, typ plumbing.ObjectType, data []byte) {
	t.Helper()
	obj, err := s.repo.Storer.EncodedObject(plumbing.AnyObject, h)
	if err != nil {
		t.Fatal(err)
	}
	rd, _ := obj.Reader()
	want, _ := io.ReadAll(rd)
	if typ != obj.Type() || !bytes.Equal(data, want) {
		t.Fatalf("%s: read a %s of %d bytes, go-git a %s of %d", h, typ, len(data), obj.Type(), len(want))
	}
}

func TestPackReaderReadsWhatGoGitReads(t *testing.T) {
	checkPackReader(t, deltaStore(t), plumbing.OFSDeltaObject)
}

// TestPackReaderRefDeltas: git writes deltas whose base is named by hash
// when told not to use offsets, as other git implementations may.
func TestPackReaderRefDeltas(t *testing.T) {
	s := deltaStore(t)
	gitCmd(t, s.Dir, "-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q")
	s, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	checkPackReader(t, s, plumbing.REFDeltaObject)
}

// TestPackReaderCorruptPack: a pack damaged anywhere reads as corrupt or
// as content that fails its hash, never as a crash.
func TestPackReaderCorruptPack(t *testing.T) {
	s := deltaStore(t)
	hs := packedHashes(t, s)
	packs, _ := filepath.Glob(filepath.Join(s.gitDir, "objects", "pack", "pack-*.pack"))
	orig, err := os.ReadFile(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(packs[0], 0o644)
	for at := 12; at < len(orig)-hashLen; at += max(1, len(orig)/300) {
		for _, flip := range []byte{0x01, 0x80, 0xff} {
			damaged := bytes.Clone(orig)
			damaged[at] ^= flip
			if err := os.WriteFile(packs[0], damaged, 0o644); err != nil {
				t.Fatal(err)
			}
			var r packReader
			for _, h := range hs {
				typ, data, ok, err := r.read(s.gitDir, h)
				if err != nil && !errors.Is(err, errCorrupt) {
					t.Fatalf("byte %d ^ %#x, %s: %v is not errCorrupt", at, flip, h, err)
				}
				if err == nil && ok && plumbing.ComputeHash(typ, data) != h && s.checkHash(typ, h, data) == nil {
					t.Fatalf("byte %d ^ %#x, %s: wrong content passes its check", at, flip, h)
				}
			}
			r.close()
		}
	}
}

func TestApplyDeltaRefusesBadDeltas(t *testing.T) {
	base := []byte("0123456789")
	for _, tc := range []struct {
		name  string
		delta []byte
	}{
		{"empty", nil},
		{"base size differs", []byte{9, 1, 1, 'x'}},
		{"copy past the base", []byte{10, 4, 0x91, 8, 4}},
		{"copy cut short", []byte{10, 4, 0x91}},
		{"insert cut short", []byte{10, 4, 4, 'a'}},
		{"more than announced", []byte{10, 1, 2, 'a', 'b'}},
		{"less than announced", []byte{10, 3, 1, 'a'}},
		{"reserved opcode", []byte{10, 1, 0}},
		// Four bytes that copy the base a million times over.
		{"more than any store holds", append(binary.AppendUvarint([]byte{10}, 1<<40), 0x91, 0, 10)},
	} {
		if _, err := applyDelta(base, tc.delta); !errors.Is(err, errBadPack) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	got, err := applyDelta(base, []byte{10, 6, 0x91, 2, 3, 3, 'a', 'b', 'c'})
	if err != nil || string(got) != "234abc" {
		t.Errorf("copy then insert: %q, %v", got, err)
	}
}
