package clause

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// HugeText is the size, both texts together, from which two texts are
// compared by sentence and line rather than by word, and a change's facts
// are not read. The word diff and the facts cost some forty times the
// text in memory and a few seconds a megabyte (two 12 MB versions of one
// single-line clause took 21 s and 950 MB); a clause of the corpus is
// under 20 KB, a whole convention read as one clause (no heading found)
// a few megabytes. Past it, the answer stays true but coarser, and says
// so (Change.Coarse).
const HugeText = 4 << 20

// Huge reports whether two texts are past HugeText, together.
func Huge(old, new string) bool { return len(old)+len(new) > HugeText }

// CoarseNote is what a change compared coarsely says of itself, in
// English or French: the bytes of its texts, and what was not done.
func CoarseNote(c *Change, french bool) string {
	if c.Coarse == 0 {
		return ""
	}
	mb := float64(c.Coarse) / 1e6
	diffed := c.Kind != Added && c.Kind != Removed
	if french {
		what := "faits non lus"
		if diffed {
			what = "comparé par phrase et par ligne, " + what
		}
		return fmt.Sprintf("%s : %s Mo de texte, au-delà des %d Mio lus mot à mot", what, strings.Replace(fmt.Sprintf("%.1f", mb), ".", ",", 1), HugeText>>20)
	}
	what := "facts not read"
	if diffed {
		what = "compared by sentence and line, " + what
	}
	return fmt.Sprintf("%s: %.1f MB of text, over the %d MiB read word by word", what, mb, HugeText>>20)
}

// coarseUnits bounds the units, both sides together, of one exact diff
// of units, as exactDiffTokens does for words.
const coarseUnits = 4000

// coarseDiff is the diff of two huge texts by units, sentences and lines:
// common ends, then units found once on each side in the same order as
// anchors, an exact diff of what lies between them when it is small, and
// delete-and-insert of the rest. Time and memory are linear in the texts,
// the hunks substrings of them; a change inside one long sentence shows
// as that sentence rewritten.
func coarseDiff(old, new string) []Hunk {
	ids := map[string]int32{}
	u := unitDiffer{old: old, new: new}
	u.offA, u.a = cutUnits(old, ids)
	u.offB, u.b = cutUnits(new, ids)
	u.diff(0, len(u.a), 0, len(u.b), 0)
	u.flush()
	return u.hunks
}

// cutUnits cuts text after each line break and at each sentence start,
// and returns where each unit starts (and the text's end), and each
// unit's code in ids, the same for the same text on either side.
func cutUnits(text string, ids map[string]int32) (off []int, codes []int32) {
	push := func(from, to int) {
		id, ok := ids[text[from:to]]
		if !ok {
			id = int32(len(ids))
			ids[text[from:to]] = id
		}
		off = append(off, from)
		codes = append(codes, id)
	}
	start := 0
	for line := range strings.SplitAfterSeq(text, "\n") {
		at := 0
		for _, s := range frtext.SentenceStarts(line) {
			if s > at && s < len(line) {
				push(start+at, start+s)
				at = s
			}
		}
		if at < len(line) {
			push(start+at, start+len(line))
		}
		start += len(line)
	}
	return append(off, len(text)), codes
}

// unitDiffer diffs two texts cut into units: a and b are the units'
// codes, offA and offB where they start in old and new. Hunks are made
// of one pending run at a time, a substring of its side's text, so that
// a hundred thousand anchors copy nothing.
type unitDiffer struct {
	old, new   string
	offA, offB []int
	a, b       []int32
	hunks      []Hunk
	pending    Op
	from, to   int // the pending run, in old (equal, delete) or new (insert)
}

// emit adds units i..j of one side (new for an insertion, else old).
func (u *unitDiffer) emit(op Op, i, j int) {
	if i == j {
		return
	}
	off := u.offA
	if op == OpInsert {
		off = u.offB
	}
	if op == u.pending && u.to == off[i] {
		u.to = off[j]
		return
	}
	u.flush()
	u.pending, u.from, u.to = op, off[i], off[j]
}

func (u *unitDiffer) flush() {
	if u.pending == "" {
		return
	}
	text := u.old
	if u.pending == OpInsert {
		text = u.new
	}
	u.hunks = append(u.hunks, Hunk{u.pending, text[u.from:u.to]})
	u.pending = ""
}

// change emits the old units a0..a1 as deleted and the new b0..b1 as
// inserted, deletions first as the word diff orders them.
func (u *unitDiffer) change(a0, a1, b0, b1 int) {
	u.emit(OpDelete, a0, a1)
	u.emit(OpInsert, b0, b1)
}

func (u *unitDiffer) diff(a0, a1, b0, b1, depth int) {
	p := 0
	for a0+p < a1 && b0+p < b1 && u.a[a0+p] == u.b[b0+p] {
		p++
	}
	u.emit(OpEqual, a0, a0+p)
	a0, b0 = a0+p, b0+p
	s := 0
	for a1-s > a0 && b1-s > b0 && u.a[a1-1-s] == u.b[b1-1-s] {
		s++
	}
	defer u.emit(OpEqual, a1-s, a1)
	a1, b1 = a1-s, b1-s
	switch {
	case a0 == a1 || b0 == b1:
		u.change(a0, a1, b0, b1)
	case a1-a0+b1-b0 <= coarseUnits:
		u.exact(a0, a1, b0, b1)
	default:
		var anchors [][2]int
		if depth < maxAnchorDepth {
			anchors = u.anchors(a0, a1, b0, b1)
		}
		if len(anchors) == 0 {
			u.change(a0, a1, b0, b1)
			return
		}
		for _, an := range anchors {
			u.diff(a0, an[0], b0, an[1], depth+1)
			u.emit(OpEqual, an[0], an[0]+1)
			a0, b0 = an[0]+1, an[1]+1
		}
		u.diff(a0, a1, b0, b1, depth+1)
	}
}

// exact diffs few units exactly, each distinct unit a rune of the
// private use area.
func (u *unitDiffer) exact(a0, a1, b0, b1 int) {
	local := map[int32]rune{}
	runes := func(ids []int32) []rune {
		out := make([]rune, len(ids))
		for i, id := range ids {
			r, ok := local[id]
			if !ok {
				r = 0xE000 + rune(len(local))
				local[id] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := runes(u.a[a0:a1]), runes(u.b[b0:b1])
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	i, j := a0, b0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			u.emit(OpEqual, i, i+n)
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			u.emit(OpDelete, i, i+n)
			i += n
		case diffmatchpatch.DiffInsert:
			u.emit(OpInsert, j, j+n)
			j += n
		}
	}
}

// anchors are the units found once in a0..a1 and once in b0..b1, the
// longest run of them in the same order on both sides, as index pairs.
func (u *unitDiffer) anchors(a0, a1, b0, b1 int) [][2]int {
	type count struct{ a, b, ia, ib int }
	counts := map[int32]*count{}
	for i := a0; i < a1; i++ {
		c := counts[u.a[i]]
		if c == nil {
			c = &count{}
			counts[u.a[i]] = c
		}
		c.a++
		c.ia = i
	}
	for j := b0; j < b1; j++ {
		if c := counts[u.b[j]]; c != nil {
			c.b++
			c.ib = j
		}
	}
	var pairs [][2]int
	for i := a0; i < a1; i++ {
		if c := counts[u.a[i]]; c.a == 1 && c.b == 1 {
			pairs = append(pairs, [2]int{c.ia, c.ib})
		}
	}
	news := make([]int, len(pairs))
	for i, p := range pairs {
		news[i] = p[1]
	}
	var out [][2]int
	for i, keep := range longestIncreasing(news) {
		if keep {
			out = append(out, pairs[i])
		}
	}
	return out
}
