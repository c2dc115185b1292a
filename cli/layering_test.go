package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the domain apart from the interface: clause and store
// never depend, even indirectly, on the TUI or on Charm's UI libraries.
func TestLayering(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found: cannot list dependencies")
	}
	out, err := exec.Command(goBin, "list", "-deps", "-f", "{{.ImportPath}}", "../clause", "../store").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "charm.land/") || strings.Contains(dep, "charmbracelet/bubbletea") ||
			strings.Contains(dep, "charmbracelet/lipgloss") || strings.HasSuffix(dep, "/avenant/tui") {
			t.Errorf("clause or store depends on %s", dep)
		}
	}
}
