package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/avenant-dev/avenant/clause"
)

// The index file is read by every log, blame and versions: a header line
// naming the format, then each field in order, numbers as uvarints and
// strings as a uvarint length and their bytes; a change's kind is a code
// (changeCodes), its blob the hash's 20 bytes. Decoding takes every string
// as a slice of the one string the file was read into (mapped, where it
// can be), with no allocation of its own, and every version's changes as
// a slice of one array, counted in the header: in a process that lives a
// few milliseconds, each new page of memory costs more than the decoding
// itself. The file ends with the CRC-32 of all that precedes it (seal): a
// byte damaged in a string still decodes, and was served as a party, a base
// or a change that the commits never said. The header names the
// changesRule its changes were derived by: an index made under another is
// rebuilt.
var indexHeader = "avenant index 9 rule " + strconv.Itoa(changesRule) + "\n"

// changeCodes are the kinds of change by their code in the index file;
// any other kind (none is written today) is code len(changeCodes), then
// its name.
var changeCodes = [...]clause.ChangeKind{clause.Unchanged, clause.Cosmetic, clause.Modified, clause.Added, clause.Removed, clause.Split, clause.Merged}

// errBadIndex is any index file that does not decode: an older format, a
// truncated file. The index is a cache, so it is rebuilt.
var errBadIndex = errors.New("unreadable index")

// encodeIndex writes ix in the index file's format; the changes of a
// version not decoded yet are copied as they were read.
func encodeIndex(ix *index) []byte {
	e := indexEncoder{b: []byte(indexHeader)}
	e.str(ix.Fingerprint)
	e.strs(ix.tagDirs)
	e.num(len(ix.Versions))
	changes := 0
	for i := range ix.Versions {
		changes += ix.changeCount(i)
	}
	e.num(changes)
	for i := range ix.Versions {
		v := &ix.Versions[i]
		e.num(v.Seq)
		for _, s := range [...]string{v.Commit, v.Parent, v.Label, v.Party, v.Kind, v.Date, v.SourceSHA256, v.SourceName, v.Precedes} {
			e.str(s)
		}
		e.num(v.Clauses)
		e.num(ix.changeCount(i))
		if p := ix.pendingAt(i); p != nil {
			e.b = append(e.b, p.raw...)
			continue
		}
		for k := range v.Changes {
			e.delta(&v.Changes[k])
		}
	}
	e.strs(ix.unread)
	return seal(e.b)
}

// seal appends the checksum that unseal checks to a cache file's bytes.
// It is IEEE's CRC-32, not Castagnoli's: the package builds Castagnoli's
// tables once per process, 1.3 M instructions (a fifth of a whole
// `avenant version`), IEEE's for 40 K, and both run at gigabytes a second.
func seal(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// unseal returns what seal sealed, or false when a byte of it changed.
func unseal(data string) (string, bool) {
	if len(data) < 4 {
		return "", false
	}
	body, sum := data[:len(data)-4], data[len(data)-4:]
	if len(body) == 0 {
		return "", false
	}
	return body, crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(body), len(body))) == binary.LittleEndian.Uint32([]byte(sum))
}

func (e *indexEncoder) delta(d *Delta) {
	code := slices.Index(changeCodes[:], d.Change)
	if code < 0 {
		code = len(changeCodes)
	}
	e.num(code)
	if code == len(changeCodes) {
		e.str(string(d.Change))
	}
	for _, s := range [...]string{d.ID, d.Number, d.By, d.Blob} {
		e.str(s)
	}
	e.num(flagsOf(d.Renumbered, d.Moved, d.Gone))
	e.strs(d.Others)
	e.num(len(d.Steps))
	for _, st := range d.Steps {
		e.str(st.By)
		e.str(st.Text)
	}
}

// decodeIndex reads an index file; errBadIndex for anything encodeIndex
// would not have written. Each version's changes are checked but left
// encoded (index.pending): a log or blame decodes those of the few
// versions that name its clause.
func decodeIndex(data string) (*index, error) {
	body, ok := unseal(data)
	rest, header := strings.CutPrefix(body, indexHeader)
	if !ok || !header {
		return nil, errBadIndex
	}
	d := indexDecoder{s: rest}
	ix := &index{Fingerprint: d.str(), tagDirs: d.strs()}
	ix.Versions = make([]Version, d.count())
	ix.pending = make([]pendingChanges, len(ix.Versions))
	left := d.count()
	for i := range ix.Versions {
		v := &ix.Versions[i]
		v.Seq = d.num()
		for _, f := range [...]*string{&v.Commit, &v.Parent, &v.Label, &v.Party, &v.Kind, &v.Date, &v.SourceSHA256, &v.SourceName, &v.Precedes} {
			*f = d.str()
		}
		v.Clauses = d.num()
		n := d.count()
		if left -= n; left < 0 {
			return nil, errBadIndex
		}
		start := d.s
		for range n {
			d.deltaID()
		}
		ix.pending[i] = pendingChanges{raw: start[:len(start)-len(d.s)], n: n}
	}
	ix.unread = d.strs()
	if d.bad || d.s != "" || left != 0 {
		return nil, errBadIndex
	}
	return ix, nil
}

// pendingChanges are a version's changes as the index file holds them.
type pendingChanges struct {
	raw string
	n   int
}

func (ix *index) pendingAt(i int) *pendingChanges {
	if i < len(ix.pending) && ix.pending[i].n > 0 {
		return &ix.pending[i]
	}
	return nil
}

func (ix *index) changeCount(i int) int {
	if p := ix.pendingAt(i); p != nil {
		return p.n
	}
	return len(ix.Versions[i].Changes)
}

// decode fills in the changes of version i.
func (ix *index) decode(i int) {
	p := ix.pendingAt(i)
	if p == nil {
		return
	}
	d := indexDecoder{s: p.raw}
	v := &ix.Versions[i]
	v.Changes = make([]Delta, p.n)
	for k := range v.Changes {
		d.delta(&v.Changes[k])
	}
	*p = pendingChanges{}
}

// decodeAll fills in every version's changes.
func (ix *index) decodeAll() {
	for i := range ix.pending {
		ix.decode(i)
	}
	ix.pending = nil
}

// names reports whether version i's changes name clause id, without
// decoding them.
func (ix *index) names(i int, id string) bool {
	p := ix.pendingAt(i)
	if p == nil {
		return slices.ContainsFunc(ix.Versions[i].Changes, func(d Delta) bool { return d.ID == id })
	}
	d := indexDecoder{s: p.raw}
	for range p.n {
		if d.deltaID() == id {
			return true
		}
	}
	return false
}

func (d *indexDecoder) delta(c *Delta) {
	if code := d.num(); code < len(changeCodes) {
		c.Change = changeCodes[code]
	} else if code == len(changeCodes) {
		c.Change = clause.ChangeKind(d.str())
	} else {
		d.bad = true
	}
	for _, f := range [...]*string{&c.ID, &c.Number, &c.By, &c.Blob} {
		*f = d.str()
	}
	flags := d.num()
	c.Renumbered, c.Moved, c.Gone = flags&1 != 0, flags&2 != 0, flags&4 != 0
	c.Others = d.strs()
	if n := d.count(); n > 0 {
		c.Steps = make([]Step, n)
		for k := range c.Steps {
			c.Steps[k] = Step{By: d.str(), Text: d.str()}
		}
	}
}

// deltaID reads a change as delta does, but keeps only its id: it
// allocates nothing, and a log or blame reads every version's changes so.
func (d *indexDecoder) deltaID() string {
	if code := d.num(); code == len(changeCodes) {
		d.str()
	} else if code > len(changeCodes) {
		d.bad = true
	}
	id := d.str()
	d.str() // number
	d.str() // by
	d.str() // blob
	d.num() // flags
	for range d.count() {
		d.str() // others
	}
	for range d.count() {
		d.str() // step's instruction
		d.str() // and text
	}
	return id
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
