package clause

import (
	"hash/maphash"
	"iter"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what the aligner knows about the text of each clause:
// a hash of its canonical form (for exact matches), the sorted multiset of
// its word bigrams (for the verified similarity) and a MinHash signature of
// its word 3-shingles (to find candidate pairs without comparing every old
// clause with every new one). Canonical folding is in align_canon.go.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211

	// sigK is the number of MinHash bins; 64 lets one uint64 record which
	// bins one-permutation hashing left empty.
	sigK = 64
	// bandRows rows per LSH band: two rows keep the recall high for pairs
	// around the 0.5 Dice threshold (3-shingle Jaccard near 0.25).
	bandRows = 2
	bands    = sigK / bandRows

	// Start and end markers of a word sequence, for bigrams.
	tokBOS = 0x9e3779b97f4a7c15
	tokEOS = 0xc2b2ae3d27d4eb4f
)

// wordHash finishes a word's hash from its running state and its last
// packed bytes.
func wordHash(h, acc uint64, n int) uint64 { return mix64(h ^ acc ^ uint64(n)<<59) }

// mix64 is the splitmix64 finaliser: FNV alone spreads its low bits badly,
// and MinHash needs every bit to look random.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Class of kinds that may be matched with one another: an article never
// matches a title, an item only matches an item.
const (
	classOther uint8 = iota
	classContainer
	classText
	classItem
	numClasses
)

func kindClass(k Kind) uint8 {
	switch k {
	case KindTitle, KindChapter, KindSection, KindAnnex:
		return classContainer
	case KindArticle, KindParagraph, KindPreamble:
		return classText
	case KindItem:
		return classItem
	}
	return classOther
}

// isSpaceByte reports ASCII white space (space, \t, \n, \v, \f, \r),
// the fast path of canonical folding and of the tokeniser; in few enough
// operations to be inlined in isSpaceRune.
func isSpaceByte(c byte) bool { return c == ' ' || c-'\t' <= '\r'-'\t' }

// wordByte maps an ASCII byte to its lower-case form when it belongs to
// a word (letter or digit), else to 0.
var wordByte = func() (t [utf8.RuneSelf]byte) {
	for b := range t {
		c := byte(b)
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[b] = c
		case 'A' <= c && c <= 'Z':
			t[b] = c + 'a' - 'A'
		}
	}
	return t
}()

// wordHashes appends the hash of each word of s (a run of letters and
// digits, lower-cased) to buf. Punctuation is dropped: "4," and "4." are
// the same word for similarity. ASCII bytes are packed eight to a
// multiplication, which keeps this loop off the critical path. Words and
// the gaps between them are read by two loops, so that no byte asks
// which of the two it is in.
func wordHashes(buf []uint64, s string) []uint64 {
	const k = 0x9e3779b97f4a7c15
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if wordByte[b] == 0 {
				i++
				continue
			}
		} else if lower, size := wordRuneLower(s, i); lower < 0 {
			i += size
			continue
		}
		h, acc, n := uint64(fnvOffset), uint64(0), 0 // n bytes in acc
		for i < len(s) {
			if b := s[i]; b < utf8.RuneSelf {
				w := wordByte[b]
				if w == 0 {
					break
				}
				i++
				if n == 8 {
					h = (h ^ acc) * k
					acc, n = 0, 0
				}
				acc = acc<<8 | uint64(w)
				n++
				continue
			}
			lower, size := wordRuneLower(s, i)
			i += size
			if lower < 0 {
				break
			}
			// A non-ASCII rune closes the packed bytes and enters
			// alone, tagged so that it cannot pass for ASCII bytes.
			h = (h^acc^uint64(n)<<59)*k ^ (uint64(lower) | 1<<40)
			h *= k
			acc, n = 0, 0
		}
		buf = append(buf, wordHash(h, acc, n))
	}
	return buf
}

// wordRuneLower decodes the non-ASCII rune at s[i] and returns its lower
// case and its size; the rune is -1 when it is neither a letter nor a
// digit. The accented letters of French, U+00C0 to U+00FF, are read without
// the Unicode tables: all of them letters but × and ÷, the capitals (up to
// U+00DE) lowered by 0x20.
func wordRuneLower(s string, i int) (rune, int) {
	if s[i] == 0xc3 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		switch r := 0xc0 | rune(s[i+1]&0x3f); {
		case r == 0xd7 || r == 0xf7:
			return -1, 2
		case r <= 0xde:
			return r + 0x20, 2
		default:
			return r, 2
		}
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return -1, size
	}
	return unicode.ToLower(r), size
}

// sortHashes sorts v, whose values are hashes and so spread evenly: one
// counting pass scatters them by their top bits into about len(v)/4
// buckets, then each bucket is sorted by insertion. It uses tmp (grown as
// needed) as scratch, for the values and the bucket bounds, and returns it
// for reuse. On bigram lists this takes
// half the time of a four-pass radix sort, and a third of a comparison
// sort's. A bucket that many equal values (a phrase repeated) have filled
// is sorted by comparison, so no input makes the insertions quadratic.
func sortHashes(v, tmp []uint32) []uint32 {
	if len(v) < 64 {
		slices.Sort(v)
		return tmp
	}
	shift := 34 - bits.Len(uint(len(v))) // 2^(32-shift) buckets
	need := len(v) + 1<<(32-shift) + 1
	if cap(tmp) < need {
		tmp = make([]uint32, need)
	}
	tmp = tmp[:need]
	end := tmp[len(v):]
	clear(end)
	for _, x := range v {
		end[x>>shift+1]++
	}
	for d := 1; d < len(end); d++ {
		end[d] += end[d-1]
	}
	// end[d] is where bucket d starts; after the scatter, where it ends.
	for _, x := range v {
		d := x >> shift
		tmp[end[d]] = x
		end[d]++
	}
	start := uint32(0)
	for _, e := range end[:len(end)-1] {
		if e-start > maxInsertion {
			slices.Sort(tmp[start:e])
		} else {
			insertionSort(tmp[start:e])
		}
		start = e
	}
	copy(v, tmp[:len(v)])
	return tmp
}

// maxInsertion is the largest bucket sortHashes sorts by insertion.
const maxInsertion = 32

func insertionSort(v []uint32) {
	for i := 1; i < len(v); i++ {
		x := v[i]
		j := i
		for j > 0 && v[j-1] > x {
			v[j] = v[j-1]
			j--
		}
		v[j] = x
	}
}

// byteStarts is a counting sort's table for the byte of v at shift: the
// index at which the values holding each byte value start in the output.
func byteStarts(v []uint32, shift int) [257]int {
	var count [257]int
	for _, x := range v {
		count[(x>>shift)&0xff+1]++
	}
	for d := 1; d < 257; d++ {
		count[d] += count[d-1]
	}
	return count
}

// bigramsOf returns the sorted multiset of word bigrams of the words,
// padded with start and end markers so that a one-word text still has
// something to compare.
func bigramsOf(words []uint64) []uint32 {
	out := bigramsUnsorted(words, make([]uint32, len(words)+1))
	sortHashes(out, nil)
	return out
}

// bigramsUnsorted writes the word bigrams of the words into out, of
// len(words)+1 elements, and returns them, in the order of the text.
func bigramsUnsorted(words []uint64, out []uint32) []uint32 {
	if len(words) == 0 {
		return out[:0]
	}
	prev := uint64(tokBOS)
	for k, w := range words {
		out[k] = uint32(mix64(prev*fnvPrime ^ w))
		prev = w
	}
	out[len(words)] = uint32(mix64(prev*fnvPrime ^ tokEOS))
	return out
}

// signature fills sig with a one-permutation MinHash of the word
// 3-shingles: each shingle hash picks a bin and competes for that bin's
// minimum, which costs one hash per shingle instead of one per shingle and
// bin. Empty bins borrow from the next filled bin (rotation
// densification), so that equal shingle sets always give equal signatures.
// It reports false when there are no words.
func signature(words []uint64, sig []uint32) bool {
	if len(words) == 0 {
		return false
	}
	var filled uint64
	add := func(sh uint64) {
		h := mix64(sh)
		bin := h >> 58
		v := uint32(h)
		if filled&(1<<bin) == 0 || v < sig[bin] {
			sig[bin] = v
			filled |= 1 << bin
		}
	}
	if len(words) < 3 {
		h := uint64(fnvOffset)
		for _, w := range words {
			h = (h ^ w) * fnvPrime
		}
		add(h)
	} else {
		for i := 0; i+2 < len(words); i++ {
			add(((words[i]*fnvPrime)^words[i+1])*fnvPrime ^ words[i+2])
		}
	}
	for j := 0; j < sigK; j++ {
		if filled&(1<<j) != 0 {
			continue
		}
		for d := 1; d < sigK; d++ {
			src := (j + d) % sigK
			if filled&(1<<src) != 0 {
				sig[j] = sig[src] + uint32(d)*0x9e3779b1
				break
			}
		}
	}
	return true
}

// intersectCount counts the common elements of two sorted multisets.
func intersectCount(a, b []uint32) int { return intersectAtLeast(a, b, 0) }

// intersectAtLeast is intersectCount, except that it stops as soon as
// fewer than need common elements remain possible, and then returns a
// count below need. The bound is checked once every 64 elements of a;
// with nothing to stop for, a is read in one block. Each block is a slice
// of its own, so that the loop reads it without bounds checks.
func intersectAtLeast(a, b []uint32, need int) int {
	i, j, n := 0, 0, 0
	step := 64
	if need <= 0 {
		step = len(a)
	}
	for i < len(a) && j < len(b) {
		if n+min(len(a)-i, len(b)-j) < need {
			return n
		}
		block := a[:min(len(a), i+step)]
		for i < len(block) && j < len(b) {
			switch {
			case block[i] < b[j]:
				i++
			case block[i] > b[j]:
				j++
			default:
				n++
				i++
				j++
			}
		}
	}
	return n
}

// dice is the Dice coefficient of two bigram multisets; two empty texts
// are identical.
func dice(a, b []uint32) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(intersectCount(a, b)) / float64(len(a)+len(b))
}

// diceAtLeastHalf is dice(a, b) when that reaches one half, else a value
// below one half, found without reading two dissimilar lists to the end.
func diceAtLeastHalf(a, b []uint32) float64 {
	total := len(a) + len(b)
	if total == 0 {
		return 1
	}
	// 2·common/total reaches 1/2 exactly when 4·common reaches total.
	return 2 * float64(intersectAtLeast(a, b, (total+3)/4)) / float64(total)
}

// containment is the share of part's bigrams found in whole.
func containment(part, whole []uint32) float64 {
	if len(part) == 0 {
		return 0
	}
	return float64(intersectCount(part, whole)) / float64(len(part))
}

// features caches, per clause of one document, what the passes of the
// aligner compare. Word features are computed on first use: most clauses
// of two versions are identical and never need them, and a clause matched
// by its canonical identity needs no sorted bigrams.
type features struct {
	d        *Document
	class    []uint8
	blank    []bool   // text without any visible character
	head     []string // canonical heading rest (see headingRestBuf)
	headHash []uint64
	// rawIdent identifies kind class, heading rest and text byte for
	// byte; it is 0 for a clause with neither text nor heading rest,
	// which must not be matched by its emptiness.
	rawIdent []uint64
	// wordSeq hashes the sequence of words of the content. Texts equal
	// up to canonical folding have equal word sequences, so it finds the
	// candidates of the canonical identity pass without canonicalising
	// every text.
	wordSeq []uint64
	// keyFirst is the first clause holding each number, keyNext the next
	// one holding the number of a clause, or -1: a chain in document
	// order, fewer allocations than a map of slices.
	keyFirst map[string]int32
	keyNext  []int32
	prevSame []int32 // previous clause of the same class, or -1
	nextSame []int32

	stage []uint8 // how far the word features of each clause are computed
	// big holds the word bigrams of each clause, in the order of its text
	// until sorted: two versions of a clause hold theirs in the same
	// order but around their edits.
	big     [][]uint32
	sig     [][]uint32 // nil when not computed or no words
	scratch []uint64
	lines   *lineWords // shared by both documents of an alignment
	canon   []byte
	sortTmp []uint32
	// The bigrams and signatures are cut from slabs, a few allocations
	// instead of two per clause.
	slab slab[uint32]
}

// Stages of a clause's word features.
const (
	stageNone    = iota
	stageHashed  // wordSeq, signature and bigrams set, bigrams in text order
	stageCounted // as stageHashed, and counted once from a sorted copy
	stageSorted  // bigrams sorted
)

// slab hands out slices cut from larger blocks.
type slab[T any] struct{ free []T }

// slabBlock is the size of a slab's blocks, in elements.
const slabBlock = 1 << 14

// take returns a slice of n elements, zeroed, that no other take returns.
func (s *slab[T]) take(n int) []T {
	if n > len(s.free) {
		if n > slabBlock/4 {
			return make([]T, n)
		}
		s.free = make([]T, slabBlock)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

func newFeatures(d *Document, lines *lineWords) *features {
	n := len(d.Clauses)
	f := &features{
		d:        d,
		lines:    lines,
		class:    make([]uint8, n),
		blank:    make([]bool, n),
		head:     make([]string, n),
		headHash: make([]uint64, n),
		rawIdent: make([]uint64, n),
		wordSeq:  make([]uint64, n),
		keyFirst: make(map[string]int32, n),
		keyNext:  make([]int32, n),
		prevSame: make([]int32, n),
		nextSame: make([]int32, n),
		stage:    make([]uint8, n),
		big:      make([][]uint32, n),
		sig:      make([][]uint32, n),
	}
	var last [numClasses]int32
	for k := range last {
		last[k] = -1
	}
	for i := range d.Clauses {
		c := &d.Clauses[i]
		cl := kindClass(c.Kind)
		f.class[i] = cl
		// The status is left out: "Article 3 (supprimé)" and "Article 8
		// (supprimé)", both without text, are not the same clause.
		f.head[i], f.canon = headingRestBuf(withoutStatus(c), c.Number, f.canon)
		f.blank[i] = isBlank(c.Text)
		if !f.blank[i] || f.head[i] != "" {
			// Kind only matters within classOther: other classes
			// mix their kinds.
			kind := ""
			if cl == classOther {
				kind = string(c.Kind)
			}
			f.headHash[i] = maphash.String(hashSeed, kind+"\x00"+f.head[i]) ^ uint64(cl)<<56
			f.rawIdent[i] = mix64(f.headHash[i]^mix64(maphash.String(hashSeed, c.Text))) | 1
		}
		f.prevSame[i] = last[cl]
		f.nextSame[i] = -1
		if last[cl] >= 0 {
			f.nextSame[last[cl]] = int32(i)
		}
		last[cl] = int32(i)
	}
	for i := n - 1; i >= 0; i-- {
		f.keyNext[i] = -1
		if k := d.Clauses[i].Key; k != "" {
			if j, ok := f.keyFirst[k]; ok {
				f.keyNext[i] = j
			}
			f.keyFirst[k] = int32(i)
		}
	}
	return f
}

// holders yields the clauses that hold number key, in document order.
func (f *features) holders(key string) iter.Seq[int] {
	return func(yield func(int) bool) {
		i, ok := f.keyFirst[key]
		for ok && i >= 0 && yield(int(i)) {
			i = f.keyNext[i]
		}
	}
}

// ident returns the raw identity of clause i or, when canonical, a key
// shared by all clauses whose kind class, heading rest and canonical text
// agree (and by a few others: callers verify with canonEqual).
func (f *features) ident(i int, canonical bool) uint64 {
	if !canonical || f.rawIdent[i] == 0 {
		return f.rawIdent[i]
	}
	f.hash(i)
	return mix64(f.headHash[i]^mix64(f.wordSeq[i])) | 1
}

// content is what similarity is measured on: the text, or for a clause
// without text (a container) its heading rest.
func (f *features) content(i int) string {
	if f.blank[i] {
		return f.head[i]
	}
	return f.d.Clauses[i].Text
}

// hash computes the word sequence hash, the signature and the bigrams,
// in the order of the text, of clause i. The canonical identity needs
// only the first; the
// others are taken from the word hashes while they are at hand, which
// costs less than keeping them, and the sort, the bulk of the cost, is
// left to ensure.
func (f *features) hash(i int) {
	if f.stage[i] != stageNone {
		return
	}
	f.stage[i] = stageHashed
	f.scratch = f.lines.appendWords(f.scratch[:0], f.content(i))
	words := f.scratch
	h := uint64(fnvOffset)
	for _, w := range words {
		h = (h ^ w) * fnvPrime
	}
	f.wordSeq[i] = h
	f.big[i] = bigramsUnsorted(words, f.slab.take(len(words)+1))
	if len(words) > 0 {
		f.sig[i] = f.slab.take(sigK)
		signature(words, f.sig[i])
	}
}

// ensure computes the sorted bigrams and signature of clause i.
func (f *features) ensure(i int) {
	if f.stage[i] == stageSorted {
		return
	}
	f.hash(i)
	f.stage[i] = stageSorted
	f.sortTmp = sortHashes(f.big[i], f.sortTmp)
}

// hasWords reports whether the content of clause i has words.
func (f *features) hasWords(i int) bool {
	return f.nBigrams(i) > 0
}

// nBigrams is the number of word bigrams of clause i.
func (f *features) nBigrams(i int) int {
	f.hash(i)
	return len(f.big[i])
}

func (f *features) bigrams(i int) []uint32 {
	f.ensure(i)
	return f.big[i]
}

// joinedBigrams is the bigram multiset of the contents of several clauses
// read one after the other, as a reader would see a split article.
func (f *features) joinedBigrams(idx []int) []uint32 {
	if len(idx) == 1 {
		return f.bigrams(idx[0])
	}
	f.scratch = f.scratch[:0]
	for _, i := range idx {
		f.scratch = f.lines.appendWords(f.scratch, f.content(i))
	}
	return bigramsOf(f.scratch)
}

// joinedEqual reports whether the contents of two lists of clauses read
// the same once canonicalised.
func joinedEqual(fa *features, a []int, fb *features, b []int) bool {
	if len(a) == 1 && len(b) == 1 {
		return canonEqual(fa.content(a[0]), fb.content(b[0]))
	}
	return canonEqual(joinContent(fa, a), joinContent(fb, b))
}

func joinContent(f *features, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = f.content(i)
	}
	return strings.Join(parts, "\n\n")
}

// relPos is the relative position of clause i in its document, so that
// documents of different lengths can be compared position for position.
func (f *features) relPos(i int) float64 {
	return (float64(i) + 0.5) / float64(len(f.class))
}

// parent returns the parent index of clause i, or -1 when it has none or
// the stored index is out of range.
func (f *features) parent(i int) int {
	p := f.d.Clauses[i].Parent
	if p < 0 || p >= len(f.class) || p == i {
		return -1
	}
	return p
}

// lshCandidates returns candidate pairs (old<<32 | new) among the given
// clauses whose signatures agree on at least one band. Buckets shared by
// many clauses (boilerplate) only pair clauses that stand at nearby
// relative positions, so the cost stays linear.
func lshCandidates(of, nf *features, olds, news []int) []uint64 {
	// 32-bit band keys: a rare collision only proposes a pair that the
	// verification then rejects.
	n := 0
	for _, i := range olds {
		if of.hash(i); of.sig[i] != nil {
			n++
		}
	}
	for _, j := range news {
		if nf.hash(j); nf.sig[j] != nil {
			n++
		}
	}
	keys := make([]uint32, 0, n*bands)
	ids := make([]int32, 0, n*bands) // old index, or -1-new
	add := func(f *features, idx []int, isNew bool) {
		for _, i := range idx {
			s := f.sig[i]
			if s == nil {
				continue
			}
			id := int32(i)
			if isNew {
				id = -1 - id
			}
			for b := 0; b < bands; b++ {
				k := uint64(s[b*bandRows])<<32 | uint64(s[b*bandRows+1])
				keys = append(keys, uint32(mix64(k^uint64(b)*0x9e3779b97f4a7c15)))
				ids = append(ids, id)
			}
		}
	}
	add(of, olds, false)
	add(nf, news, true)
	order := radixOrder(keys)
	set := newPairSet(olds, news)
	var pairs []uint64
	var os, ns []int
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && keys[order[hi]] == keys[order[lo]] {
			hi++
		}
		if hi-lo > 1 {
			os, ns = os[:0], ns[:0]
			// The sort is stable: old clauses, then new ones, each in
			// document order.
			for _, e := range order[lo:hi] {
				if id := ids[e]; id >= 0 {
					os = append(os, int(id))
				} else {
					ns = append(ns, int(-1-id))
				}
			}
			if len(os) > 0 && len(ns) > 0 {
				pairs = nearPairs(pairs[:0], of, nf, os, ns, 64, 3)
				set.add(pairs)
			}
		}
		lo = hi
	}
	return set.sorted()
}

// radixOrder returns the permutation that sorts keys, stable.
func radixOrder(keys []uint32) []int32 {
	order := make([]int32, len(keys))
	tmp := make([]int32, len(keys))
	for i := range order {
		order[i] = int32(i)
	}
	for shift := 0; shift < 32; shift += 8 {
		count := byteStarts(keys, shift)
		for _, e := range order {
			d := (keys[e] >> shift) & 0xff
			tmp[count[d]] = e
			count[d]++
		}
		order, tmp = tmp, order
	}
	return order
}

// nearPairs appends the pairs (o<<32 | n) of os × ns: all of them when
// there are at most limit, else for each old clause the w new clauses on
// either side of its relative position. ns must be sorted.
func nearPairs(out []uint64, of, nf *features, os, ns []int, limit, w int) []uint64 {
	if len(os)*len(ns) <= limit {
		for _, o := range os {
			for _, n := range ns {
				out = append(out, uint64(o)<<32|uint64(n))
			}
		}
		return out
	}
	for _, o := range os {
		rp := of.relPos(o)
		k, _ := slices.BinarySearchFunc(ns, rp, func(n int, t float64) int {
			if nf.relPos(n) < t {
				return -1
			}
			return 1
		})
		for j := max(0, k-w); j < min(len(ns), k+w); j++ {
			out = append(out, uint64(o)<<32|uint64(ns[j]))
		}
	}
	return out
}

// sigAgreement is the share of MinHash bins on which two clauses agree, an
// estimate of the Jaccard similarity of their 3-shingle sets.
func sigAgreement(of, nf *features, o, n int) float64 {
	a, b := of.sig[o], nf.sig[n]
	if a == nil || b == nil {
		return 0
	}
	eq := 0
	for k := range a {
		if a[k] == b[k] {
			eq++
		}
	}
	return float64(eq) / sigK
}
