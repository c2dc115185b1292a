package clause

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// BenchmarkParse parses about 5 MB made of the corpus files laid end to
// end. Target: 50 MB/s or more.
func BenchmarkParse(b *testing.B) {
	var parts []string
	for _, path := range corpus.Texts(b) {
		parts = append(parts, readCorpus(b, path))
	}
	one := strings.Join(parts, "\n\n")
	text := strings.Repeat(one+"\n\n", 5<<20/len(one)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Parse(text)
	}
}
