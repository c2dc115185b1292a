package render

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// Styles colour the text renderers. The zero value renders plain text, in
// which deletions and insertions are marked [-like this-] and {+like this+},
// as git diff --word-diff=plain does.
//
// They are bare SGR sequences rather than Lip Gloss styles: a diff is a
// stream of lines for a terminal or a pager, which must not be padded to a
// block or styled rune by rune.
type Styles struct {
	Color   bool
	Header  ansi.Style
	Kind    ansi.Style
	Delete  ansi.Style
	Insert  ansi.Style
	Fact    ansi.Style
	Faint   ansi.Style
	Summary ansi.Style
}

// ColorStyles are the styles used on a colour terminal: the 16 basic
// colours, which every terminal has and the user's theme tunes.
func ColorStyles() Styles {
	return Styles{
		Color:   true,
		Header:  ansi.Style{}.Bold(),
		Kind:    ansi.Style{}.Bold().ForegroundColor(ansi.Yellow),
		Delete:  ansi.Style{}.ForegroundColor(ansi.Red).Strikethrough(true),
		Insert:  ansi.Style{}.ForegroundColor(ansi.Green).Underline(true),
		Fact:    ansi.Style{}.ForegroundColor(ansi.Cyan),
		Faint:   ansi.Style{}.Faint(),
		Summary: ansi.Style{}.Bold(),
	}
}

// render styles text line by line, so that indentation added later and
// the line breaks themselves stay unstyled.
func (s Styles) render(st ansi.Style, text string) string {
	if !s.Color || text == "" {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = st.Styled(l)
		}
	}
	return strings.Join(lines, "\n")
}

// contextRunes bounds how much unchanged text is shown around a change.
const contextRunes = 80

// DiffText writes a diff for a reader: per listed change a header with the
// kind, old → new numbers and flags, the word-level diff with unchanged
// stretches shortened, and the facts underneath; then the summary line.
func DiffText(w io.Writer, d *clause.Diff, old, new Side, all bool, st Styles) error {
	return diffText(w, d, all, st, true)
}

// DiffOverview is DiffText without the texts: one header line per listed
// change and its facts, then the summary. The demo's --no-tui prints it.
func DiffOverview(w io.Writer, d *clause.Diff, st Styles) error {
	return diffText(w, d, false, st, false)
}

func diffText(w io.Writer, d *clause.Diff, all bool, st Styles, bodies bool) error {
	ew := &errWriter{w: w}
	if !d.Differs() && !all && d.Summary.Cosmetic == 0 {
		ew.printf("no differences\n")
		return ew.err
	}
	for i := range d.Changes {
		c := &d.Changes[i]
		if !all && !Listed(c) {
			continue
		}
		ew.printf("%s %s%s\n", st.render(st.Kind, fmt.Sprintf("%-10s", c.Kind)), st.render(st.Header, sanitize.Text(changeTitle(d, c))), flags(d, c))
		if body := hunksText(c, d, st); bodies && body != "" {
			ew.printf("%s\n", indent(body, "    "))
		}
		for _, f := range c.Facts {
			ew.printf("    %s\n", st.render(st.Fact, "• "+sanitize.Text(FactLine(f))))
		}
		if note := clause.CoarseNote(c, false); note != "" {
			ew.printf("    %s\n", st.render(st.Fact, "! "+note))
		}
		if bodies {
			ew.printf("\n")
		}
	}
	summary := SummaryLine(d.Summary)
	if !d.Differs() {
		summary += " (no substantive difference)"
	}
	ew.printf("%s\n", st.render(st.Summary, summary))
	return ew.err
}

// changeTitle names the clauses of a change, old → new: "Article 12 →
// Article 13", "Annexe 1 / G", "Article 5 + Article 5 bis → Article 5".
func changeTitle(d *clause.Diff, c *clause.Change) string {
	oldName := names(d.Old, c.Old)
	newName := names(d.New, c.New)
	switch {
	case oldName == "":
		return newName
	case newName == "", oldName == newName:
		return oldName
	}
	return oldName + " → " + newName
}

func names(d *clause.Document, idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		c := &d.Clauses[k]
		parts[i] = shortLabel(c)
		// A tariff row is named by its table: "Annexe 1 / G"; an article
		// whose number the text uses twice, by its annex.
		if h := d.Holder(k); c.Kind == clause.KindItem && h >= 0 && c.Heading == "" {
			parts[i] = shortLabel(&d.Clauses[h]) + " / " + parts[i]
		} else if a := d.AnnexQualifier(k); a >= 0 {
			parts[i] = shortLabel(&d.Clauses[a]) + " / " + parts[i]
		}
	}
	return strings.Join(parts, " + ")
}

// shortLabel names a clause by kind and number when it has one, else by its
// heading or first words.
func shortLabel(c *clause.Clause) string {
	if c.Number != "" {
		switch c.Kind {
		case clause.KindItem:
			return c.Number
		case clause.KindArticle:
			return "Article " + c.Number
		case clause.KindAnnex:
			return "Annexe " + c.Number
		}
	}
	// A heading is shown whole: cut, two headings that differ at the end
	// read the same. A clause without one is named by its first words.
	return c.Label()
}

func flags(d *clause.Diff, c *clause.Change) string {
	var f []string
	if c.Renumbered {
		f = append(f, "renumbered")
	}
	if c.Moved {
		f = append(f, "moved"+movedBetween(d, c))
	}
	if c.Kind == clause.Modified || c.Kind == clause.Split || c.Kind == clause.Merged {
		f = append(f, strconv.Itoa(int(c.Similarity*100+0.5))+" %")
	}
	if len(f) == 0 {
		return ""
	}
	return "  (" + strings.Join(f, ", ") + ")"
}

// movedBetween names the divisions a moved clause left and joined, when
// they differ: " from Titre I to Titre II". A lawyer reads a move into
// another title as a change of what the clause governs; the JSON's paths
// said it, the text only "moved".
func movedBetween(d *clause.Diff, c *clause.Change) string {
	// A table row is named by its table already: "Métropole / VG → DROM / VG".
	if len(c.Old) != 1 || len(c.New) != 1 || d.New.Clauses[c.New[0]].Kind == clause.KindItem {
		return ""
	}
	from, to := division(d.Old, c.Old[0]), division(d.New, c.New[0])
	if from == "" || to == "" || from == to {
		return ""
	}
	return " from " + sanitize.Line(from) + " to " + sanitize.Line(to)
}

// division names the division clause i stands in.
func division(doc *clause.Document, i int) string {
	p := doc.Clauses[i].Parent
	if p < 0 {
		return ""
	}
	return shortLabel(&doc.Clauses[p])
}

// hunksText renders the word diff, or the whole text of an added or
// removed clause.
func hunksText(c *clause.Change, d *clause.Diff, st Styles) string {
	switch c.Kind {
	case clause.Added:
		return st.render(st.Insert, sanitize.Text(d.New.Clauses[c.New[0]].Text))
	case clause.Removed:
		return st.render(st.Delete, sanitize.Text(d.Old.Clauses[c.Old[0]].Text))
	}
	var b strings.Builder
	if len(c.HeadingHunks) > 0 {
		b.WriteString("heading: " + wordDiff(c.HeadingHunks, st, false) + "\n")
	}
	if text := wordDiff(c.Hunks, st, true); text != "" {
		b.WriteString(text)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// wordDiff renders hunks with deletions and insertions marked; elided
// shortens long unchanged stretches.
func wordDiff(hunks []clause.Hunk, st Styles, elided bool) string {
	var b strings.Builder
	for i, h := range hunks {
		text := sanitize.Text(h.Text)
		switch h.Op {
		case clause.OpEqual:
			if elided {
				text = elide(text, i == 0, i == len(hunks)-1)
			}
			b.WriteString(st.render(st.Faint, text))
		case clause.OpDelete:
			if st.Color {
				b.WriteString(st.render(st.Delete, text))
			} else {
				b.WriteString("[-" + text + "-]")
			}
		case clause.OpInsert:
			if st.Color {
				b.WriteString(st.render(st.Insert, text))
			} else {
				b.WriteString("{+" + text + "+}")
			}
		}
	}
	return b.String()
}

// elide shortens an unchanged stretch to the context a reader needs: the
// end of its paragraph before a change, the start of the next after one,
// both in the middle; cuts fall between words.
func elide(s string, first, last bool) string {
	if first && last {
		return s
	}
	head, tail := s, s
	if i := strings.LastIndex(s, "\n\n"); i >= 0 && first {
		tail = s[i+2:]
	}
	if i := strings.Index(s, "\n\n"); i >= 0 && last {
		head = s[:i]
	}
	switch {
	case first:
		if t := frtext.TailAtWord(tail, contextRunes); t != s {
			if strings.TrimSpace(t) == "" {
				return ""
			}
			return "…" + t
		}
		return s
	case last:
		if h := frtext.HeadAtWord(head, contextRunes); h != s {
			if strings.TrimSpace(h) == "" {
				return ""
			}
			return h + "…"
		}
		return s
	}
	if len([]rune(s)) > 2*contextRunes+20 {
		return frtext.HeadAtWord(s, contextRunes) + " … " + frtext.TailAtWord(s, contextRunes)
	}
	return s
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// Absent stands for a value that one side does not have: a fact of an
// added or removed clause, a version without a price in the tariff grid.
const Absent = "–"

// FactLine describes a fact on one line: "amount G: 26,50 € → 30 € (+13,21 %)",
// "amount CCP: – → 46 €" for a value that appears, "… from 2024-10-01" for
// a value given from a date, "… — broken: article 12 is now numbered 13"
// for a broken reference (clause.Fact.BrokenReference).
func FactLine(f clause.Fact) string { return factLine(f, english) }

// factLineFR is FactLine in French, for the pages that are all French
// (the HTML redline): "montant G : 26,50 € → 30 € (+13,21 %)".
func factLineFR(f clause.Fact) string { return factLine(f, french) }

// factWords are the words of a fact line in one language.
type factWords struct {
	kinds               map[clause.FactKind]string
	colon, from, broken string
	note                func(string) string
}

var english = factWords{colon: ": ", from: " from ", broken: "broken: ", note: func(n string) string { return n }}

var french = factWords{
	kinds: map[clause.FactKind]string{
		clause.FactAmount: "montant", clause.FactPercent: "pourcentage", clause.FactDate: "date",
		clause.FactDuration: "durée", clause.FactCode: "code", clause.FactModality: "modalité",
		clause.FactNegation: "négation", clause.FactReference: "référence",
	},
	colon: " : ", from: " à compter du ", broken: "rompue : ", note: frenchNote,
}

func factLine(f clause.Fact, w factWords) string {
	var b strings.Builder
	kind := string(f.Kind)
	if k, ok := w.kinds[f.Kind]; ok {
		kind = k
	}
	b.WriteString(kind)
	if f.Subject != "" {
		b.WriteString(" " + f.Subject)
	}
	b.WriteString(w.colon)
	switch {
	case f.Old == "":
		b.WriteString(Absent + " → " + f.New)
	case f.New == "":
		b.WriteString(f.Old + " → " + Absent)
	case f.Old == f.New:
		b.WriteString(f.New)
	default:
		b.WriteString(f.Old + " → " + f.New)
	}
	switch {
	case f.DeltaPct == nil:
	case f.Kind == clause.FactPercent && f.OldValue != nil && f.NewValue != nil:
		// A rate's change is read in points: 10 % → 5 % said "-50 %" reads
		// as if the rate had lost fifty points.
		b.WriteString(" (" + signedPoints(*f.NewValue-*f.OldValue) + ")")
	default:
		b.WriteString(" (" + signedPct(*f.DeltaPct) + ")")
	}
	if f.Effective != "" {
		// A price announced for later is not the price in force.
		b.WriteString(w.from + f.Effective)
	}
	switch {
	case f.BrokenReference() && f.Note != "":
		b.WriteString(" — " + w.broken + w.note(f.Note))
	case f.BrokenReference():
		b.WriteString(" — " + w.broken + w.note(clause.BrokenNote))
	case f.Note != "":
		b.WriteString(" — " + w.note(f.Note))
	}
	return b.String()
}

// frenchNote says a reference fact's note in French. The notes are the
// clause package's few sentences; one not known here is kept as written.
func frenchNote(n string) string {
	if fr, ok := frenchNotes[n]; ok {
		return fr
	}
	if m := renumberedNote.FindStringSubmatch(n); m != nil {
		return "l'" + m[1] + " " + m[2] + " porte désormais le numéro " + m[3]
	}
	if rest, ok := strings.CutPrefix(n, "follows the renumbering of "); ok {
		return "suit la renumérotation de " + rest
	}
	return n
}

var frenchNotes = map[string]string{
	clause.BrokenNote:                          "le numéro ne désigne plus la même clause",
	"points to a clause that no longer exists": "renvoie à une clause qui n'existe plus",
	"points to a clause that does not exist":   "renvoie à une clause qui n'existe pas",
	"the clause it pointed to was removed; the number now denotes another clause": "la clause visée a été supprimée ; le numéro désigne désormais une autre clause",
}

var renumberedNote = lazyre.New(`^(article|annexe) (.+) is now numbered (.+)$`)

// signedPct writes a percentage the French way: "+13,21 %".
func signedPct(v float64) string {
	return signedFrench(v) + " %"
}

// signedFrench writes a number with its sign and a decimal comma.
func signedFrench(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if v >= 0 {
		s = "+" + s
	}
	return strings.Replace(s, ".", ",", 1)
}

// signedPoints writes a difference of percentage points the French way:
// "-5 points", "+0,5 point" (singular below two, as French counts).
func signedPoints(v float64) string {
	v = math.Round(v*100) / 100
	unit := " points"
	if math.Abs(v) < 2 {
		unit = " point"
	}
	return signedFrench(v) + unit
}

// SummaryLine sums a diff up on one line, naming only non-zero counts.
func SummaryLine(s clause.Summary) string {
	parts := []string{}
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+what)
		}
	}
	add(s.Modified, "modified")
	add(s.Added, "added")
	add(s.Removed, "removed")
	add(s.Split, "split")
	add(s.Merged, "merged")
	add(s.Renumbered, "renumbered")
	add(s.Moved, "moved")
	add(s.Cosmetic, "cosmetic")
	add(s.Unchanged, "unchanged")
	if s.FactsChanged > 0 {
		parts = append(parts, Count(s.FactsChanged, "fact")+" changed")
	}
	if len(parts) == 0 {
		return "no clauses"
	}
	return strings.Join(parts, ", ")
}

// errWriter keeps the first write error so that renderers can write line
// after line and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}
