package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/store"
)

// TestProgressTo: the first read of a store an older avenant wrote
// re-derives every version, which on hundreds of versions took minutes
// without a word. Piped, it is one line as it starts; on a terminal a
// counter redrawn in place, no more than ten times a second, and erased.
func TestProgressTo(t *testing.T) {
	var piped bytes.Buffer
	tell := progressTo(&piped, false)
	for k := 0; k <= 500; k++ {
		tell(store.RederiveTask, k, 500)
	}
	if got := piped.String(); got != "avenant: "+store.RederiveTask+": 500 versions, once…\n" {
		t.Errorf("piped: %q", got)
	}
	var tty bytes.Buffer
	tell = progressTo(&tty, true)
	for k := 0; k <= 500; k++ {
		tell(store.RederiveTask, k, 500)
	}
	got := tty.String()
	if !strings.HasPrefix(got, "\r\x1b[Kavenant: "+store.RederiveTask+": 0/500…") || !strings.HasSuffix(got, "\r\x1b[K") ||
		strings.Count(got, "\n") != 0 || strings.Count(got, "/500") > 5 {
		t.Errorf("terminal: %q", got)
	}
}
