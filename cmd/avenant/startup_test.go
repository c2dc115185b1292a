package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// initBudget bounds the bytes avenant's own packages allocate before main,
// in every command: tables, maps and patterns that a command may never
// read are built on first use (sync.OnceValue, internal/lazyre). The
// packages allocated 126 KB in 950 objects before the bounds of values
// (spelt, sorted and filed), the words of counts and Latin adverbs and the
// verbs that set a value were; 60 KB in 490 since, mostly small maps of
// words. Those left cost a start little; a table of hundreds of entries
// or one built from others belongs behind a sync.OnceValue.
const initBudget = 72 << 10

// TestInitBudget runs this test binary, which links every package of the
// command, with GODEBUG=inittrace=1 and adds up what each package of the
// module allocates in its init.
func TestInitBudget(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, stderr.Bytes())
	}
	total, packages := 0, 0
	var lines []string
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/avenant-dev/avenant/clause @44 ms, 0.12 ms clock, 34160 bytes, 145 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 10 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/avenant-dev/avenant/") || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		total += n
		packages++
		lines = append(lines, sc.Text())
	}
	if packages == 0 {
		t.Fatalf("no init of the module's packages traced: %s", stderr.Bytes())
	}
	if total > initBudget {
		t.Errorf("the module's packages allocate %d bytes before main, more than %d:\n%s", total, initBudget, strings.Join(lines, "\n"))
	}
}
