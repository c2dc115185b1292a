package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/avenant-dev/avenant/internal/synth"
)

// writeIndented indents as json.Indent does, on crafted values, on random
// sequences of JSON's punctuation inside and outside strings, and on
// every JSON file of the project's test data (the diff goldens among
// them), each made compact first as the encoder writes it.
func TestIndentJSONIsIndent(t *testing.T) {
	check := func(compact []byte) {
		t.Helper()
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", "  "); err != nil {
			return // not JSON: the encoder never writes it
		}
		var got bytes.Buffer
		if err := writeIndented(&got, compact); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("writeIndented(%s) =\n%s\njson.Indent gives\n%s", compact, got.Bytes(), want.Bytes())
		}
	}
	for _, v := range []any{
		nil, 1, "x", []any{}, map[string]any{}, []any{[]any{}, map[string]any{}},
		map[string]any{"a": []any{1, "b", map[string]any{"c": nil}}, "d": map[string]any{}},
		[]string{`"`, `\`, `{[,:]}`, "\u00e9\n\t", `a\"b`, "\\"},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		check(append(b, '\n'))
	}
	// A document several times indentChunk: written out in pieces, it
	// must read as the whole indented at once.
	big := make([]map[string]any, 3000)
	for i := range big {
		big[i] = map[string]any{"text": `l'article "28" \ vaut`, "n": i, "facts": []any{}, "path": []string{"Titre 1", "Article 28"}}
	}
	b, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 3*indentChunk {
		t.Fatalf("the big document has %d bytes", len(b))
	}
	check(append(b, '\n'))
	// Random texts that are compact JSON, as the encoder writes it.
	alphabet := []string{"{", "}", "[", "]", ",", ":", `"`, `""`, `\\`, `\"`, "1", "a", "null", `"a":`}
	valid := 0
	for s := range synth.Strings(7, alphabet, 14, 200000) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) == nil && compact.String() == s {
			valid++
			check([]byte(s + "\n"))
		}
	}
	if valid < 500 {
		t.Fatalf("only %d random texts were JSON", valid)
	}
	files, _ := filepath.Glob("../*/testdata/*/*.json")
	more, _ := filepath.Glob("../*/testdata/*.json")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("%d JSON files found in the test data", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		if json.Compact(&compact, b) == nil {
			check(append(compact.Bytes(), '\n'))
		}
	}
}
