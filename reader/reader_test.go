package reader

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"convention.txt", []byte("Article 1\r\nLes m\xE9decins\xA0: oui\r\n"), "Article 1\nLes médecins : oui\n"},
		{"convention.md", []byte("# Titre\n\ntexte"), "# Titre\n\ntexte\n"},
		{"SANS_EXTENSION", []byte("texte"), "texte\n"},
		{"notes.rtf", []byte("autre extension lue comme texte"), "autre extension lue comme texte\n"},
		{"utf16.TXT", utf16Bytes("Préambule\n", false), "Préambule\n"},
		{"pdftotext.txt", []byte("la négocia-\ntion\n\n1\n\fsuite.\n\n2\n\f"), "la négociation suite.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(writeFile(t, dir, tt.name, tt.data), Options{})
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if got != tt.want {
				t.Errorf("ReadFile = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", nil)
	blank := writeFile(t, dir, "blank.txt", []byte("  \n\n\t\n"))
	binary := writeFile(t, dir, "bin.dat", []byte("PK\x03\x04\x00\x00data"))
	controls := writeFile(t, dir, "ctl.txt", []byte("\x1b\x1b\x1b\x1babcdef"))
	big := writeFile(t, dir, "big.txt", []byte(strings.Repeat("mot ", 300)))
	atLimit := writeFile(t, dir, "exact.txt", []byte(strings.Repeat("a", 100)))
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	pdf := writeFile(t, dir, "convention.PDF", []byte("%PDF-1.4"))
	doc := writeFile(t, dir, "ancien.DOC", []byte("\xD0\xCF\x11\xE0"))
	notDocx := writeFile(t, dir, "x.docx", []byte("<html>"))
	blankHTML := writeFile(t, dir, "x.html", []byte("<html>"))
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name   string
		path   string
		opts   Options
		target error
		msg    string
	}{
		{"empty", empty, Options{}, errEmpty, empty + ": empty file"},
		{"only whitespace", blank, Options{}, errEmpty, blank + ": empty file (only whitespace)"},
		{"binary", binary, Options{}, errBinary, binary + ": binary file (NUL bytes), not a text document"},
		{"control characters", controls, Options{}, errBinary, controls + ": binary file (40% control characters), not a text document"},
		{"directory", sub, Options{}, errIsDir, sub + ": is a directory, not a file"},
		{"missing", missing, Options{}, errNotFound, missing + ": no such file"},
		{"over a small limit", big, Options{MaxSize: 1 << 10}, ErrTooLarge, big + ": file is 1.2 KiB, over the 1 KiB limit (--max-size)"},
		{"over a byte limit", atLimit, Options{MaxSize: 99}, ErrTooLarge, atLimit + ": file is 100 bytes, over the 99 bytes limit (--max-size)"},
		{"truncated pdf", pdf, Options{}, ErrCorrupt, pdf + ": truncated PDF file (no %%EOF at the end)"},
		{"docx that is no zip", notDocx, Options{}, ErrCorrupt, notDocx + ": not a Word document, or a truncated one: zip: not a valid zip file"},
		{"html without text", blankHTML, Options{}, errEmpty, blankHTML + ": HTML page without visible text"},
		{"pdf over the limit", pdf, Options{MaxSize: 1}, ErrTooLarge, pdf + ": file is 8 bytes, over the 1 bytes limit (--max-size)"},
		{"unsupported before too large", doc, Options{MaxSize: 1}, errUnsupported, doc + ": " + unsupported[".doc"]},
	}
	for _, ext := range []string{".doc", ".odt"} {
		p := writeFile(t, dir, "x"+ext, []byte("<html>"))
		tests = append(tests, struct {
			name   string
			path   string
			opts   Options
			target error
			msg    string
		}{ext, p, Options{}, errUnsupported, p + ": " + unsupported[ext]})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(tt.path, tt.opts)
			if err == nil {
				t.Fatalf("ReadFile = %q, want error %v", got, tt.target)
			}
			if !errors.Is(err, tt.target) {
				t.Errorf("error %v is not %v", err, tt.target)
			}
			var e *Error
			if !errors.As(err, &e) || e.Path != tt.path {
				t.Errorf("error %#v is not an *Error for %s", err, tt.path)
			}
			if err.Error() != tt.msg {
				t.Errorf("message\n got %q\nwant %q", err.Error(), tt.msg)
			}
		})
	}

	if got, err := ReadFile(atLimit, Options{MaxSize: 100}); err != nil || got != strings.Repeat("a", 100)+"\n" {
		t.Errorf("file exactly at the limit: %q, %v", got, err)
	}
}

func TestReadFileDefaultLimit(t *testing.T) {
	// A sparse file reports its size without using the disk.
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(70 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(path, Options{})
	if want := path + ": file is 70.0 MiB, over the 64 MiB limit (--max-size)"; err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
}

func TestErrorOneLine(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "fixtures/x.txt", Err: errEmpty}, "fixtures/x.txt: empty file"},
		{&Error{Path: "a\nb.txt", Err: errEmpty}, `"a\nb.txt": empty file`},
		{&Error{Path: "x.txt", Err: errors.New("disk\nfailure")}, "x.txt: disk failure"},
		{&Error{Err: errBinary, Detail: "binary file (NUL bytes), not a text document"}, "binary file (NUL bytes), not a text document"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// The digest ReadSource and ReadFileTracked return is of the bytes the
// text was read from, and a file over the bound yields no digest at all.
func TestReadSourceDigest(t *testing.T) {
	dir := t.TempDir()
	md := []byte("# Article 1\n\nLa consultation vaut 30 €.\n")
	docx := writeDocx(t, trackedFixture(t))
	for _, c := range []struct {
		name string
		data []byte
	}{{"texte.md", md}, {"contre-proposition.docx", docx}} {
		path := writeFile(t, dir, c.name, c.data)
		sum := sha256.Sum256(c.data)
		want := hex.EncodeToString(sum[:])
		src, err := ReadSource(path, Options{})
		if err != nil || src.SHA256 != want || src.Text == "" {
			t.Errorf("%s: ReadSource digest %q, text %d bytes, %v; want %q", c.name, src.SHA256, len(src.Text), err, want)
		}
		if text, _ := ReadFile(path, Options{}); text != src.Text {
			t.Errorf("%s: ReadSource and ReadFile read different texts", c.name)
		}
		tr, err := ReadFileTracked(path, Options{})
		if err != nil || tr.SHA256 != want {
			t.Errorf("%s: ReadFileTracked digest %q, %v; want %q", c.name, tr.SHA256, err, want)
		}
		if src, err := ReadSource(path, Options{MaxSize: int64(len(c.data)) - 1}); !errors.Is(err, ErrTooLarge) || src.SHA256 != "" {
			t.Errorf("%s over --max-size: %+v, %v; want ErrTooLarge and no digest", c.name, src, err)
		}
	}
}
