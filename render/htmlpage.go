package render

import (
	"html/template"
	"sync"
)

// The pieces every HTML page of avenant shares: a head that lets the page
// load nothing (its style is inline and its content security policy
// forbids any fetch), the look of deletions and insertions, struck through
// and underlined as well as coloured so that a black-and-white printout
// still reads, the template that marks them in a run of hunks, and the
// list of facts.
const (
	htmlHead = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="avenant">
`
	htmlMarksCSS = `ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 1px; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
`
	htmlFacts = `{{define "facts"}}{{- if .Facts}}
<ul class="facts">
{{- range .Facts}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{end}}`
	htmlSpans = `{{define "spans"}}{{- range .Spans}}
{{- if eq .Op "insert"}}<ins>{{.Text}}</ins>
{{- else if eq .Op "delete"}}<del>{{.Text}}</del>
{{- else}}{{.Text}}{{end}}
{{- end -}}
{{end}}`
)

// pageTemplate parses an HTML page that may use the shared templates, the
// first time the page is written: parsing at start-up cost every command.
func pageTemplate(name, text string) func() *template.Template {
	return sync.OnceValue(func() *template.Template {
		return template.Must(template.Must(template.New(name).Funcs(template.FuncMap{"count": Count}).Parse(htmlSpans + htmlFacts)).Parse(text))
	})
}
