package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/swar"
)

// NewDiffDoc builds the JSON view of a diff. Unchanged clauses are listed
// only when all is set, or when they carry facts (a reference left
// pointing to a renumbered article); the summary always counts everything.
func NewDiffDoc(d *clause.Diff, old, new Side, all bool) DiffDoc {
	old.Clauses = len(d.Old.Clauses)
	new.Clauses = len(d.New.Clauses)
	out := DiffDoc{Schema: DiffSchema, Old: old, New: new, Summary: d.Summary, Changes: []ChangeDoc{}}
	for i := range d.Changes {
		c := &d.Changes[i]
		if !all && !Listed(c) {
			continue
		}
		hunks := c.Hunks
		if hunks == nil {
			hunks = []clause.Hunk{}
		}
		facts := c.Facts
		if facts == nil {
			facts = []clause.Fact{}
		}
		out.Changes = append(out.Changes, ChangeDoc{
			Kind: c.Kind, Renumbered: c.Renumbered, Moved: c.Moved,
			Old:        refs(d.Old, c.Old),
			New:        refs(d.New, c.New),
			Similarity: math.Round(c.Similarity*100) / 100,
			Hunks:      hunks, Facts: facts,
			Coarse: clause.CoarseNote(c, false),
		})
	}
	return out
}

// Listed reports whether a change is shown without --all: every change but
// an unchanged clause that kept its number and place and has no fact.
func Listed(c *clause.Change) bool {
	return c.Kind != clause.Unchanged || c.Renumbered || c.Moved || len(c.Facts) > 0
}

func refs(d *clause.Document, idx []int) []ClauseRef {
	out := make([]ClauseRef, 0, len(idx))
	for _, i := range idx {
		c := &d.Clauses[i]
		out = append(out, ClauseRef{ID: c.ID, Number: c.Number, Heading: c.Heading, Path: jsonPath(c)})
	}
	return out
}

// appendDiffJSON appends d as encoding/json's Encoder writes it with HTML
// left unescaped: compact, ending in a newline. A diff's document is
// mostly the text of its hunks, which the encoder escapes a byte at a
// time, by reflection; here they go through appendJSONString, eight bytes
// at a time. The facts and the summary, a small part of it, are left to
// the encoder.
func appendDiffJSON(b []byte, d *DiffDoc) ([]byte, error) {
	size := 1024
	for i := range d.Changes {
		size += 512
		for _, h := range d.Changes[i].Hunks {
			size += len(h.Text) + 32
		}
	}
	b = slices.Grow(b, size+size/8)
	b = append(b, `{"schema":`...)
	b = appendJSONString(b, d.Schema)
	b = append(b, `,"old":`...)
	b = appendSide(b, &d.Old)
	b = append(b, `,"new":`...)
	b = appendSide(b, &d.New)
	b = append(b, `,"summary":`...)
	b, err := appendEncoded(b, d.Summary)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"changes":`...)
	if d.Changes == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range d.Changes {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendChange(b, &d.Changes[i]); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	}
	return append(b, '}', '\n'), nil
}

func appendSide(b []byte, s *Side) []byte {
	b = append(b, `{"ref":`...)
	b = appendJSONString(b, s.Ref)
	b = append(b, `,"party":`...)
	b = appendJSONString(b, s.Party)
	b = append(b, `,"date":`...)
	b = appendJSONString(b, s.Date)
	b = append(b, `,"clauses":`...)
	b = strconv.AppendInt(b, int64(s.Clauses), 10)
	return append(b, '}')
}

func appendChange(b []byte, c *ChangeDoc) ([]byte, error) {
	b = append(b, `{"kind":`...)
	b = appendJSONString(b, string(c.Kind))
	b = append(b, `,"renumbered":`...)
	b = strconv.AppendBool(b, c.Renumbered)
	b = append(b, `,"moved":`...)
	b = strconv.AppendBool(b, c.Moved)
	b = append(b, `,"old":`...)
	b = appendRefs(b, c.Old)
	b = append(b, `,"new":`...)
	b = appendRefs(b, c.New)
	b = append(b, `,"similarity":`...)
	b, err := appendJSONFloat(b, c.Similarity)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"hunks":`...)
	if c.Hunks == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, h := range c.Hunks {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"op":`...)
			b = appendJSONString(b, string(h.Op))
			b = append(b, `,"text":`...)
			b = appendJSONString(b, h.Text)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"facts":`...)
	if b, err = appendEncoded(b, c.Facts); err != nil {
		return nil, err
	}
	if c.Coarse != "" {
		b = append(b, `,"coarse":`...)
		b = appendJSONString(b, c.Coarse)
	}
	return append(b, '}'), nil
}

func appendRefs(b []byte, refs []ClauseRef) []byte {
	if refs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range refs {
		r := &refs[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, r.ID)
		b = append(b, `,"number":`...)
		b = appendJSONString(b, r.Number)
		b = append(b, `,"heading":`...)
		b = appendJSONString(b, r.Heading)
		b = append(b, `,"path":`...)
		if r.Path == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for k, p := range r.Path {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, p)
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendEncoded appends v as the encoder writes it, without its newline.
func appendEncoded(b []byte, v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), nil
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest decimal that reads back as f, in exponent form only below 1e-6
// or from 1e21, with no padding of the exponent.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("json: unsupported value: %v", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b, nil
}

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML left unescaped: a quote and a backslash behind a backslash, the
// control characters as \n, \t… or \u00XX, an invalid byte as \ufffd, and
// U+2028 and U+2029 as \u2028 and \u2029. Eight bytes that hold none of
// them nor any byte beyond ASCII, most of a text, are copied at once.
func appendJSONString(b []byte, s string) []byte {
	const high = 0x80 * swar.Ones
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			w := swar.Load(s, i)
			// Flags a control byte (below 0x20), a quote, a backslash
			// or a byte beyond ASCII.
			flag := (swar.ZeroBytes(w&(0xe0*swar.Ones)) | swar.ZeroBytes(w^('"'*swar.Ones)) |
				swar.ZeroBytes(w^('\\'*swar.Ones)) | w) & high
			if flag == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(flag) / 8
		}
		c := s[i]
		if c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			// A rune of two bytes, as the accented letters of French:
			// valid, and neither U+2028 nor U+2029.
			i += 2
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(append(b, s[start:i]...), `\ufffd`...)
				start = i + size
			case r == '\u2028' || r == '\u2029':
				b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
				start = i + size
			}
			i += size
			continue
		}
		if c >= ' ' && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"
