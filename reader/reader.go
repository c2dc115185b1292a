package reader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/internal/sanitize"
)

// DefaultMaxSize caps what ReadFile accepts when Options.MaxSize is zero.
// Conventions with their annexes weigh a few megabytes as text; 64 MiB
// leaves a wide margin while keeping a mistaken argument (a disk image, a
// video) from being loaded into memory.
const DefaultMaxSize = 64 << 20

// Options bound what ReadFile accepts.
type Options struct {
	// MaxSize is the largest file, in bytes, that ReadFile reads; 0 means
	// DefaultMaxSize. The CLI exposes it as --max-size.
	MaxSize int64
	// Changes says which side of a Word document's tracked changes to
	// read; the zero value, Accept, reads the document as it would be once
	// every change is accepted. Other formats ignore it.
	Changes ChangeMode
}

// Sentinel errors, matched with errors.Is through *Error.
var (
	// errUnsupported is a file format that has no reader yet.
	errUnsupported = errors.New("unsupported file format")
	// errEmpty is a file with no visible character.
	errEmpty = errors.New("empty file")
	// errBinary is a file that is not text at all.
	errBinary = errors.New("binary file, not a text document")
	// errTruncated is a text cut short in the middle of a character.
	errTruncated = errors.New("truncated text")
	// ErrTooLarge is a file over Options.MaxSize.
	ErrTooLarge = errors.New("file too large")
	// errNotFound is a path where no file exists.
	errNotFound = errors.New("no such file")
	// errIsDir is a directory given where a file was expected.
	errIsDir = errors.New("is a directory, not a file")
	// ErrCorrupt is a PDF, Word or HTML file that cannot be read: truncated,
	// damaged, or not the format its extension claims.
	ErrCorrupt = errors.New("corrupt or truncated file")
	// errEncrypted is a password-protected PDF or Word document.
	errEncrypted = errors.New("encrypted file")
	// errNoText is a PDF without a text layer: a scan, which needs OCR.
	errNoText = errors.New("no text layer")
)

// Error is what ReadFile and Decode return on failure. The CLI prints it as
// its one line on stderr, so Error() names the file and the problem and
// never spans lines.
type Error struct {
	// Path is the file as the user named it; empty when Decode was called
	// on bytes that came from elsewhere.
	Path string
	// Err is one of the sentinels above, or the underlying I/O error.
	Err error
	// Detail says what is wrong in words for a person; when empty, Err's
	// message is used.
	Detail string
}

// Error gives "<path>: <what is wrong>" on a single line.
func (e *Error) Error() string {
	msg := e.Detail
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	msg = oneLine(msg)
	if e.Path == "" {
		return msg
	}
	return sanitize.Name(e.Path) + ": " + msg
}

// Unwrap lets errors.Is match the sentinel or the I/O error.
func (e *Error) Unwrap() error { return e.Err }

// oneLine folds any line break an OS error might carry.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
}

// unsupported maps extensions that a later reader will handle to the
// sentence ReadFile gives meanwhile.
var unsupported = map[string]string{
	".doc": "Word 97-2003 documents (.doc) are not supported yet: save as .docx",
	".odt": "OpenDocument text files (.odt) are not supported yet: save as .docx",
}

// formats maps the extensions that need a dedicated reader to it. Each
// returns normalised text, or an *Error without Path.
var formats = map[string]func(data []byte, opts Options) (string, error){
	".pdf":   func(data []byte, opts Options) (string, error) { return readPDF(data, newBudget(opts)) },
	".docx":  func(data []byte, opts Options) (string, error) { return readDocx(data, opts.Changes, newBudget(opts)) },
	".docm":  func(data []byte, opts Options) (string, error) { return readDocx(data, opts.Changes, newBudget(opts)) },
	".html":  func(data []byte, _ Options) (string, error) { return readHTML(data) },
	".htm":   func(data []byte, _ Options) (string, error) { return readHTML(data) },
	".xhtml": func(data []byte, _ Options) (string, error) { return readHTML(data) },
}

// ReadFile reads the document at path and returns its normalised text.
// The size is checked with Stat before anything is read, and the read
// itself is bounded, so a file that grows meanwhile cannot exhaust memory.
// .pdf, .docx and .html/.htm go through readPDF, readDocx (with
// opts.Changes) and readHTML; .doc and .odt are refused with
// errUnsupported; .txt, .md and any other extension are decoded as text.
// Every error is an *Error.
func ReadFile(path string, opts Options) (string, error) {
	_, text, err := read(path, opts)
	return text, err
}

// Source is a document file read once: its normalised text and the
// SHA-256 of the very bytes that text came from, which a store records as
// the version's source. Hashing a second read of the file could describe
// other bytes (a file replaced meanwhile, or past the size bound).
type Source struct {
	Text string
	// SHA256 is the lower-case hex digest of the file's bytes.
	SHA256 string
}

// ReadSource is ReadFile returning the digest of the bytes read too.
func ReadSource(path string, opts Options) (Source, error) {
	data, text, err := read(path, opts)
	if err != nil {
		return Source{}, err
	}
	return Source{Text: text, SHA256: digest(data)}, nil
}

// ReadFileAndBytes is ReadFile returning the bytes the text came from
// too, for a caller that reads them another way as well: a second read of
// the file could give other bytes, or wait for ever on a pipe already
// drained ("avenant apply <(…) avenant.md").
func ReadFileAndBytes(path string, opts Options) ([]byte, string, error) {
	return read(path, opts)
}

// read returns the bytes of the file and their normalised text. Only
// ReadSource hashes them: the digest of a megabyte costs about as much
// as decoding it, and diff, show and check never record it.
func read(path string, opts Options) (data []byte, text string, err error) {
	data, err = readBounded(path, opts)
	if err != nil {
		return nil, "", err
	}
	if text, err = ReadBytes(path, data, opts); err != nil {
		return nil, "", withPath(path, err)
	}
	return data, text, nil
}

// ReadBytes is ReadFile on data, the bytes of a file named name already
// read: its extension chooses the reader. Errors are *Error without Path.
func ReadBytes(name string, data []byte, opts Options) (string, error) {
	decode := func(data []byte, _ Options) (string, error) { return Decode(data) }
	if f, ok := formats[strings.ToLower(filepath.Ext(name))]; ok {
		decode = f
	}
	text, err := decode(data, opts)
	if err == nil && int64(len(text)) > opts.textLimit() {
		err = newBudget(opts).err("")
	}
	return text, err
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// withPath names the file in an error from a reader that works on bytes.
func withPath(path string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Path = path
		return &c
	}
	return &Error{Path: path, Err: err}
}

// readBounded reads the whole file after the checks that need no reading:
// existence, kind, supported extension, size.
func readBounded(path string, opts Options) ([]byte, error) {
	limit := opts.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, statError(path, err)
	}
	if info.IsDir() {
		return nil, &Error{Path: path, Err: errIsDir}
	}
	if msg, ok := unsupported[strings.ToLower(filepath.Ext(path))]; ok {
		return nil, &Error{Path: path, Err: errUnsupported, Detail: msg}
	}
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, statError(path, err)
	}
	defer f.Close()
	data, err := readAll(io.LimitReader(f, limit+1), info.Size())
	if err != nil {
		return nil, &Error{Path: path, Err: err, Detail: "cannot read: " + ioReason(err)}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, -1, limit)
	}
	return data, nil
}

// readAll is io.ReadAll into a buffer of the size the file was found to
// have, plus the byte that tells its end: read in one go rather than in
// doubling buffers (a pipe or a file that grew meanwhile still reads
// whole).
func readAll(r io.Reader, size int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

func statError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Path: path, Err: errNotFound}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Path: path, Err: err, Detail: "permission denied"}
	}
	return &Error{Path: path, Err: err, Detail: "cannot open: " + ioReason(err)}
}

// ioReason drops the path that *fs.PathError repeats, since Error already
// starts with it.
func ioReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// tooLarge reads "file is 70.0 MiB, over the 64 MiB limit (--max-size)".
// A negative size is a file that grew past the limit while being read: its
// real size is unknown, since reading stopped there.
func tooLarge(path string, size, limit int64) error {
	what := "file is " + humanSize(size) + ","
	if size < 0 {
		what = "file grew"
	}
	return &Error{Path: path, Err: ErrTooLarge,
		Detail: fmt.Sprintf("%s over the %s limit (--max-size)", what, humanLimit(limit))}
}

// humanSize gives one decimal so that a file just over the limit does not
// read as equal to it.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// humanLimit prints a limit the way a user would have typed it.
func humanLimit(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
