package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// htmlPage is what the redline template shows.
type htmlPage struct {
	Old, New Side
	Summary  []htmlCount
	Changes  []htmlChange
}

type htmlCount struct {
	Label string
	Class string
	N     int
}

// htmlChange is one listed change: its anchor, its title and marks, the
// text with deletions and insertions, and its facts.
type htmlChange struct {
	ID string
	// Anchors are the ids of the other clauses of a split or merge, so
	// that a link to any of them lands on the change.
	Anchors []string
	Title   string
	// Heading is the clause's heading in full, when it says more than
	// the title.
	Heading string
	Path    string
	Kind    clause.ChangeKind
	// KindFR is the kind as the page says it; Kind stays the CSS class.
	KindFR     string
	Renumbered bool
	Moved      bool
	OldNumber  string
	NewNumber  string
	Similarity string
	Spans      []clause.Hunk
	// HeadingDiff is the word diff of the heading's title, when it
	// changed (cosmetic changes included), as the text diff's "heading:".
	HeadingDiff struct{ Spans []clause.Hunk }
	Facts       []string
	// Note says what was not done for a clause too large to be read
	// word by word.
	Note string
}

// DiffHTML writes a diff as one self-contained HTML page, a redline that a
// legal team can mail and print: the two versions, a summary table, an
// index of the changes, then every listed change with its deletions and
// insertions marked (<del>, <ins>), its facts, its renumbering and moves.
// Each change is anchored by its clause id. The page loads nothing: its
// style is inline and its content security policy forbids any fetch.
// Document text is escaped by html/template.
func DiffHTML(w io.Writer, d *clause.Diff, old, new Side, all bool) error {
	old.Clauses, new.Clauses = len(d.Old.Clauses), len(d.New.Clauses)
	page := htmlPage{Old: cleanSide(old), New: cleanSide(new), Summary: htmlSummary(d.Summary)}
	used := map[string]bool{}
	for i := range d.Changes {
		c := &d.Changes[i]
		if !all && !Listed(c) {
			continue
		}
		page.Changes = append(page.Changes, htmlChangeOf(d, c, used))
	}
	return redlineTemplate().Execute(w, page)
}

// frenchKinds name the change kinds on the page, which is all French like
// the texts it compares.
var frenchKinds = map[clause.ChangeKind]string{
	clause.Unchanged: "inchangée", clause.Cosmetic: "retouche de forme", clause.Modified: "modifiée",
	clause.Added: "ajoutée", clause.Removed: "supprimée", clause.Split: "scindée", clause.Merged: "fusionnée",
}

func cleanSide(s Side) Side {
	s.Ref, s.Party, s.Date, s.Answers = sanitize.Text(s.Ref), sanitize.Text(s.Party), sanitize.Text(s.Date), sanitize.Text(s.Answers)
	return s
}

func htmlSummary(s clause.Summary) []htmlCount {
	return []htmlCount{
		{"modifiées", "modified", s.Modified},
		{"ajoutées", "added", s.Added},
		{"supprimées", "removed", s.Removed},
		{"scindées", "split", s.Split},
		{"fusionnées", "merged", s.Merged},
		{"renumérotées", "renumbered", s.Renumbered},
		{"déplacées", "moved", s.Moved},
		{"retouches de forme", "cosmetic", s.Cosmetic},
		{"inchangées", "unchanged", s.Unchanged},
		{"faits modifiés", "facts", s.FactsChanged},
	}
}

func htmlChangeOf(d *clause.Diff, c *clause.Change, used map[string]bool) htmlChange {
	hc := htmlChange{
		Title: sanitize.Text(changeTitle(d, c)), Kind: c.Kind, KindFR: frenchKinds[c.Kind],
		Renumbered: c.Renumbered, Moved: c.Moved,
		OldNumber: numbers(d.Old, c.Old), NewNumber: numbers(d.New, c.New),
	}
	// Anchor on the new clauses first: that is the version being read.
	var ids []string
	for _, i := range c.New {
		ids = append(ids, d.New.Clauses[i].ID)
	}
	for _, i := range c.Old {
		id := d.Old.Clauses[i].ID
		if len(c.New) == 1 && len(c.Old) == 1 && id == ids[0] {
			continue
		}
		ids = append(ids, "old-"+id)
	}
	if len(c.New) == 0 && len(ids) > 0 {
		// A removed clause is looked for by its own id.
		ids[0] = ids[0][len("old-"):]
	}
	for k, id := range ids {
		id = uniqueID(id, used)
		if k == 0 {
			hc.ID = id
		} else {
			hc.Anchors = append(hc.Anchors, id)
		}
	}
	var cl *clause.Clause
	if len(c.New) > 0 {
		cl = &d.New.Clauses[c.New[0]]
	} else if len(c.Old) > 0 {
		cl = &d.Old.Clauses[c.Old[0]]
	}
	if cl != nil {
		// The path ends with the clause's own heading when it has one.
		p := cl.Path
		if cl.Heading != "" && len(p) > 0 {
			p = p[:len(p)-1]
		}
		hc.Path = sanitize.Text(joinPath(p))
		if h := sanitize.Text(cl.Heading); h != "" && h != hc.Title {
			hc.Heading = h
		}
	}
	if c.Kind == clause.Modified || c.Kind == clause.Split || c.Kind == clause.Merged {
		hc.Similarity = strconv.Itoa(int(c.Similarity*100+0.5)) + " %"
	}
	hc.Spans = changeSpans(d, c)
	for _, h := range c.HeadingHunks {
		hc.HeadingDiff.Spans = append(hc.HeadingDiff.Spans, clause.Hunk{Op: h.Op, Text: sanitize.Text(h.Text)})
	}
	for _, f := range c.Facts {
		hc.Facts = append(hc.Facts, sanitize.Text(factLineFR(f)))
	}
	hc.Note = clause.CoarseNote(c, true)
	return hc
}

// changeSpans is a change's text as a page marks it, sanitized: the word
// diff, or the whole text of an added or removed clause.
func changeSpans(d *clause.Diff, c *clause.Change) []clause.Hunk {
	switch {
	case c.Kind == clause.Added:
		return []clause.Hunk{{Op: clause.OpInsert, Text: sanitize.Text(joinTexts(d.New, c.New))}}
	case c.Kind == clause.Removed:
		return []clause.Hunk{{Op: clause.OpDelete, Text: sanitize.Text(joinTexts(d.Old, c.Old))}}
	case len(c.Hunks) > 0:
		spans := make([]clause.Hunk, len(c.Hunks))
		for i, h := range c.Hunks {
			spans[i] = clause.Hunk{Op: h.Op, Text: sanitize.Text(h.Text)}
		}
		return spans
	}
	return []clause.Hunk{{Op: clause.OpEqual, Text: sanitize.Text(joinTexts(d.New, c.New))}}
}

// uniqueID keeps ids unique in the page: a removed clause and an added one
// may share a slug.
func uniqueID(id string, used map[string]bool) string {
	if id == "" {
		id = "clause"
	}
	base := id
	for n := 2; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

func numbers(d *clause.Document, idx []int) string {
	return sanitize.Text(joinClauses(d, idx, " + ", func(c *clause.Clause) string { return c.Number }))
}

func joinPath(p []string) string { return strings.Join(p, " › ") }

func joinTexts(d *clause.Document, idx []int) string {
	return joinClauses(d, idx, "\n\n", func(c *clause.Clause) string { return c.Text })
}

// joinClauses joins a field of the clauses idx of d with sep.
func joinClauses(d *clause.Document, idx []int, sep string, field func(*clause.Clause) string) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = field(&d.Clauses[i])
	}
	return strings.Join(parts, sep)
}

var redlineTemplate = pageTemplate("redline", redlineHTML)

// redlineHTML is the page. Deletions and insertions are struck through and
// underlined as well as coloured, so that a black-and-white printout still
// reads; colours are kept in print where the browser allows.
const redlineHTML = htmlHead + `<title>Comparaison {{.Old.Ref}} → {{.New.Ref}}</title>
<style>
:root { --ins: #0b6b2f; --ins-bg: #dcf5e3; --del: #a4161a; --del-bg: #fbe1e1; --muted: #5f6368; --rule: #d0d4d9; }
* { box-sizing: border-box; }
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: #1d1f21; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; }
h1, h2, h3, table, .meta, .marks, .path, .facts { font-family: "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1d1f21; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 0; }
.versions { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: 1rem 0; }
.version { border: 1px solid var(--rule); padding: .6rem .8rem; }
.version .label { font-weight: bold; }
.meta, .path { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: #f1f3f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; width: 5rem; }
tr.zero { color: var(--muted); }
a { color: #174ea6; }
section.change { border-top: 1px solid var(--rule); padding: 1rem 0; }
.marks { display: inline-flex; flex-wrap: wrap; gap: .3rem; margin-left: .5rem; vertical-align: middle; }
.mark { font-size: .75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .35rem; text-transform: uppercase; letter-spacing: .03em; }
.mark.added { color: var(--ins); } .mark.removed { color: var(--del); }
.mark.renumbered, .mark.moved { color: #7a4b00; }
.heading { font-style: italic; margin-top: .2rem; }
.text { white-space: pre-wrap; margin: .6rem 0; }
` + htmlMarksCSS + `.facts { margin: .4rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
.facts li::marker { color: #7a4b00; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  @page { margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  section.change h3, .marks, .path { break-after: avoid; }
  section.change { break-inside: avoid-page; }
  table, tr { break-inside: avoid; }
  #index { break-after: page; }
}
</style>
</head>
<body>
<header>
<h1>Comparaison {{.Old.Ref}} → {{.New.Ref}}</h1>
<div class="versions">
<div class="version"><div class="meta">Ancienne version</div><div class="label">{{.Old.Ref}}</div><div class="meta">{{if .Old.Party}}{{.Old.Party}} · {{end}}{{if .Old.Date}}{{.Old.Date}} · {{end}}{{count .Old.Clauses "clause"}}</div></div>
<div class="version"><div class="meta">Nouvelle version</div><div class="label">{{.New.Ref}}</div><div class="meta">{{if .New.Party}}{{.New.Party}} · {{end}}{{if .New.Date}}{{.New.Date}} · {{end}}{{count .New.Clauses "clause"}}</div></div>
</div>
</header>
<main>
<section id="summary">
<h2>Synthèse</h2>
<table class="summary">
<thead><tr><th>Changement</th><th class="n">Clauses</th></tr></thead>
<tbody>
{{- range .Summary}}
<tr class="{{.Class}}{{if not .N}} zero{{end}}"><td>{{.Label}}</td><td class="n">{{.N}}</td></tr>
{{- end}}
</tbody>
</table>
</section>
<section id="index">
<h2>Modifications</h2>
{{- if .Changes}}
<table>
<thead><tr><th>Clause</th><th>Changement</th><th class="n">Faits</th></tr></thead>
<tbody>
{{- range .Changes}}
<tr><td><a href="#{{.ID}}">{{.Title}}</a></td><td>{{.KindFR}}{{if .Renumbered}}, renumérotée{{end}}{{if .Moved}}, déplacée{{end}}</td><td class="n">{{len .Facts}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>Aucune différence de fond.</p>
{{- end}}
</section>
<section id="changes">
{{- range .Changes}}
<section class="change {{.Kind}}" id="{{.ID}}">
{{- range .Anchors}}<a id="{{.}}"></a>{{end}}
{{- if .Path}}
<div class="path">{{.Path}}</div>
{{- end}}
<h3>{{.Title}}<span class="marks"><span class="mark {{.Kind}}">{{.KindFR}}</span>
{{- if .Renumbered}}<span class="mark renumbered" title="renumérotée">n° {{.OldNumber}} → {{.NewNumber}}</span>{{end}}
{{- if .Moved}}<span class="mark moved">déplacée</span>{{end}}
{{- if .Similarity}}<span class="mark similarity" title="similarité">{{.Similarity}}</span>{{end}}</span></h3>
{{- if .HeadingDiff.Spans}}
<div class="heading">intitulé : {{template "spans" .HeadingDiff}}</div>
{{- else if .Heading}}
<div class="heading">{{.Heading}}</div>
{{- end}}
<div class="text">
{{- template "spans" . -}}
</div>
{{- template "facts" . -}}
{{- if .Note}}<p class="facts">{{.Note}}</p>{{end -}}
</section>
{{- end}}
</section>
</main>
<footer>Produit par avenant. Les suppressions sont barrées, les ajouts soulignés.</footer>
</body>
</html>
`
