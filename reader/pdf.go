package reader

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"time"
	"unicode"
)

// pdftotextTimeout bounds one run of pdftotext; a convention of a few
// hundred pages takes well under a second.
const pdftotextTimeout = 2 * time.Minute

// pdfFallbackTimeout bounds the pure-Go reader. It checks the time between
// pages and stops itself; a page that still makes the library loop leaves
// its goroutine abandoned, and the command fails instead of hanging. A
// variable so that the fuzz target can shorten it.
var pdfFallbackTimeout = time.Minute

// readPDF extracts the text of a PDF file, within the text budget b, and
// normalises it like Decode, which also applies cleanPDFText since pages
// end with form feeds.
//
// The text comes from `pdftotext -bbox-layout -enc UTF-8` (poppler-utils)
// when it is on PATH: it reads real-world PDFs best. Its boxes of words,
// rather than its text layouts, because a page is then set as avenant
// needs it (layoutBands): a tariff table keeps each row on one line with
// its cells apart ("G      Consultation …      30 €"), even when office
// software centred a wrapped label around the code and price, which
// -layout prints as three rows; the reading-order mode outputs a table
// column by column, so that codes and prices no longer meet. And the
// space between paragraphs becomes a blank line, which no text mode
// shows, so that a title does not run into the heading below it. The
// margins' indentation is undone by cleanPDFText, which strips it from
// prose lines. Conventions are set in one column, the case where a layout
// cannot interleave columns.
//
// Without pdftotext, the pure-Go reader github.com/ledongthuc/pdf places
// glyphs on lines by their position, a wide gap becoming a column gap, and
// ends every page with a form feed.
//
// A PDF that yields no letter is a scan without a text layer: it is
// refused with errNoText. A file that does not start like a PDF, or does not
// end like one (truncated), is refused with ErrCorrupt; a password-protected
// one that cannot be opened, with errEncrypted; one whose text would pass
// the budget, with ErrTooLarge.
func readPDF(data []byte, b *budget) (string, error) {
	if len(data) == 0 {
		return "", &Error{Err: errEmpty}
	}
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return "", &Error{Err: ErrCorrupt, Detail: "not a PDF file (no %PDF header)"}
	}
	if !bytes.Contains(data[max(0, len(data)-2048):], []byte("%%EOF")) {
		return "", &Error{Err: ErrCorrupt, Detail: "truncated PDF file (no %%EOF at the end)"}
	}
	var text string
	var err error
	if tool, lerr := exec.LookPath(pdftotextName); pdftotextName != "" && lerr == nil {
		text, err = pdftotext(tool, data, b)
	} else {
		text, err = pdfFallback(data, b)
	}
	if err != nil {
		return "", err
	}
	if strings.IndexFunc(text, unicode.IsLetter) < 0 {
		return "", &Error{Err: errNoText, Detail: "PDF without a text layer (a scanned document?): " +
			"no text could be extracted; run it through OCR first"}
	}
	if !strings.Contains(text, "\f") {
		text += "\f"
	}
	return Decode([]byte(joinWraps(text)))
}

// pdftotextName is the tool readPDF looks for on PATH; tests empty it to
// exercise the pure-Go reader.
var pdftotextName = "pdftotext"

// pdfEncrypted reports a PDF with an encryption dictionary.
func pdfEncrypted(data []byte) bool { return bytes.Contains(data, []byte("/Encrypt")) }

// pdftotext runs poppler's tool on data, fed through standard input so that
// the bytes read are the bytes checked, whatever happens to the file. It
// asks for the box of every word (-bbox-layout) and sets the pages as text
// itself (layoutBands), reading the markup as it comes.
func pdftotext(tool string, data []byte, b *budget) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), pdftotextTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "-bbox-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	var stderr headWriter
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", &Error{Err: ErrCorrupt, Detail: "pdftotext: " + err.Error()}
	}
	text, rerr := readBBoxLayout(stdout, b)
	if rerr != nil {
		cancel()
	}
	werr := cmd.Wait()
	switch {
	case b.over():
		return "", b.err("the text operators of its pages")
	case werr != nil:
		msg := firstLine(stderr.String())
		switch {
		case ctx.Err() != nil && rerr == nil:
			return "", &Error{Err: ErrCorrupt, Detail: "pdftotext did not finish within " + pdftotextTimeout.String()}
		case pdfEncrypted(data) || strings.Contains(strings.ToLower(msg), "password"):
			return "", &Error{Err: errEncrypted, Detail: "encrypted PDF (password-protected): remove the protection first"}
		case rerr != nil:
			return "", rerr
		case msg == "":
			msg = werr.Error()
		}
		return "", &Error{Err: ErrCorrupt, Detail: "damaged PDF file: pdftotext: " + msg}
	case rerr != nil:
		return "", rerr
	}
	return text, nil
}

// headWriter keeps the first kilobytes written to it and drops the rest:
// pdftotext writes a line to stderr for every error it meets, and a page
// of 3 million stray tokens made 300 MB of them, all kept in memory, when
// only the first line is ever shown.
type headWriter struct{ b []byte }

const stderrKept = 4 << 10

func (w *headWriter) Write(p []byte) (int, error) {
	if room := stderrKept - len(w.b); room > 0 {
		w.b = append(w.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (w *headWriter) String() string { return string(w.b) }

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
