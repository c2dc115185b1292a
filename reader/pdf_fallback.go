package reader

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// Bounds of the pure-Go reader, which would otherwise follow a page tree
// that points back to itself for as long as it is given, and hold one
// value per glyph shown: a page whose content stream inflates to 140 MiB of
// text operators is 9 GB of glyphs.
const (
	// maxPDFTreeDepth: real page trees are a handful of levels deep; a
	// deeper one loops.
	maxPDFTreeDepth = 64
	// maxPDFPages bounds the pages, and maxPDFTreeNodes the nodes visited,
	// which a tree that shares its subtrees could multiply.
	maxPDFPages     = 100000
	maxPDFTreeNodes = 4 * maxPDFPages
	// maxPDFPageContent bounds the inflated content stream of one page:
	// a page of text is tens of kilobytes, a detailed drawing a few
	// megabytes. The library keeps the operands of a page in memory.
	maxPDFPageContent = 8 << 20
	// maxPDFPageGlyphs bounds the glyphs one page shows (some 64 bytes of
	// memory each); a dense page of text shows under 10,000.
	maxPDFPageGlyphs = 1 << 20
	// maxPDFPageOperators bounds the operators of one page, drawing
	// included; maxPDFContent the content inflated over all pages, which
	// pages sharing one stream would otherwise multiply.
	maxPDFPageOperators = 1 << 21
	maxPDFContent       = 64 << 20
)

// pdfFallback reads the text with the pure-Go library, in a goroutine so
// that a file which makes it loop cannot hang the command, and with a
// recover, since it panics on malformed input.
func pdfFallback(data []byte, b *budget) (string, error) {
	type result struct {
		text string
		err  error
	}
	done := make(chan result, 1)
	deadline := time.Now().Add(pdfFallbackTimeout)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: &Error{Err: ErrCorrupt, Detail: fmt.Sprintf("damaged PDF file: %v", p)}}
			}
			done <- r
		}()
		r.text, r.err = pdfLibText(data, b, deadline)
	}()
	select {
	case r := <-done:
		return r.text, r.err
	case <-time.After(pdfFallbackTimeout + time.Second):
		return "", pdfTimeout()
	}
}

func pdfTimeout() error {
	return &Error{Err: ErrCorrupt, Detail: "damaged PDF file: reading did not finish within " + pdfFallbackTimeout.String()}
}

func pdfLibText(data []byte, b *budget, deadline time.Time) (string, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if pdfEncrypted(data) {
			return "", &Error{Err: errEncrypted, Detail: "encrypted PDF (password-protected): remove the protection first"}
		}
		return "", &Error{Err: ErrCorrupt, Detail: "damaged PDF file: " + oneLine(err.Error())}
	}
	pages, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return "", err
	}
	// Inflating is cheap next to interpreting: every page is measured
	// before any is rendered, so that a refusal comes at once.
	var content int64
	for i, p := range pages {
		size, err := pdfContentSize(p, i+1)
		if err != nil {
			return "", err
		}
		if content += size; content > maxPDFContent {
			return "", &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("PDF pages whose content inflates to more than %s in all, over the built-in reader's limit (install pdftotext, from poppler-utils)", humanLimit(maxPDFContent))}
		}
	}
	var out strings.Builder
	for i, p := range pages {
		if time.Now().After(deadline) {
			return "", pdfTimeout()
		}
		if err := checkPDFOperators(p, i+1); err != nil {
			return "", err
		}
		text := layoutBands(glyphLines(pageGlyphs(p)))
		if !b.spend(len(text) + 1) {
			return "", b.err("the text operators of its pages")
		}
		out.WriteString(text)
		out.WriteByte('\f')
	}
	return out.String(), nil
}

// pdfPages lists the pages of the tree under root in order, refusing a
// tree that loops (deeper than maxPDFTreeDepth) or is too large. The
// library's own Page(i) walks from the root for every page and never
// notices a loop.
func pdfPages(root pdf.Value) ([]pdf.Page, error) {
	var pages []pdf.Page
	visited := 0
	var walk func(node pdf.Value, depth int) error
	walk = func(node pdf.Value, depth int) error {
		if depth > maxPDFTreeDepth {
			return &Error{Err: ErrCorrupt, Detail: fmt.Sprintf("damaged PDF file: its page tree is more than %d levels deep (it loops)", maxPDFTreeDepth)}
		}
		kids := node.Key("Kids")
		for i := 0; i < kids.Len(); i++ {
			if visited++; visited > maxPDFTreeNodes || len(pages) >= maxPDFPages {
				return &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("PDF page tree of more than %d pages or %d nodes", maxPDFPages, maxPDFTreeNodes)}
			}
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				if err := walk(kid, depth+1); err != nil {
					return err
				}
			case "Page":
				pages = append(pages, pdf.Page{V: kid})
			}
		}
		return nil
	}
	return pages, walk(root, 0)
}

// pdfContentSize measures page n before the library renders it: the
// inflated size of its content streams, read through a bounded reader.
func pdfContentSize(p pdf.Page, n int) (int64, error) {
	contents := p.V.Key("Contents")
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	}
	var size int64
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		rd := s.Reader()
		m, err := io.Copy(io.Discard, io.LimitReader(rd, maxPDFPageContent-size+1))
		rd.Close()
		if size += m; size > maxPDFPageContent {
			return 0, &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("PDF page %d: its content inflates to more than %s, over the built-in reader's limit (install pdftotext, from poppler-utils)", n, humanLimit(maxPDFPageContent))}
		}
		if err != nil {
			return 0, &Error{Err: ErrCorrupt, Detail: fmt.Sprintf("damaged PDF file: page %d: %s", n, oneLine(err.Error()))}
		}
	}
	return size, nil
}

// checkPDFOperators counts the operators of page n and the glyphs its text
// operators show, without keeping them, before the library renders them.
func checkPDFOperators(p pdf.Page, n int) error {
	glyphs, ops := 0, 0
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		ops++
		shows := op == "Tj" || op == "TJ" || op == "'" || op == "\""
		for stk.Len() > 0 {
			if v := stk.Pop(); shows {
				glyphs += shownBytes(v)
			}
		}
	})
	switch {
	case ops > maxPDFPageOperators:
		return &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("PDF page %d holds more than %d operators, over the built-in reader's limit (install pdftotext, from poppler-utils)", n, maxPDFPageOperators)}
	case glyphs > maxPDFPageGlyphs:
		return &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("PDF page %d shows more than %d characters, over the built-in reader's limit (install pdftotext, from poppler-utils)", n, maxPDFPageGlyphs)}
	}
	return nil
}

// shownBytes counts the bytes of the strings a text operator shows.
func shownBytes(v pdf.Value) int {
	switch v.Kind() {
	case pdf.String:
		return len(v.RawString())
	case pdf.Array:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += shownBytes(v.Index(i))
		}
		return n
	}
	return 0
}
