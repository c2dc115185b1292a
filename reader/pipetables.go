package reader

import "strings"

// GitHub's Markdown lets a table's rows go without their outer pipes:
//
//	Code | Libellé | Tarif
//	--- | --- | ---
//	G | Consultation | 26,50 €
//
// The parser reads a table row by its opening pipe, so such a table is
// given its pipes here: the header above a separator of dashes, the
// separator, and the rows below it up to the first line without a pipe.

// framePipeTables writes the pipe-less tables of text with outer pipes;
// a text without one is returned as it is, uncopied.
func framePipeTables(text string) string {
	if !strings.Contains(text, "--") || !strings.Contains(text, "|") {
		return text // no separator row of dashes at all
	}
	var b strings.Builder
	done := 0 // text[:done] is in b
	prev, inTable := "", false
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		frame := false
		switch {
		case inTable && bareless(line):
			frame = true
		case barelessSeparator(line) && bareless(prev):
			// The header, written before the separator.
			b.WriteString(text[done : start-len(prev)-1])
			b.WriteString(framed(prev))
			b.WriteByte('\n')
			done = start
			frame, inTable = true, true
		default:
			inTable = false
		}
		if frame {
			b.WriteString(text[done:start])
			b.WriteString(framed(line))
			done = end
		}
		prev, start = line, end+1
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// bareless reports a line holding cells parted by pipes, without the
// opening one.
func bareless(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && t[0] != '|' && strings.Contains(t, "|")
}

// barelessSeparator reports a separator row without outer pipes: cells of
// dashes, colons for alignment, parted by pipes ("--- | :---:").
func barelessSeparator(line string) bool {
	if !bareless(line) {
		return false
	}
	for _, cell := range strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|") {
		c := strings.Trim(strings.TrimSpace(cell), ":")
		if len(c) < 3 || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// framed gives a row its outer pipes.
func framed(line string) string {
	t := strings.TrimSpace(line)
	if !strings.HasSuffix(t, "|") {
		t += " |"
	}
	return "| " + t
}
