package amend

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/lazyre"
)

// Mark returns source, the bytes of a file named name, with each no-break
// space it writes replaced by its mark, in the way the file's format
// writes a character: reading the result gives the text the reader gives
// of source, marks where that text has the plain spaces the reader makes
// of no-break ones (see ReadSpaces). A text is marked in its own encoding
// (UTF-8, UTF-16 with its byte-order mark, or a Windows-1252 byte 0xA0),
// a web page by character reference, a Word document in the text of its
// parts. It returns nil for a format that keeps no character of its own
// (a PDF, whose text its reader lays out from glyphs) or a file it cannot
// mark (a Word document whose parts it cannot read back).
func Mark(name string, source []byte) []byte {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return nil
	case ".docx", ".docm":
		return markDocx(source)
	case ".html", ".htm", ".xhtml":
		return markHTML(source)
	}
	return markText(source)
}

// markText marks a text file: in UTF-16 by code unit, else each no-break
// space written in UTF-8 and each byte 0xA0 that is no part of a UTF-8
// character (Windows-1252's no-break space) as the mark in UTF-8, which
// the reader reads as UTF-8 in a Windows-1252 text too.
func markText(source []byte) []byte {
	switch {
	case bytes.HasPrefix(source, []byte{0xFF, 0xFE}):
		return markUTF16(source, 0)
	case bytes.HasPrefix(source, []byte{0xFE, 0xFF}):
		return markUTF16(source, 1)
	}
	return markRaw(source, true, markUTF8)
}

// markRaw replaces each no-break space of source written in UTF-8, and
// with lone each byte 0xA0 that is no part of a UTF-8 character, by what
// write gives for it (its index in noBreak).
func markRaw(source []byte, lone bool, write func(k int) []byte) []byte {
	out := make([]byte, 0, len(source)+len(source)/16)
	for i := 0; i < len(source); {
		r, size := utf8.DecodeRune(source[i:])
		if lone && r == utf8.RuneError && size == 1 && source[i] == 0xA0 {
			r = noBreak[0]
		}
		if k := noBreakIndex(r); k >= 0 {
			out = append(out, write(k)...)
		} else {
			out = append(out, source[i:i+size]...)
		}
		i += size
	}
	return out
}

func markUTF8(k int) []byte { return utf8.AppendRune(nil, marks[k]) }

// markUTF16 marks a text in UTF-16, whose code units hold their low byte
// at low (0: little-endian, 1: big-endian).
func markUTF16(source []byte, low int) []byte {
	out := bytes.Clone(source)
	for i := 2; i+1 < len(out); i += 2 {
		unit := rune(out[i+low]) | rune(out[i+1-low])<<8
		if k := noBreakIndex(unit); k >= 0 {
			out[i+low], out[i+1-low] = byte(marks[k]), byte(marks[k]>>8)
		}
	}
	return out
}

// noBreakIndex is r's place in noBreak, -1 when it is none of them.
func noBreakIndex(r rune) int { return slices.Index(noBreak[:], r) }

// noBreakRef matches a character reference to a no-break space, by
// number or by the names HTML gives it (only HTML, where a reference
// may end without its ";"). A reference to another character that opens
// with the same digits, "&#1600;", is none: the number ends there.
var noBreakRef = lazyre.New(`&(?:#0*(?:160|8239|8199)|#[xX]0*(?:[aA]0|202[fF]|2007)|nbsp|NonBreakingSpace)(?:;|\b)`)

// markRefs replaces each reference to a no-break space in source by
// what write gives for it; only with names (HTML), by name too, and
// without their ";".
func markRefs(source []byte, names bool, write func(k int) []byte) []byte {
	var out []byte
	last := 0
	for _, m := range noBreakRef.FindAllStringIndex(string(source), -1) {
		ref := string(source[m[0]+1 : m[1]])
		closed := strings.HasSuffix(ref, ";")
		ref = strings.TrimSuffix(ref, ";")
		if !names && (ref[0] != '#' || !closed) {
			continue
		}
		r := noBreak[0]
		if hex := strings.TrimPrefix(strings.TrimPrefix(ref, "#x"), "#X"); hex != ref {
			n, _ := strconv.ParseInt(hex, 16, 32)
			r = rune(n)
		} else if n, err := strconv.Atoi(strings.TrimPrefix(ref, "#")); err == nil {
			r = rune(n)
		}
		out = append(append(out, source[last:m[0]]...), write(noBreakIndex(r))...)
		last = m[1]
	}
	if out == nil {
		return source
	}
	return append(out, source[last:]...)
}

// markHTML marks a web page by character reference, which means the same
// character whatever the page's encoding. A page in UTF-16 is left
// unmarked.
func markHTML(source []byte) []byte {
	if bytes.HasPrefix(source, []byte{0xFF, 0xFE}) || bytes.HasPrefix(source, []byte{0xFE, 0xFF}) {
		return nil
	}
	ref := func(k int) []byte { return []byte("&#" + strconv.Itoa(int(marks[k])) + ";") }
	return markRaw(markRefs(source, true, ref), !utf8.Valid(source), ref)
}

// maxMarkedPart bounds a part of a Word document read back to be marked:
// past it, the document keeps its plain spaces.
const maxMarkedPart = 32 << 20

// markDocx marks the XML parts of a Word document's text ("word/…xml":
// the body, its notes, the numbering whose labels it shows), each no-break
// space written as the character or by character reference; the other
// parts are copied as they are compressed.
func markDocx(source []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(source), int64(len(source)))
	if err != nil {
		return nil
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "word/") || !strings.HasSuffix(f.Name, ".xml") {
			if zw.Copy(f) != nil {
				return nil
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxMarkedPart+1))
		rc.Close()
		if err != nil || len(data) > maxMarkedPart {
			return nil
		}
		hdr := f.FileHeader
		w, err := zw.CreateHeader(&hdr)
		if err != nil {
			return nil
		}
		if _, err := w.Write(markRaw(markRefs(data, false, markUTF8), false, markUTF8)); err != nil {
			return nil
		}
	}
	if zw.Close() != nil {
		return nil
	}
	return out.Bytes()
}
