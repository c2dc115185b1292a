package render

import "strings"

// GraphVersion is what the answer graph needs of a version: its label and
// the label of the version it answers ("" for none).
type GraphVersion struct {
	Label, Base string
}

// VersionGraph draws "who answered whom" for versions listed newest
// first, one row per version, as git log --graph does: one lane per line
// of answers, "●" marks the version, "│" a lane passing by, and "┴"/"┘"
// the lanes that join the version they all answer (a fork: several answers
// to one proposal). It is the one graph of avenant versions and of the
// TUI's versions screen.
func VersionGraph(list []GraphVersion) []string {
	var lanes []string // the label each lane waits for
	out := make([]string, len(list))
	for i, v := range list {
		mine := -1
		var joins []int
		for j, l := range lanes {
			if l == v.Label {
				if mine < 0 {
					mine = j
				} else {
					joins = append(joins, j)
				}
			}
		}
		if mine < 0 {
			lanes = append(lanes, v.Label)
			mine = len(lanes) - 1
		}
		out[i] = graphRow(lanes, mine, joins)
		for _, x := range joins {
			lanes[x] = ""
		}
		lanes[mine] = v.Base
		for len(lanes) > 0 && lanes[len(lanes)-1] == "" {
			lanes = lanes[:len(lanes)-1]
		}
	}
	return out
}

// graphRow draws one row: the version on lane mine, the lanes joins
// merging into it, the others passing by.
func graphRow(lanes []string, mine int, joins []int) string {
	var b strings.Builder
	last := mine
	if len(joins) > 0 {
		last = joins[len(joins)-1]
	}
	for j := range lanes {
		var cell string
		switch {
		case j == mine:
			cell = "●"
		case j > mine && j < last:
			cell = "┼"
			for _, x := range joins {
				if x == j {
					cell = "┴"
				}
			}
		case j == last:
			cell = "┘"
		case lanes[j] == "":
			cell = " "
		default:
			cell = "│"
		}
		b.WriteString(cell)
		if j < len(lanes)-1 {
			if j >= mine && j < last {
				b.WriteString("─")
			} else {
				b.WriteString(" ")
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}
