package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/parties"
)

// comparePage is what the all-answers template shows; every string in it
// is sanitized, and html/template escapes it.
type comparePage struct {
	Base    Side
	Answers []Side
	Rows    []compareRow
	Totals  []string
}

type compareRow struct {
	ID    string
	Name  string
	New   bool
	Agree string
	// BaseText is the base's wording, "" for a clause the base lacks.
	BaseText string
	Cells    []compareCell
}

// compareCell is one answer's wording of the clause, marked against the
// base's.
type compareCell struct {
	Label   string
	Kind    clause.ChangeKind
	Summary string
	Agrees  bool
	Spans   []clause.Hunk
	Facts   []string
}

// writeCompareHTML writes the table as one self-contained page, in French like
// the texts it shows and like the redline: the overview
// (one row per changed clause, one column per answer), then, for each
// changed clause, the base's wording and each party's side by side, its
// deletions and insertions marked against the base. Like DiffHTML, it
// loads nothing.
func writeCompareHTML(w io.Writer, t *parties.Table, base Side, answers []Side, all bool) error {
	page := comparePage{Base: cleanSide(base)}
	for _, a := range answers {
		page.Answers = append(page.Answers, cleanSide(a))
	}
	used := map[string]bool{}
	for i := range t.Rows {
		r := &t.Rows[i]
		if !all && !t.Changed(r) {
			continue
		}
		cl := t.Clause(r)
		row := compareRow{ID: uniqueID(cl.ID, used), Name: sanitize.Text(RowName(t, r)), New: r.Base < 0,
			Agree: sanitize.Text(AgreeText(r, answers))}
		if r.Base >= 0 {
			row.BaseText = sanitize.Text(cl.Text)
		}
		agrees := map[int]bool{}
		for _, g := range r.Agree {
			for _, j := range g {
				agrees[j] = true
			}
		}
		for j := range r.Cells {
			row.Cells = append(row.Cells, compareCellOf(t, r, j, page.Answers[j].Ref, agrees[j]))
		}
		page.Rows = append(page.Rows, row)
	}
	for j, a := range page.Answers {
		var counts []string
		for _, c := range htmlSummary(t.Diffs[j].Summary) {
			if c.N > 0 {
				counts = append(counts, c.Label+" : "+strconv.Itoa(c.N))
			}
		}
		page.Totals = append(page.Totals, a.Ref+" — "+strings.Join(counts, " · "))
	}
	return compareTemplate().Execute(w, page)
}

func compareCellOf(t *parties.Table, r *parties.Row, j int, label string, agrees bool) compareCell {
	french := func(k clause.ChangeKind) string { return frenchKinds[k] }
	cell := compareCell{Label: label, Summary: sanitize.Text(cellText(t, r, j, french, "déplacée")), Agrees: agrees}
	c := t.Change(r, j)
	if c == nil {
		return cell
	}
	cell.Kind = c.Kind
	cell.Spans = changeSpans(t.Diffs[j], c)
	for _, f := range c.Facts {
		cell.Facts = append(cell.Facts, sanitize.Text(factLineFR(f)))
	}
	for _, f := range t.Kept(r, j) {
		cell.Facts = append(cell.Facts, sanitize.Text(factLineFR(f)+" (comme la base)"))
	}
	return cell
}

var compareTemplate = pageTemplate("compare", compareHTML)

// compareHTML is the page: the redline's look, with a grid of columns for
// the side-by-side wordings.
const compareHTML = htmlHead + `<title>{{.Base.Ref}} et ses réponses</title>
<style>
:root { --ins: #0b6b2f; --ins-bg: #dcf5e3; --del: #a4161a; --del-bg: #fbe1e1; --muted: #5f6368; --rule: #d0d4d9; --agree: #174ea6; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: #1d1f21; margin: 0 auto; max-width: 90rem; padding: 2rem 1.5rem 4rem; }
h1, h2, h3, table, .meta, .kind, .facts, .agree { font-family: "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1d1f21; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.meta { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: #f1f3f4; }
td.unchanged, td.none { color: var(--muted); }
td.removed { color: var(--del); }
td.added { color: var(--ins); }
td.agrees, .col.agrees .kind { color: var(--agree); font-weight: bold; }
a { color: #174ea6; }
section.clause { border-top: 1px solid var(--rule); padding: 1rem 0; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .8rem; }
.col { border: 1px solid var(--rule); padding: .5rem .7rem; }
.col.base { background: #f8f9fa; }
.kind { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.text { white-space: pre-wrap; margin: .4rem 0; }
` + htmlMarksCSS + `.facts { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.agree { font-size: .85rem; color: var(--agree); }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  @page { size: landscape; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.clause { break-inside: avoid-page; }
  tr { break-inside: avoid; }
}
</style>
</head>
<body>
<header>
<h1>{{.Base.Ref}} et ses réponses</h1>
<div class="meta">Base : {{.Base.Ref}}{{if .Base.Party}} · {{.Base.Party}}{{end}}{{if .Base.Date}} · {{.Base.Date}}{{end}}</div>
{{- range .Answers}}
<div class="meta">Réponse : {{.Ref}}{{if .Party}} · {{.Party}}{{end}}{{if .Date}} · {{.Date}}{{end}}{{if .Answers}} · en réponse à {{.Answers}}{{end}}</div>
{{- end}}
</header>
<main>
<section id="overview">
<h2>Clause par clause</h2>
{{- if .Rows}}
<table>
<thead><tr><th>Clause</th>{{range .Answers}}<th>{{.Ref}}</th>{{end}}<th>Accord</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td><a href="#{{.ID}}">{{.Name}}</a>{{if .New}} (nouvelle){{end}}</td>
{{- range .Cells}}<td class="{{if .Kind}}{{.Kind}}{{else}}none{{end}}{{if .Agrees}} agrees{{end}}">{{.Summary}}</td>{{end}}<td>{{.Agree}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>Aucune réponse ne modifie la base.</p>
{{- end}}
</section>
<section id="wordings">
<h2>Rédactions côte à côte</h2>
{{- range .Rows}}
<section class="clause" id="{{.ID}}">
<h3>{{.Name}}{{if .New}} (nouvelle){{end}}</h3>
{{- if .Agree}}
<div class="agree">En accord : {{.Agree}}</div>
{{- end}}
<div class="cols">
{{- if not .New}}
<div class="col base"><div class="kind">base</div><div class="text">{{.BaseText}}</div></div>
{{- end}}
{{- range .Cells}}
<div class="col{{if .Agrees}} agrees{{end}}"><div class="meta">{{.Label}}</div><div class="kind">{{.Summary}}</div>
{{- if .Spans}}
<div class="text">
{{- template "spans" . -}}
</div>
{{- end}}
{{- template "facts" . -}}
</div>
{{- end}}
</div>
</section>
{{- end}}
</section>
<section id="totals">
<h2>Totaux</h2>
<ul>
{{- range .Totals}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
</main>
<footer>Produit par avenant. Chaque réponse est comparée à la base : suppressions barrées, ajouts soulignés.</footer>
</body>
</html>
`
