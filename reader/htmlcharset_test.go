package reader

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// decodeHTMLWithXNet is decodeHTML as it was, on x/net's
// charset.DetermineEncoding, which sniffEncoding replaced: the oracle the
// tests below hold the new code to.
func decodeHTMLWithXNet(data []byte) (string, error) {
	return decodeHTMLSniffed(data, func(data []byte) (encoding.Encoding, string, bool) {
		return charset.DetermineEncoding(data, "")
	})
}

// sameDecoding checks that decodeHTML reads page as x/net's charset did.
func sameDecoding(t *testing.T, page []byte) {
	t.Helper()
	got, gotErr := decodeHTML(page)
	want, wantErr := decodeHTMLWithXNet(page)
	if got != want || (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Errorf("page %q:\n got %q, %v\nwant %q, %v", page, got, gotErr, want, wantErr)
	}
}

// TestEncodingLabels: every label of the table names the encoding, and
// gives the canonical name, that x/net's charset.Lookup gives; case and
// surrounding spaces do not count; other words name nothing.
func TestEncodingLabels(t *testing.T) {
	labels := switchLabels(t, "htmlcharset.go", "encodingLabelled")
	// The Encoding Standard's table as x/text's htmlindex has it (the
	// version go.mod requires): a label left out would read as none.
	if len(labels) != 228 {
		t.Fatalf("%d labels read from the table, want 228", len(labels))
	}
	// Bytes that every single-byte table maps, and sequences the CJK
	// encodings read as characters.
	var sample []byte
	for b := 0; b < 256; b++ {
		sample = append(sample, byte(b))
	}
	sample = append(sample, "\x82\xa0\x88\x9f\xa4\xa2\xb0\xa1\x1b$B0!\x1b(B"...)
	for _, label := range append(labels, "bogus", "", "utf-7", "iso-8859-1x") {
		for _, spelt := range []string{label, " " + strings.ToUpper(label) + "\t"} {
			enc, name := encodingLabelled(spelt)
			wantEnc, wantName := charset.Lookup(spelt)
			if name != wantName || (enc == nil) != (wantEnc == nil) {
				t.Errorf("%q: %q (%v), want %q (%v)", spelt, name, enc, wantName, wantEnc)
				continue
			}
			if enc == nil {
				continue
			}
			got, gotErr := enc.NewDecoder().Bytes(sample)
			want, wantErr := wantEnc.NewDecoder().Bytes(sample)
			if string(got) != string(want) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%q decodes the sample as %q, %v; want %q, %v", spelt, got, gotErr, want, wantErr)
			}
		}
	}
}

// switchLabels reads the case strings of the switch in function fn of file.
func switchLabels(t *testing.T, file, fn string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	ast.Inspect(f, func(n ast.Node) bool {
		if d, ok := n.(*ast.FuncDecl); ok && d.Name.Name != fn {
			return false
		}
		if c, ok := n.(*ast.CaseClause); ok {
			for _, e := range c.List {
				if lit, ok := e.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					labels = append(labels, s)
				}
			}
		}
		return true
	})
	return labels
}

// TestSniffEncodingAsXNet: the declarations an HTML page can make (meta
// charset, http-equiv with content, both, repeated, malformed, past the
// first 1,024 bytes, byte-order marks), over bodies in several encodings,
// are read as x/net's charset read them.
func TestSniffEncodingAsXNet(t *testing.T) {
	metas := []string{
		``,
		`<meta charset="%s">`,
		`<META CHARSET='%s'/>`,
		`<meta charset=%s>`,
		`<meta http-equiv="Content-Type" content="text/html; charset=%s">`,
		`<meta content="text/html;charset='%s'" http-equiv="content-type">`,
		`<meta content="text/html; charset=%s">`,
		`<meta http-equiv="refresh" content="text/html; charset=%s">`,
		`<meta http-equiv="content-type" content="charset = %s ; x">`,
		`<meta http-equiv="content-type" content="charset; charset=%s">`,
		`<meta http-equiv="content-type" content="charset=">`,
		`<meta http-equiv="content-type" content="charset='%s">`,
		`<meta charset="bogus" http-equiv="content-type" content="charset=%s">`,
		`<meta http-equiv="content-type" content="charset=bogus" charset="%s">`,
		`<meta content="charset=%s" http-equiv="content-type" charset="windows-1252">`,
		`<meta charset="%s" charset="utf-8">`,
		`<meta name="x"><meta charset="bogus"><meta charset="%s">`,
		`<!-- <meta charset="utf-8"> --><meta charset="%s">`,
		`<script>var s = '<meta charset="utf-8">';</script><meta charset="%s">`,
		strings.Repeat(" ", 1010) + `<meta charset="%s">`,
	}
	labels := []string{"utf-8", "UTF8", "utf-16", "utf-16be", "windows-1252", "iso-8859-1", "latin1",
		"iso-8859-15", "shift_jis", "gbk", "big5", "euc-kr", "x-user-defined", "replacement", "bogus", " Windows-1252 "}
	bodies := []string{
		"<p>Article 1</p>",
		"<p>L\x92article 5\xa0: 26,50 \x80 \x9cuvre</p>",
		"<p>L’article 5 : 26,50 € œuvre</p>",
		"<p>\x82\xa0\x88\x9f \xa4\xa2</p>",
	}
	for _, meta := range metas {
		for _, label := range labels {
			head := meta
			if strings.Contains(meta, "%s") {
				head = strings.ReplaceAll(meta, "%s", label)
			}
			for _, body := range bodies {
				page := "<html><head>" + head + "</head><body>" + body + "</body></html>"
				sameDecoding(t, []byte(page))
				for _, bom := range []string{"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"} {
					sameDecoding(t, []byte(bom+page))
				}
			}
		}
	}
}

// FuzzSniffEncoding holds decodeHTML to x/net's reading on any page.
func FuzzSniffEncoding(f *testing.F) {
	f.Add([]byte(`<meta charset="windows-1252"><p>L` + "\x92" + `article</p>`))
	f.Add([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">` + "\x82\xa0"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, page []byte) {
		sameDecoding(t, page)
	})
}
