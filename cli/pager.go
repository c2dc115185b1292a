package cli

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/cobra"
)

// defaultPager is git's: -F quits at once when the output fits on the
// screen, -R passes colours through, -X leaves the text on the screen.
const defaultPager = "less -FRX"

// pagedAnnotation marks the commands whose output can run to hundreds of
// lines; only they go through the pager, never the TUI or a command that
// reports one line.
const pagedAnnotation = "avenant:paged"

// pagedCommands are the commands paged on a terminal: the reports a reader
// scrolls through. compare is listed before it exists so that it pages
// the day it lands.
var pagedCommands = []string{"diff", "show", "log", "blame", "versions", "tariffs", "check", "compare"}

func markPaged(root *cobra.Command) {
	for _, c := range root.Commands() {
		for _, name := range pagedCommands {
			if c.Name() == name {
				if c.Annotations == nil {
					c.Annotations = map[string]string{}
				}
				c.Annotations[pagedAnnotation] = "true"
			}
		}
	}
}

// pagerCommand is the shell command that pages the output of cmd, or ""
// when the output goes straight to standard output: not a terminal,
// --no-pager, --quiet, a command that is not paged, or a pager set to ""
// or "cat" (AVENANT_PAGER first, then PAGER, as git reads GIT_PAGER).
func (g *globals) pagerCommand(cmd *cobra.Command) string {
	if g.noPager || g.quiet || !g.io.OutTTY || cmd.Annotations[pagedAnnotation] == "" {
		return ""
	}
	for _, name := range []string{"AVENANT_PAGER", "PAGER"} {
		if v, ok := g.io.lookupEnv(name); ok {
			v = strings.TrimSpace(v)
			if v == "" || v == "cat" {
				return ""
			}
			return v
		}
	}
	if g.io.Getenv("TERM") == "dumb" {
		return "" // less cannot drive such a terminal
	}
	return defaultPager
}

// startPager sends the rest of cmd's standard output through the pager,
// when it has one.
func (g *globals) startPager(cmd *cobra.Command) {
	command := g.pagerCommand(cmd)
	if command == "" {
		return
	}
	g.pager = newPager(command, g.io)
	paged := *g.io
	paged.Out = g.pager
	g.io = &paged
}

// closePager waits for the user to leave the pager, if there is one.
func (g *globals) closePager() {
	if g.pager != nil {
		g.pager.Close()
	}
}

// lookupEnv tells an empty variable from an unset one when the IO can.
func (io *IO) lookupEnv(name string) (string, bool) {
	if io.LookupEnv != nil {
		return io.LookupEnv(name)
	}
	v := io.Getenv(name)
	return v, v != ""
}

// pager is standard output sent through a pager program. The program is
// started on the first write, so that a command failing before it prints
// anything shows its error without a pager flashing on the screen.
type pager struct {
	command string
	io      *IO

	mu      sync.Mutex
	started bool
	cmd     *exec.Cmd
	pipe    io.WriteCloser
	// gone is set once the pager stopped reading: the user quit it before
	// the end. The rest of the output is dropped, and the command ends as
	// it would have, with its own exit status and no error message.
	gone    bool
	signals chan os.Signal
	done    sync.Once
}

func newPager(command string, io *IO) *pager { return &pager{command: command, io: io} }

func (p *pager) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.started {
		p.started = true
		p.start()
	}
	if p.pipe == nil {
		return p.io.Out.Write(b)
	}
	if p.gone {
		return len(b), nil
	}
	n, err := p.pipe.Write(b)
	if err != nil && (errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrClosed)) {
		p.gone = true
		return len(b), nil
	}
	return n, err
}

// shellMeta are the characters that make a pager setting a shell command
// line ("less -R | tee log"); without them, it is a program and its
// arguments, run even where there is no shell.
const shellMeta = "|&;<>()$`\\\"'*?[#~=%\n"

// start runs the pager with its input on a pipe; when it cannot be
// started, output goes to standard output as if there were no pager.
func (p *pager) start() {
	var cmd *exec.Cmd
	if strings.ContainsAny(p.command, shellMeta) {
		cmd = exec.Command("sh", "-c", p.command)
	} else {
		f := strings.Fields(p.command)
		cmd = exec.Command(f[0], f[1:]...)
	}
	cmd.Stdout = p.io.Out
	cmd.Stderr = p.io.Err
	cmd.Env = os.Environ()
	// As git does: less and lv get the options that make short output
	// print and quit, unless the user chose theirs.
	for _, kv := range [][2]string{{"LESS", "FRX"}, {"LV", "-c"}} {
		if _, ok := os.LookupEnv(kv[0]); !ok {
			cmd.Env = append(cmd.Env, kv[0]+"="+kv[1])
		}
	}
	pipe, err := cmd.StdinPipe()
	if err != nil {
		return
	}
	if err := cmd.Start(); err != nil {
		pipe.Close()
		return
	}
	p.cmd, p.pipe = cmd, pipe
	// An interrupt reaches the pager too, which stays open: the command
	// stops writing and waits for the user to leave the pager before it
	// exits, or the shell would prompt over the pager's screen.
	p.signals = make(chan os.Signal, 1)
	signal.Notify(p.signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		if _, ok := <-p.signals; ok {
			p.close()
			os.Exit(130)
		}
	}()
}

// close ends the pager's input and waits for the user to quit it.
func (p *pager) close() {
	p.done.Do(func() {
		if p.pipe == nil {
			return
		}
		p.pipe.Close()
		// The pager's own exit status says nothing about the command's.
		_ = p.cmd.Wait()
		signal.Stop(p.signals)
		close(p.signals)
	})
}

// Close ends the pager, if one was started.
func (p *pager) Close() error {
	p.mu.Lock()
	started := p.started
	p.mu.Unlock()
	if started {
		p.close()
	}
	return nil
}
