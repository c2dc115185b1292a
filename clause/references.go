package clause

import (
	"sort"
	"strings"
	"sync"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
)

var (
	annexRefRe = lazyre.New(`^((?i:annexes?))\s([IVXLCDM]+|\d+|[A-Z])\b`)
	codePrefix = lazyre.New(`^[LRDA]\.?\*?\s?\d`)
)

// qualifierStop ends the name of the text a reference points into: "du
// code de la sécurité sociale est fixé…" stops before "est".
var qualifierStop = map[string]bool{
	"est": true, "sont": true, "qui": true, "que": true, "qu'": true, "pour": true, "dans": true,
	"par": true, "lorsque": true, "a": true, "ont": true, "peut": true, "peuvent": true, "doit": true,
	"doivent": true, "sur": true, "aux": true, "au": true, "ou": true, "ne": true, "n'": true,
	"se": true, "s'": true, "il": true, "elle": true, "ils": true, "elles": true, "sous": true,
	"selon": true, "avec": true, "après": true, "avant": true, "entre": true, "relatif": true,
	"ainsi": true, "si": true, "afin": true, "dont": true, "où": true, "lorsqu'": true, "ci": true,
	"relative": true, "relatifs": true, "relatives": true, "en": true, "à": true, "sans": true,
}

var qualifierLink = map[string]bool{"de": true, "des": true, "du": true, "la": true, "l'": true, "d'": true}

// codeNames are the codes that conventions cite, longest first, so that a
// reference's qualifier ends where the code's name does.
var codeNames = sync.OnceValue(func() [][]string {
	var names [][]string
	for _, n := range []string{
		"code de la sécurité sociale", "code de la santé publique", "code du travail", "code civil",
		"code pénal", "code de l'action sociale et des familles", "code général des impôts",
		"code rural et de la pêche maritime", "code rural", "code de la mutualité", "code des assurances",
		"code général des collectivités territoriales", "code de commerce", "code de l'éducation",
		"code de procédure civile", "code de procédure pénale", "code de justice administrative",
		"code de la construction et de l'habitation", "code monétaire et financier",
		"code des relations entre le public et l'administration", "code de la défense",
		"code de l'environnement", "code de la consommation", "code de la route",
		"code des pensions civiles et militaires de retraite", "code de l'entrée et du séjour des étrangers et du droit d'asile",
	} {
		var ws []string
		for _, w := range tokenize(n) {
			ws = append(ws, w.low)
		}
		names = append(names, ws)
	}
	sort.SliceStable(names, func(a, b int) bool { return len(names[a]) > len(names[b]) })
	return names
})

// textKinds name other legal texts: "article 17 de l'arrêté du 13
// novembre 1998", "article 15 de la loi n° 78-17".
var textKinds = map[string]bool{
	"loi": true, "décret": true, "arrêté": true, "ordonnance": true, "directive": true, "règlement": true,
	"convention": true, "avenant": true, "accord": true, "traité": true, "décision": true,
	"protocole": true, "circulaire": true, "constitution": true,
}

var textSuffixes = map[string]bool{
	"susvisé": true, "susvisée": true, "susvisés": true, "susvisées": true, "précité": true,
	"précitée": true, "modifié": true, "modifiée": true, "susmentionné": true, "susmentionnée": true,
}

// qualifier reads what follows a reference: "du code de la sécurité
// sociale", "de l'arrêté du 13 novembre 1998 susvisé", "dudit code", "du
// présent règlement". It returns the end of the phrase, a normalised name
// of the text pointed into, and whether that is another text than this
// one (the present one is named only to be explicit).
func (t *factTextKind) qualifier(end int) (qend int, name string, external bool) {
	ws := t.words
	i := t.wordAt(end)
	adjacent := func(k int, from int) bool {
		return k < len(ws) && strings.TrimSpace(t.s[from:ws[k].start]) == ""
	}
	if !adjacent(i, end) {
		return end, "", false
	}
	qend = end
	// "articles 270 et suivants du code civil"
	if ws[i].low == "et" && i+1 < len(ws) && strings.HasPrefix(ws[i+1].low, "suivant") {
		qend = ws[i+1].end
		i += 2
		if !adjacent(i, qend) {
			return qend, "", false
		}
	}
	k := i
	switch ws[k].low {
	case "dudit", "desdits", "desdites":
		if k+1 < len(ws) && adjacent(k+1, ws[k].end) {
			return ws[k+1].end, "dudit " + ws[k+1].low, true
		}
		return qend, "", false
	case "du", "des":
		k++
	case "de":
		k++
		if k < len(ws) && (ws[k].low == "la" || ws[k].low == "l'") {
			k++
		}
	default:
		return qend, "", false
	}
	if k >= len(ws) || strings.ContainsAny(t.s[ws[k-1].end:ws[k].start], ",;:.()\n") {
		return qend, "", false
	}
	head := ws[k].low
	switch {
	case head == "présent" || head == "présente" || head == "présents" || head == "présentes":
		return qend, "", false
	case head == "même" || head == "ladite" || head == "ledit":
		if k+1 < len(ws) && isAllLetters(ws[k+1].low) {
			return ws[k+1].end, "même " + ws[k+1].low, true
		}
		return qend, "", false
	case head == "code":
		for _, cn := range codeNames() {
			if t.wordsAre(k, cn) {
				return ws[k+len(cn)-1].end, strings.Join(cn, " "), true
			}
		}
		return t.phrase(k, 8)
	case textKinds[head]:
		m := k + 1
		last := k
		name = head
		// "n° 78-17", "n° 2008-1249": the number names the text, and
		// another number another text.
		if m < len(ws) && ws[m].low == "n" && strings.HasPrefix(t.s[ws[m].end:], "°") {
			m++
			for m < len(ws) && isDigits(ws[m].s) && (m == k+2 || t.s[ws[m-1].end:ws[m].start] == "-") {
				last = m
				m++
			}
			if last > k {
				name += " n° " + t.s[ws[k+2].start:ws[last].end]
			}
		}
		// "du 13 novembre 1998": a text that bears no number is known by
		// its date, and another date is another text ("l'arrêté du 20
		// octobre 2024" → "du 21 octobre 2024").
		if m+3 < len(ws) && ws[m].low == "du" && months[ws[m+2].low] > 0 && isDigits(ws[m+3].s) {
			if last == k {
				name += " du " + t.s[ws[m+1].start:ws[m+3].end]
			}
			last = m + 3
			m += 4
		}
		if m < len(ws) && textSuffixes[ws[m].low] {
			last = m
		}
		return ws[last].end, name, true
	case isAllLetters(head) && !frtext.IsCardinalWord(head):
		return t.phrase(k, 4)
	}
	return qend, "", false
}

func isDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return s != ""
}

// wordsAre reports whether the words from index k spell want.
func (t *factTextKind) wordsAre(k int, want []string) bool {
	if k+len(want) > len(t.words) {
		return false
	}
	for d, w := range want {
		if t.words[k+d].low != w {
			return false
		}
	}
	return true
}

// phrase reads up to max words from index k as the name of a text: it
// stops at punctuation, at a word that starts a new clause of the sentence,
// and drops trailing articles.
func (t *factTextKind) phrase(k, max int) (int, string, bool) {
	ws := t.words
	last := k
	var parts []string
	for m := k; m < len(ws) && m < k+max; m++ {
		if m > k && strings.ContainsAny(t.s[ws[m-1].end:ws[m].start], ",;:.()\n") {
			break
		}
		if qualifierStop[ws[m].low] {
			break
		}
		// "code de l'action sociale et des familles", but not "du code
		// de la santé publique et agréée".
		if ws[m].low == "et" && (m+1 >= len(ws) || !qualifierLink[ws[m+1].low]) {
			break
		}
		last = m
		parts = append(parts, ws[m].low)
	}
	for len(parts) > 1 {
		switch parts[len(parts)-1] {
		case "de", "du", "des", "la", "le", "les", "l'", "et", "d'":
			parts = parts[:len(parts)-1]
			last--
			continue
		}
		break
	}
	return ws[last].end, strings.Join(parts, " "), true
}

// references finds cross-references to articles ("l'article 28.1",
// "articles 12 et 13", "article L. 162-5 du code de la sécurité sociale")
// and annexes. A plural reference gives one fact per number, each printed
// as "article N" followed by the text it points into, if any.
func (t *factTextKind) references() []factAt {
	var out []factAt
	s := t.s
	var arts, annexes []int
	for i, w := range t.words {
		if t.classes[i]&classReference == 0 {
			continue
		}
		switch w.low {
		case "article", "articles", "art":
			arts = append(arts, w.start)
		case "annexe", "annexes":
			annexes = append(annexes, w.start)
		}
	}
	for _, r := range refMatchesAt(s, arts) {
		m := r.m
		if headingLine(s, m[2]) {
			continue
		}
		kw := strings.ToLower(s[m[2]:m[3]])
		list := s[m[4]:m[5]]
		nums := r.nums
		if kw == "article" || kw == "art." {
			nums = nums[:1]
		}
		lastEnd := m[4] + nums[len(nums)-1][1]
		if !endsWord(s, lastEnd) {
			continue
		}
		qend, qname, qext := t.qualifier(lastEnd)
		label := "article"
		if kw == "art." {
			label = "art."
		}
		for k, n := range nums {
			num := list[n[0]:n[1]]
			start, end := m[4]+n[0], m[4]+n[1]
			if k == 0 {
				start = m[2]
			}
			if k == len(nums)-1 {
				end = qend
			}
			text := label + " " + strings.Join(strings.Fields(num), " ")
			if qname != "" {
				text += " " + t.display(lastEnd, qend)
			}
			f := factAt{kind: FactReference, start: start, end: end, text: text, refKind: KindArticle, refNum: num}
			if qext {
				f.external = true
				f.refKey = "ext:" + qname + ":" + NormalizeNumber(num)
			} else {
				f.refKey = NumberKey(KindArticle, num)
				f.codeNumbered = codePrefix.MatchString(num)
			}
			f.key = "reference:" + f.refKey
			f.val = f.refKey
			if from, sub, ok := subdivisionBefore(s, m[2], t.subdivisionMatch); ok && len(nums) == 1 {
				f.start, f.text = from, sub+" de l'"+text
				f.val += " " + subdivisionKey(sub)
			}
			out = append(out, f)
		}
	}
	for _, m := range matchesAt(annexRefRe, s, annexes, 32) {
		if headingLine(s, m[2]) {
			continue
		}
		num := s[m[4]:m[5]]
		qend, qname, qext := t.qualifier(m[1])
		text := "annexe " + num
		key := NumberKey(KindAnnex, num)
		if qname != "" {
			text += " " + t.display(m[1], qend)
			key = "ext:" + qname + ":" + key
		}
		out = append(out, factAt{kind: FactReference, start: m[2], end: qend, text: text, refKind: KindAnnex,
			refNum: num, refKey: key, external: qext, key: "reference:" + key, val: key})
	}
	return append(out, t.numberedTexts()...)
}

// numberedTexts finds the texts cited by their number alone, outside an
// article's reference: "modifié par l'avenant n° 1", "la loi n°
// 2004-810", "le décret n° 2020-123". Another number cites another text,
// a change of what the clause rests on; the text is no clause of this
// one, never checked against it. Within "article 12 de la loi n° 78-17"
// the article's reference, read first, holds it.
func (t *factTextKind) numberedTexts() []factAt {
	if !strings.Contains(t.s, "n°") {
		return nil
	}
	var out []factAt
	ws := t.words
	for k := 0; k+2 < len(ws); k++ {
		if !textKinds[ws[k].low] || ws[k+1].low != "n" || !strings.HasPrefix(t.s[ws[k+1].end:], "°") || !isDigits(ws[k+2].s) {
			continue
		}
		last := k + 2
		for last+1 < len(ws) && isDigits(ws[last+1].s) && t.s[ws[last].end:ws[last+1].start] == "-" {
			last++
		}
		name := ws[k].low + " n° " + t.s[ws[k+2].start:ws[last].end]
		out = append(out, factAt{kind: FactReference, start: ws[k].start, end: ws[last].end, text: t.display(ws[k].start, ws[last].end),
			refKey: "ext:" + name, external: true, key: "reference:ext:" + name, val: "ext:" + name})
		k = last
	}
	return out
}

// subdivisionMatch is subdivisionRe's match of w. The old and the new
// texts of a clause cite the same parts of articles with the same words:
// the new one takes the old one's matches (see cutLike) rather than
// running the expression, Go's backtracker over a long alternation,
// again.
func (t *factTextKind) subdivisionMatch(w string) []int {
	if t.like != nil {
		if m, ok := t.like.subdivisions[w]; ok {
			return m
		}
	}
	m := subdivisionRe.FindStringSubmatchIndex(w)
	if t.subdivisions == nil {
		t.subdivisions = map[string][]int{}
	}
	t.subdivisions[w] = m
	return m
}

// headingLine reports whether the line of s that starts at start is a
// heading ("Art. 20.", "Article 12 - Objet"), as a clause's text may repeat
// its own: a heading names the clause it opens and is never a reference.
func headingLine(s string, start int) bool {
	if start > 0 && s[start-1] != '\n' {
		return false
	}
	end := strings.IndexByte(s[start:], '\n')
	if end < 0 {
		end = len(s) - start
	}
	_, ok := classify(strings.TrimSpace(s[start:start+end]), true)
	return ok
}
