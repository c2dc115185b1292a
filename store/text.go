package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FormatText turns a clause's text into the content of its clause file: one
// sentence a line, paragraphs separated by a blank line, a final newline
// ("" for an empty text). See the package doc for what it normalises.
func FormatText(text string) string {
	paras := paragraphs(text)
	if len(paras) == 0 {
		return ""
	}
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, l := range p {
			for _, s := range splitSentences(l) {
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// ParseText rebuilds a clause text from the content of its clause file:
// the lines of a paragraph are joined by a space, or kept on their own
// line when they start with a list or table marker.
func ParseText(file string) string {
	file = strings.TrimRight(file, "\n")
	if file == "" {
		return ""
	}
	paras := strings.Split(file, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		var b strings.Builder
		for j, l := range lines {
			if j > 0 {
				if hardBreak(l) {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(l)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

// NormalizeText is what a text becomes once stored and read back.
func NormalizeText(text string) string { return ParseText(FormatText(text)) }

// paragraphs splits text on blank lines and joins each paragraph's lines
// into logical lines: a line continues the previous one unless it starts
// with a list or table marker. Spaces and tabs are collapsed.
func paragraphs(text string) [][]string {
	var paras [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, cur)
			cur = nil
		}
	}
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l := collapseSpaces(raw)
		if l == "" {
			flush()
			continue
		}
		if len(cur) == 0 || hardBreak(l) {
			cur = append(cur, l)
			continue
		}
		cur[len(cur)-1] += " " + l
	}
	flush()
	return paras
}

// collapseSpaces trims a line and turns runs of spaces, tabs and carriage
// returns into one space. Non-breaking spaces are kept: they are
// typography, not layout.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// hardBreak reports whether a line starts with a list or table marker and
// so keeps its own line in the text.
func hardBreak(l string) bool {
	r, size := utf8.DecodeRuneInString(l)
	switch r {
	case '-', '–', '—', '•', '*', '|', '>':
		return true
	}
	rest := l[size:]
	switch {
	case unicode.IsDigit(r):
		i := 0
		for i < len(l) && l[i] >= '0' && l[i] <= '9' {
			i++
		}
		rest = l[i:]
		return strings.HasPrefix(rest, "°") || strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") ")
	case r >= 'a' && r <= 'z':
		return strings.HasPrefix(rest, ") ")
	case r == 'I' || r == 'V' || r == 'X':
		i := 0
		for i < len(l) && (l[i] == 'I' || l[i] == 'V' || l[i] == 'X') {
			i++
		}
		return strings.HasPrefix(l[i:], ". ") || strings.HasPrefix(l[i:], " - ") || strings.HasPrefix(l[i:], ") ")
	}
	return false
}

// splitSentences cuts a logical line after . ; : ? ! followed by a space
// and an upper-case letter, a digit or a list marker, unless the word
// before a full stop is an abbreviation ("L.", "art.", "M.").
func splitSentences(l string) []string {
	var out []string
	start := 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c != '.' && c != ';' && c != ':' && c != '?' && c != '!' {
			continue
		}
		if i+2 >= len(l) || l[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(l[i+2:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("-–•*«(", next) {
			continue
		}
		if c == '.' && abbreviation(l[start:i]) {
			continue
		}
		// "1. Le médecin…", "II. Les caisses…": the number of a point is
		// no sentence; cut there, the point would lose its marker.
		if start == 0 && hardBreak(l[:i+2]) && isMarker(l[:i+1]) {
			continue
		}
		out = append(out, l[start:i+1])
		start = i + 2
	}
	return append(out, l[start:])
}

// isMarker reports whether s is nothing but a list marker: "1.", "II.",
// "a)" and the like.
func isMarker(s string) bool {
	s = strings.TrimRight(s, ".)°:;")
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune("IVXLivxl", r) && !(len(s) == 1 && unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}

// abbreviation reports whether s ends with a word that a full stop
// abbreviates rather than ends a sentence with.
func abbreviation(s string) bool {
	w := s[strings.LastIndexAny(s, " («'’\u00a0")+1:]
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsLetter(r) {
		return true // an initial: "L.", "M."
	}
	switch strings.ToLower(w) {
	case "art", "al", "cf", "mm", "mme", "dr", "pr", "st", "n", "no", "p", "ss", "e.g", "i.e":
		return true
	}
	return false
}
