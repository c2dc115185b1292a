package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/heap"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/reader"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// loadFile reads and parses a document file. Errors name the file.
func loadFile(path string, maxSize int64) (*clause.Document, error) {
	_, d, err := readDocument(path, maxSize)
	return d, err
}

// readDocument is loadFile that also returns the bytes the document was
// read from.
func readDocument(path string, maxSize int64) ([]byte, *clause.Document, error) {
	data, text, err := reader.ReadFileAndBytes(path, reader.Options{MaxSize: maxSize})
	if err != nil {
		return nil, nil, err
	}
	d, err := parseNamed(path, text)
	return data, d, err
}

func parseNamed(name, text string) (*clause.Document, error) {
	d, err := clause.ParseBounded(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sanitize.Name(name), err)
	}
	return d, nil
}

// stdinArg names standard input in place of a file, as diff(1) reads it:
// "git show main:convention.md | avenant diff - convention.md".
const stdinArg = "-"

// loadStdin reads standard input as a text document (its format has no
// extension to tell it), within --max-size as a file is.
func (l *docLoader) loadStdin() (*clause.Document, error) {
	limit := l.maxSize
	if limit <= 0 {
		limit = reader.DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(l.g.io.In, limit+1))
	if err != nil {
		return nil, &reader.Error{Path: stdinArg, Err: err, Detail: "cannot read standard input: " + err.Error()}
	}
	if int64(len(data)) > limit {
		return nil, &reader.Error{Path: stdinArg, Err: reader.ErrTooLarge, Detail: fmt.Sprintf("standard input over the %d bytes limit (--max-size)", limit)}
	}
	text, err := reader.ReadBytes(stdinArg, data, reader.Options{MaxSize: l.maxSize})
	if e := (*reader.Error)(nil); errors.As(err, &e) {
		e.Path = stdinArg
	}
	if err != nil {
		return nil, err
	}
	return parseNamed(stdinArg, text)
}

// maxConcordanceSize bounds a concordance file: a few lines per renumbered
// clause, so a megabyte is thousands of times what one needs, and a
// mistaken argument (/dev/zero, a disk image) is refused, not read whole.
const maxConcordanceSize = 1 << 20

// readConcordance reads a file of "old = new" lines. Its errors name the
// file and say what is wrong with it, as a document's do.
func readConcordance(path string) ([]clause.Concord, error) {
	name := sanitize.Name(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, openReason(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a concordance file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConcordanceSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, openReason(err))
	}
	if len(data) > maxConcordanceSize {
		return nil, fmt.Errorf("%s: over %d KiB, too large for a concordance file", name, maxConcordanceSize>>10)
	}
	conc, err := clause.ParseConcordance(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return conc, nil
}

// openReason is what went wrong opening or reading a file the user named,
// without the path *os.PathError repeats (raw, where the caller quotes
// it): "no such file", "permission denied".
func openReason(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file")
	}
	return sanitize.PathReason(err)
}

// docLoader turns the arguments of diff and check into documents: an
// existing file is read as a document, anything else names a version of
// the store (label, tag, commit or party branch), opened on first need.
type docLoader struct {
	g       *globals
	maxSize int64
	s       *store.Store
	// stdinRead is set once "-" has been read: a second "-" would read
	// nothing and compare an empty text.
	stdinRead bool
	// keepBytes asks load to keep in kept the bytes of the file it reads
	// (apply reads the base's no-break spaces from them).
	keepBytes bool
	kept      []byte
}

// load returns the document an argument names and how to describe it:
// for a store version, its label, party, date and the stable clause ids.
func (l *docLoader) load(arg string) (*clause.Document, render.Side, error) {
	if arg == stdinArg {
		if l.stdinRead {
			return nil, render.Side{}, errors.New("-: standard input given twice: it can be read once")
		}
		l.stdinRead = true
		d, err := l.loadStdin()
		return d, render.Side{Ref: stdinArg}, err
	}
	if isFile(arg) {
		data, d, err := readDocument(arg, l.maxSize)
		if l.keepBytes {
			l.kept = data
		}
		return d, render.Side{Ref: arg}, err
	}
	if l.s == nil {
		s, err := openStore(l.g)
		if err != nil {
			return nil, render.Side{}, fmt.Errorf("%s: no such file, and %w", sanitize.Name(arg), err)
		}
		l.s = s
	}
	v, err := l.s.Resolve(arg)
	if err != nil {
		// "old.md", "../v2.pdf": the user meant a file that is not there.
		if looksLikePath(arg) {
			_, ferr := loadFile(arg, l.maxSize)
			return nil, render.Side{}, ferr
		}
		return nil, render.Side{}, err
	}
	d, err := l.s.Document(v)
	if err != nil {
		return nil, render.Side{}, err
	}
	return d, render.Side{Ref: v.Label, Party: v.Party, Date: v.Date}, nil
}

// looksLikePath tells an argument meant as a file ("dir/x", "x.md") from a
// version label, which has neither a path separator nor a document
// extension.
func looksLikePath(arg string) bool {
	if strings.ContainsRune(arg, os.PathSeparator) || strings.ContainsRune(arg, '/') {
		return true
	}
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".md", ".txt", ".pdf", ".docx", ".docm", ".html", ".htm", ".xhtml", ".doc", ".odt":
		return true
	}
	return false
}

// loadPair loads the two versions compared by diff and check.
func (l *docLoader) loadPair(oldArg, newArg string) (oldDoc, newDoc *clause.Document, old, new render.Side, err error) {
	// Files are known large before they are read, versions of the store
	// once read; the diff, which allocates most, comes after either.
	heap.Expect(fileSize(oldArg) + fileSize(newArg))
	if oldArg == stdinArg && newArg == stdinArg {
		err = errors.New("-: standard input given for both sides: it can be read once")
		return
	}
	if oldDoc, old, err = l.load(oldArg); err != nil {
		return
	}
	if newDoc, new, err = l.load(newArg); err != nil {
		return
	}
	heap.Expect(textSize(oldDoc) + textSize(newDoc))
	return
}

// textSize is the bytes of a document's clause texts.
func textSize(d *clause.Document) int64 {
	var n int64
	for i := range d.Clauses {
		n += int64(len(d.Clauses[i].Text))
	}
	return n
}

// compareOptions reads a --concordance file, if any, and checks that every
// clause it names exists in the two documents.
func compareOptions(path string, oldDoc, newDoc *clause.Document) (clause.CompareOptions, error) {
	var opts clause.CompareOptions
	if path == "" {
		return opts, nil
	}
	conc, err := readConcordance(path)
	if err != nil {
		return opts, err
	}
	if err := clause.CheckConcordance(oldDoc, newDoc, conc); err != nil {
		return opts, fmt.Errorf("%s: %w", sanitize.Name(path), err)
	}
	opts.Align.Concordance = conc
	return opts, nil
}

// fileSize is the size of the file arg names, 0 for anything else.
func fileSize(arg string) int64 {
	fi, err := os.Stat(arg)
	if err != nil {
		return 0
	}
	return fi.Size()
}
