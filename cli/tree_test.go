package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestCommandsTable checks each entry of commands against the command it
// builds: a name that differs would make a run build a tree without the
// command it asks for.
func TestCommandsTable(t *testing.T) {
	g := &globals{io: &IO{}}
	seen := map[string]bool{}
	for _, c := range commands {
		if got := c.build(g).Name(); got != c.name {
			t.Errorf("commands entry %q builds %q", c.name, got)
		}
		if seen[c.name] {
			t.Errorf("commands lists %q twice", c.name)
		}
		seen[c.name] = true
	}
}

func TestInvoked(t *testing.T) {
	root, _ := newRoot(&IO{}, nil)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"version"}, "version"},
		{[]string{"log", "art-1"}, "log"},
		{[]string{"--store", "dir", "log", "art-1"}, "log"},
		{[]string{"--store=dir", "-q", "--no-pager", "--color", "never", "blame", "x"}, "blame"},
		{[]string{"--quiet", "--color=always", "diff", "a", "b"}, "diff"},
		// The value of --store is not the command.
		{[]string{"--store", "version"}, ""},
		{[]string{"--help", "diff"}, ""},
		{[]string{"-h"}, ""},
		{[]string{"--format", "json", "diff", "a", "b"}, ""},
		{[]string{"--", "version"}, ""},
		{[]string{"help", "diff"}, "help"},
		{[]string{"frobnicate"}, "frobnicate"},
	} {
		if got := invoked(tc.args, root.PersistentFlags()); got != tc.want {
			t.Errorf("invoked(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestPartialTree runs each command's help and flag errors on the tree a
// run builds (that command alone) and on the whole tree: what the user
// sees does not depend on which was built.
func TestPartialTree(t *testing.T) {
	run := func(full bool, args []string) string {
		var out, errb bytes.Buffer
		io := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
		var code int
		if full {
			root, g := newRoot(io, nil)
			code = execute(root, g, args, io)
		} else {
			code = Run(args, io)
		}
		return out.String() + "\x00" + errb.String() + "\x00" + string(rune('0'+code))
	}
	for _, c := range commands {
		for _, args := range [][]string{
			{c.name, "--help"},
			{"-q", "--no-pager", c.name, "-h"},
			{c.name, "--frob"},
			{c.name, "--version"},
			{"--store", t.TempDir(), "--color=never", c.name, "--frob=1"},
		} {
			if root, _ := newRoot(&IO{}, args); len(root.Commands()) != 1 {
				t.Errorf("%q: the tree has %d commands, want 1", args, len(root.Commands()))
			}
			if partial, full := run(false, args), run(true, args); partial != full {
				t.Errorf("%q:\n%s\nwhole tree:\n%s", args, partial, full)
			}
		}
	}
	if root, _ := newRoot(&IO{}, []string{"help", "version"}); len(root.Commands()) != len(commands) {
		t.Errorf("help: the tree has %d commands, want all %d", len(root.Commands()), len(commands))
	}
}
