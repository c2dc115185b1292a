package heap

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// The pace is the process's: each case runs in a child process of the test
// binary (TestChild below), which prints the GC percent it is left with.
func TestPace(t *testing.T) {
	laid := onRequest(thpSetting)
	cases := []struct {
		name  string
		input int64
		gogc  string // "" for unset
		want  int
	}{
		{"a small input keeps the deferral", 100 << 10, "", 400},
		{"a large input waits for the heap laid out", 2 << 20, "", pick(laid, 800, 400)},
		{"the heap laid out is bounded", 1 << 30, "", pick(laid, 1600, 400)},
		{"no smaller than the deferral", 300 << 10, "", 400},
		{"the user's GOGC is left alone", 2 << 20, "150", 150},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestChild$")
			cmd.Env = append(os.Environ(), "HEAP_CHILD_INPUT="+strconv.FormatInt(c.input, 10))
			if c.gogc != "" {
				cmd.Env = append(cmd.Env, "GOGC="+c.gogc)
			} else {
				cmd.Env = withoutGOGC(cmd.Env)
			}
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			got := childPercent(t, string(out))
			if got != c.want {
				t.Errorf("GC percent after Expect(%d) = %d, want %d", c.input, got, c.want)
			}
		})
	}
}

func pick(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

func withoutGOGC(env []string) []string {
	kept := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "GOGC=") {
			kept = append(kept, kv)
		}
	}
	return kept
}

func childPercent(t *testing.T, out string) int {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "percent "); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("child said %q", line)
			}
			return n
		}
	}
	t.Fatalf("child said no percent:\n%s", out)
	return 0
}

// TestChild is TestPace's child: as cmd/avenant does, it defers the first
// collection, then expects its input.
func TestChild(t *testing.T) {
	input := os.Getenv("HEAP_CHILD_INPUT")
	if input == "" {
		t.Skip("run by TestPace")
	}
	n, err := strconv.ParseInt(input, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	DeferFirstCollection()
	Expect(n)
	Expect(n) // a second call changes nothing
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	os.Stdout.WriteString("percent " + strconv.Itoa(p) + "\n")
	// What a command then allocates: small objects, a few megabytes.
	var held [][]byte
	for range 8 << 20 / 256 {
		held = append(held, make([]byte, 256))
	}
	rollup, _ := os.ReadFile("/proc/self/smaps_rollup")
	for _, line := range strings.Split(string(rollup), "\n") {
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			os.Stdout.WriteString("huge " + strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")) + "\n")
		}
	}
	runtime.KeepAlive(held)
}

// TestHugePagesUsed checks, where Linux gives huge pages on request, that
// the heap laid out for a large input gets them.
func TestHugePagesUsed(t *testing.T) {
	if !onRequest(thpSetting) {
		t.Skip("huge pages are not given on request here")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$")
	cmd.Env = append(withoutGOGC(os.Environ()), "HEAP_CHILD_INPUT="+strconv.Itoa(2<<20))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	kb := -1
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "huge "); ok {
			kb, _ = strconv.Atoi(v)
		}
	}
	if kb < 2048 {
		t.Errorf("AnonHugePages after 8 MB allocated = %d kB, want at least one huge page\n%s", kb, out)
	}
}

func TestOnRequest(t *testing.T) {
	for _, c := range []struct {
		setting string
		want    bool
	}{
		{"always [madvise] never\n", true},
		{"[always] madvise never\n", false},
		{"always madvise [never]\n", false},
		{"", false},
	} {
		path := filepath.Join(t.TempDir(), "enabled")
		if err := os.WriteFile(path, []byte(c.setting), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := onRequest(path); got != c.want {
			t.Errorf("onRequest(%q) = %v, want %v", c.setting, got, c.want)
		}
	}
	if onRequest(filepath.Join(t.TempDir(), "absent")) {
		t.Error("onRequest of an absent file = true")
	}
}
