package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/go-git/go-git/v5/plumbing"
)

// loose reads object h from its own file under objects/; ok is false when
// there is none (it may lie in an alternate, which go-git reads). The
// file is inflated by the zlib reader the packs use: go-git opened it
// through its file-system layer, made a zlib reader of its own, hashed the
// content as it read it (typedObject checks the hash anyway) and filed a
// copy in its cache, which made a blame on a store not yet repacked (its
// 4 versions of fixtures/) cost 0.75 M instructions more than its start.
// An object past maxObjectBytes is refused by its header, before it is
// inflated.
func (r *packReader) loose(gitDir string, h plumbing.Hash) (t plumbing.ObjectType, data []byte, ok bool, err error) {
	name := h.String()
	f, err := os.Open(filepath.Join(gitDir, "objects", name[:2], name[2:]))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, err
	}
	defer f.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.resetInflater(f); err != nil {
		return 0, nil, false, fmt.Errorf("%w: object %s: %w", errCorrupt, h, err)
	}
	t, size, err := looseHeader(r.zr)
	if err != nil {
		return 0, nil, false, fmt.Errorf("%w: object %s: %w", errCorrupt, h, err)
	}
	if size > maxObjectBytes {
		return 0, nil, false, fmt.Errorf("%w: %s %s is %d bytes, more than any store holds", errCorrupt, t, h, size)
	}
	data = make([]byte, size)
	if _, err := io.ReadFull(r.zr, data); err != nil {
		return 0, nil, false, fmt.Errorf("%w: object %s: %w", errCorrupt, h, err)
	}
	return t, data, true, nil
}

// looseHeader reads a loose object's header, "blob 123" and a NUL.
func looseHeader(z io.Reader) (plumbing.ObjectType, int, error) {
	// The longest header: a type name, a space, a size of 20 digits.
	var head [32]byte
	var b [1]byte
	for n := 0; n < len(head); n++ {
		if _, err := io.ReadFull(z, b[:]); err != nil {
			return 0, 0, err
		}
		if b[0] != 0 {
			head[n] = b[0]
			continue
		}
		typ, size, found := bytes.Cut(head[:n], []byte{' '})
		t, err := plumbing.ParseObjectType(string(typ))
		if !found || err != nil {
			return 0, 0, fmt.Errorf("bad header %q", head[:n])
		}
		s, err := strconv.Atoi(string(size))
		if err != nil || s < 0 {
			return 0, 0, fmt.Errorf("bad header %q", head[:n])
		}
		return t, s, nil
	}
	return 0, 0, fmt.Errorf("header longer than %d bytes", len(head))
}
