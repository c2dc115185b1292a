package store

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// The index file is read by every log, blame and versions: a header line
// naming the format, then each field in order, numbers as uvarints and
// strings as a uvarint length and their bytes. Decoding takes every string
// as a slice of the one string the file was read into, with no allocation
// of its own: gob spent half of a log decoding the index.
const indexHeader = "avenant index 3\n"

// errBadIndex is any index file that does not decode: an older format, a
// truncated file. The index is a cache, so it is rebuilt.
var errBadIndex = errors.New("unreadable index")

// encodeIndex writes ix in the index file's format.
func encodeIndex(ix *index) []byte {
	e := indexEncoder{b: []byte(indexHeader)}
	e.str(ix.Fingerprint)
	e.num(len(ix.Versions))
	for i := range ix.Versions {
		v := &ix.Versions[i]
		e.num(v.Seq)
		for _, s := range [...]string{v.Commit, v.Parent, v.Label, v.Party, v.Kind, v.Date, v.SourceSHA256, v.SourceName} {
			e.str(s)
		}
		e.num(v.Clauses)
		e.num(len(v.Changes))
		for k := range v.Changes {
			d := &v.Changes[k]
			for _, s := range [...]string{d.ID, string(d.Change), d.Number, d.By, d.Blob} {
				e.str(s)
			}
			e.num(flagsOf(d.Renumbered, d.Moved, d.Gone))
			e.strs(d.Others)
		}
	}
	e.strs(ix.unread)
	return e.b
}

// decodeIndex reads an index file; errBadIndex for anything encodeIndex
// would not have written.
func decodeIndex(data string) (*index, error) {
	rest, ok := strings.CutPrefix(data, indexHeader)
	if !ok {
		return nil, errBadIndex
	}
	d := indexDecoder{s: rest}
	ix := &index{Fingerprint: d.str()}
	ix.Versions = make([]Version, d.count())
	for i := range ix.Versions {
		v := &ix.Versions[i]
		v.Seq = d.num()
		for _, f := range [...]*string{&v.Commit, &v.Parent, &v.Label, &v.Party, &v.Kind, &v.Date, &v.SourceSHA256, &v.SourceName} {
			*f = d.str()
		}
		v.Clauses = d.num()
		if n := d.count(); n > 0 {
			v.Changes = make([]Delta, n)
		}
		for k := range v.Changes {
			c := &v.Changes[k]
			var change string
			for _, f := range [...]*string{&c.ID, &change, &c.Number, &c.By, &c.Blob} {
				*f = d.str()
			}
			c.Change = clause.ChangeKind(change)
			flags := d.num()
			c.Renumbered, c.Moved, c.Gone = flags&1 != 0, flags&2 != 0, flags&4 != 0
			c.Others = d.strs()
		}
	}
	ix.unread = d.strs()
	if d.bad || d.s != "" {
		return nil, errBadIndex
	}
	return ix, nil
}

func flagsOf(bits ...bool) int {
	n := 0
	for i, b := range bits {
		if b {
			n |= 1 << i
		}
	}
	return n
}

type indexEncoder struct{ b []byte }

func (e *indexEncoder) num(n int) { e.b = binary.AppendUvarint(e.b, uint64(n)) }

func (e *indexEncoder) str(s string) {
	e.num(len(s))
	e.b = append(e.b, s...)
}

// strs writes a list of strings: its length, then each.
func (e *indexEncoder) strs(list []string) {
	e.num(len(list))
	for _, s := range list {
		e.str(s)
	}
}

// indexDecoder reads fields off s; past the end or on a malformed number
// it sets bad and returns zeros, which the caller checks once at the end.
type indexDecoder struct {
	s   string
	bad bool
}

func (d *indexDecoder) num() int {
	var n uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.s == "" {
			break
		}
		c := d.s[0]
		d.s = d.s[1:]
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if n > math.MaxInt32 {
				break // no number of a real index is that large
			}
			return int(n)
		}
	}
	d.bad, d.s = true, ""
	return 0
}

// count is a number of items that follow, each at least one byte long: a
// count larger than what is left is a corrupt file, not an allocation.
func (d *indexDecoder) count() int {
	n := d.num()
	if n > len(d.s) {
		d.bad, d.s = true, ""
		return 0
	}
	return n
}

func (d *indexDecoder) str() string {
	n := d.count()
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// strs reads what indexEncoder.strs wrote; nil for an empty list.
func (d *indexDecoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.str()
	}
	return list
}
