// Package lazyre holds regular expressions compiled the first time they
// are used. A package-level regexp.MustCompile runs at start-up in every
// command, `avenant version` included, whether the command matches
// anything or not: compiling the patterns of clause, amend, reader, render
// and store took a few milliseconds before main even started.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a pattern compiled on first use; it is safe for concurrent
// use, like regexp.Regexp. Its fields are plain, with sync.Once: each
// sync.OnceValue costs a few heap objects at start-up, for each of the
// patterns every command declares.
type Regexp struct {
	// build assembles the source, nil when src is given.
	build    func() string
	src      string
	srcOnce  sync.Once
	re       *regexp.Regexp
	compiled sync.Once
}

// New is the pattern src, compiled on first use. A bad pattern panics
// then, as regexp.MustCompile would at start-up: the tests that use the
// pattern find it.
func New(src string) *Regexp {
	return &Regexp{src: src}
}

// Build is the pattern that src returns, for patterns assembled from
// parts: the assembly too waits for the first use.
func Build(src func() string) *Regexp {
	return &Regexp{build: src}
}

// String is the pattern's source, assembled but not compiled.
func (l *Regexp) String() string {
	if l.build != nil {
		l.srcOnce.Do(func() { l.src = l.build() })
	}
	return l.src
}

func (l *Regexp) get() *regexp.Regexp {
	l.compiled.Do(func() { l.re = regexp.MustCompile(l.String()) })
	return l.re
}

func (l *Regexp) MatchString(s string) bool                  { return l.get().MatchString(s) }
func (l *Regexp) FindString(s string) string                 { return l.get().FindString(s) }
func (l *Regexp) FindStringIndex(s string) []int             { return l.get().FindStringIndex(s) }
func (l *Regexp) FindStringSubmatch(s string) []string       { return l.get().FindStringSubmatch(s) }
func (l *Regexp) FindStringSubmatchIndex(s string) []int     { return l.get().FindStringSubmatchIndex(s) }
func (l *Regexp) FindAllStringIndex(s string, n int) [][]int { return l.get().FindAllStringIndex(s, n) }
func (l *Regexp) Split(s string, n int) []string             { return l.get().Split(s, n) }
func (l *Regexp) ReplaceAllString(s, repl string) string     { return l.get().ReplaceAllString(s, repl) }

func (l *Regexp) ReplaceAllStringFunc(s string, repl func(string) string) string {
	return l.get().ReplaceAllStringFunc(s, repl)
}

func (l *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}

func (l *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
