package store

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// packReader reads objects straight out of the store's pack files, mapped
// into memory: go-git decoded every name of a pack's .idx into maps, looked
// for a loose copy of each object first (listing .git/objects) and
// re-inflated long delta chains (a clause revised in every version is a
// chain as long as its history), which was most of a blame. An object it
// does not find (a loose one, one in a pack written since it listed them,
// or any object where files cannot be mapped) is left to go-git. Callers
// check each object's hash, so a corrupt pack reads as corrupt.
type packReader struct {
	mu     sync.Mutex
	loaded bool
	packs  []*packFile
	// resolved caches objects by where they lie, so that the links of a
	// delta chain shared by many objects are inflated once.
	resolved      map[packPos]packed
	resolvedBytes int
	zr            io.ReadCloser // reused: a zlib reader is costly to make
}

type packFile struct {
	idx, data []byte // the mapped .idx and .pack
	n         int    // objects in the pack
}

type packPos struct {
	pack *packFile
	off  int
}

type packed struct {
	t    plumbing.ObjectType
	data []byte
}

const (
	// maxResolvedBytes bounds the cache of resolved objects.
	maxResolvedBytes = 32 << 20
	// maxDeltaDepth stops a loop of deltas, which only a corrupt pack
	// (bases named by hash) can make; git's deepest chains are 250 long.
	maxDeltaDepth = 10000
)

// The bounds of what a store holds (variables for the tests).
var (
	// maxObjectBytes refuses objects no clause store holds, whose size a
	// corrupt pack could make up to exhaust memory: an import never writes
	// a clause or a manifest past it (writeBlob), a version's text stays
	// within maxVersionText, and a 200 MB clause cost 20 GB to diff.
	maxObjectBytes = 128 << 20
	// maxVersionText bounds the clause texts of one version, read or
	// written: four times the text a file renders to by default, what
	// --max-size 16 MiB allows.
	maxVersionText = 64 << 20
)

var errBadPack = errors.New("malformed pack")

// read returns object h from a pack; ok is false when no mapped pack holds
// it.
func (r *packReader) read(gitDir string, h plumbing.Hash) (t plumbing.ObjectType, data []byte, ok bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.loaded {
		r.load(gitDir)
	}
	return r.find(h, 0)
}

func (r *packReader) find(h plumbing.Hash, depth int) (plumbing.ObjectType, []byte, bool, error) {
	for _, p := range r.packs {
		if off, ok := p.offset(h); ok {
			o, err := r.at(p, off, depth)
			if err != nil {
				return 0, nil, false, fmt.Errorf("%w: object %s: %w", errCorrupt, h, err)
			}
			return o.t, o.data, true, nil
		}
	}
	return 0, nil, false, nil
}

// load maps every pack that has a well-formed version 2 index; a pack it
// cannot map is left to go-git.
func (r *packReader) load(gitDir string) {
	r.loaded = true
	idxs, _ := filepath.Glob(filepath.Join(gitDir, "objects", "pack", "pack-*.idx"))
	for _, name := range idxs {
		idx, err := mapFile(name)
		if err != nil {
			continue
		}
		data, err := mapFile(strings.TrimSuffix(name, ".idx") + ".pack")
		if err != nil {
			unmapFile(idx)
			continue
		}
		p := &packFile{idx: idx, data: data}
		if !p.check() {
			unmapFile(idx)
			unmapFile(data)
			continue
		}
		r.packs = append(r.packs, p)
	}
}

// close unmaps the packs, which a repack is about to delete; the next
// read lists them again.
func (r *packReader) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range r.packs {
		unmapFile(p.idx)
		unmapFile(p.data)
	}
	r.loaded, r.packs, r.resolved, r.resolvedBytes = false, nil, nil, 0
}

// An index of version 2: magic and version, 256 cumulative counts by
// first byte, then n names, n CRCs, n 4-byte offsets, the 8-byte offsets
// that do not fit, and the pack's and its own checksums.
const (
	idxNames = 8 + 256*4
	hashLen  = len(plumbing.ZeroHash)
)

// check reports whether the index is one this reader knows and belongs to
// the pack beside it (the checksum each records of the pack).
func (p *packFile) check() bool {
	idx, data := p.idx, p.data
	if len(idx) < idxNames+2*hashLen || string(idx[:8]) != "\377tOc\x00\x00\x00\x02" {
		return false
	}
	p.n = int(binary.BigEndian.Uint32(idx[idxNames-4:]))
	if p.n > len(idx)/(hashLen+8) || len(idx) < idxNames+p.n*(hashLen+8)+2*hashLen {
		return false
	}
	if len(data) < 12+hashLen || string(data[:4]) != "PACK" {
		return false
	}
	return bytes.Equal(idx[len(idx)-2*hashLen:len(idx)-hashLen], data[len(data)-hashLen:])
}

// offset finds h in the index by its first byte's range, then by halves.
func (p *packFile) offset(h plumbing.Hash) (int, bool) {
	lo := 0
	if h[0] > 0 {
		lo = int(binary.BigEndian.Uint32(p.idx[8+4*(int(h[0])-1):]))
	}
	hi := int(binary.BigEndian.Uint32(p.idx[8+4*int(h[0]):]))
	hi = min(hi, p.n)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch bytes.Compare(p.idx[idxNames+m*hashLen:idxNames+(m+1)*hashLen], h[:]) {
		case 0:
			return p.offsetAt(m)
		case -1:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

func (p *packFile) offsetAt(i int) (int, bool) {
	offs := idxNames + p.n*(hashLen+4)
	o := binary.BigEndian.Uint32(p.idx[offs+4*i:])
	if o&0x80000000 == 0 {
		return int(o), int(o) < len(p.data)-hashLen
	}
	at := offs + 4*p.n + 8*int(o&0x7fffffff)
	if at+8 > len(p.idx)-2*hashLen {
		return 0, false
	}
	big := binary.BigEndian.Uint64(p.idx[at:])
	return int(big), big < uint64(len(p.data)-hashLen)
}

// at reads the object at off, resolving deltas.
func (r *packReader) at(p *packFile, off, depth int) (packed, error) {
	pos := packPos{p, off}
	if o, ok := r.resolved[pos]; ok {
		return o, nil
	}
	if depth > maxDeltaDepth {
		return packed{}, fmt.Errorf("%w: deltas nested deeper than %d", errBadPack, maxDeltaDepth)
	}
	data := p.data[:len(p.data)-hashLen]
	typ, size, n := entryHeader(data[off:])
	if n == 0 {
		return packed{}, fmt.Errorf("%w: bad entry header at %d", errBadPack, off)
	}
	if size > maxObjectBytes {
		return packed{}, fmt.Errorf("%w: an entry of %d bytes at %d, more than any store holds", errBadPack, size, off)
	}
	body := off + n
	var o packed
	var err error
	switch typ {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
		o.t = typ
		o.data, err = r.inflate(data[body:], size)
	case plumbing.OFSDeltaObject:
		rel, k := deltaOffset(data[body:])
		if k == 0 || rel <= 0 || rel > off {
			return packed{}, fmt.Errorf("%w: bad delta base at %d", errBadPack, off)
		}
		o, err = r.delta(data[body+k:], size, func() (packed, error) { return r.at(p, off-rel, depth+1) })
	case plumbing.REFDeltaObject:
		if len(data)-body < hashLen {
			return packed{}, fmt.Errorf("%w: cut at %d", errBadPack, off)
		}
		var base plumbing.Hash
		copy(base[:], data[body:])
		o, err = r.delta(data[body+hashLen:], size, func() (packed, error) {
			t, b, ok, err := r.find(base, depth+1)
			if err == nil && !ok {
				err = fmt.Errorf("%w: delta base %s not in the packs", errBadPack, base)
			}
			return packed{t, b}, err
		})
	default:
		return packed{}, fmt.Errorf("%w: object type %d at %d", errBadPack, typ, off)
	}
	if err != nil {
		return packed{}, err
	}
	r.remember(pos, o)
	return o, nil
}

// delta inflates a delta of size bytes and applies it to its base.
func (r *packReader) delta(z []byte, size int, base func() (packed, error)) (packed, error) {
	b, err := base()
	if err != nil {
		return packed{}, err
	}
	d, err := r.inflate(z, size)
	if err != nil {
		return packed{}, err
	}
	out, err := applyDelta(b.data, d)
	return packed{b.t, out}, err
}

func (r *packReader) remember(pos packPos, o packed) {
	if r.resolvedBytes+len(o.data) > maxResolvedBytes {
		r.resolved, r.resolvedBytes = nil, 0
	}
	if r.resolved == nil {
		r.resolved = map[packPos]packed{}
	}
	r.resolved[pos] = o
	r.resolvedBytes += len(o.data)
}

// inflate reads size bytes of the zlib stream that z starts with.
func (r *packReader) inflate(z []byte, size int) ([]byte, error) {
	if err := r.resetInflater(bytes.NewReader(z)); err != nil {
		return nil, fmt.Errorf("%w: %w", errBadPack, err)
	}
	out := make([]byte, size)
	if _, err := io.ReadFull(r.zr, out); err != nil {
		return nil, fmt.Errorf("%w: %w", errBadPack, err)
	}
	return out, nil
}

// resetInflater points the reused zlib reader at src.
func (r *packReader) resetInflater(src io.Reader) error {
	if r.zr == nil {
		zr, err := zlib.NewReader(src)
		r.zr = zr
		return err
	}
	return r.zr.(zlib.Resetter).Reset(src, nil)
}

// entryHeader reads a pack entry's type and size; n is 0 when it is cut
// short or too long.
func entryHeader(b []byte) (t plumbing.ObjectType, size, n int) {
	if len(b) == 0 {
		return 0, 0, 0
	}
	c := b[0]
	t, size, n = plumbing.ObjectType(c>>4&7), int(c&15), 1
	for shift := 4; c&0x80 != 0; shift += 7 {
		if n == len(b) || shift > 56 {
			return 0, 0, 0
		}
		c = b[n]
		n++
		size |= int(c&0x7f) << shift
	}
	return t, size, n
}

// deltaOffset reads how far back an offset delta's base lies (each byte
// after the first adds one before shifting, so that no two encodings
// mean the same distance); n is 0 when it is cut short or too long.
func deltaOffset(b []byte) (rel, n int) {
	for n < len(b) && n < 9 {
		c := b[n]
		n++
		rel = rel<<7 | int(c&0x7f)
		if c&0x80 == 0 {
			return rel, n
		}
		rel++
	}
	return 0, 0
}

// applyDelta rebuilds an object from its base and a delta with go-git's
// own patcher (what go-git reads these packs with), its refusals reported
// as a malformed pack.
func applyDelta(base, d []byte) ([]byte, error) {
	// A delta of a few bytes can copy its base over and over: the size it
	// declares is checked before anything is made.
	_, n := binary.Uvarint(d)
	if target, k := binary.Uvarint(d[max(n, 0):]); n <= 0 || k <= 0 || target > uint64(maxObjectBytes) {
		return nil, fmt.Errorf("%w: a delta's header is malformed or declares more than %d bytes", errBadPack, maxObjectBytes)
	}
	out, err := packfile.PatchDelta(base, d)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errBadPack, err)
	}
	return out, nil
}
