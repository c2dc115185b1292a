package render

import (
	"slices"
	"strings"
)

// GraphVersion is what the answer graph needs of a version: its label and
// the label of the version it answers ("" for none).
type GraphVersion struct {
	Label, Base string
}

// GraphOrder lists versions given oldest first (by date) newest first, as
// the graph draws them, and never a version below the one it answers. An
// answer dated before the proposal it answers (a date mistyped, a version
// imported late) is listed as if of the proposal's date, right above it;
// in plain date order it opened a lane waiting for a version already
// drawn, which ran to the foot of the graph and credited no one. It
// returns indexes into oldestFirst.
func GraphOrder(oldestFirst []GraphVersion) []int {
	at := map[string]int{}
	for i, v := range oldestFirst {
		at[v.Label] = i
	}
	// when[i] is where version i stands in time: its own place, or the
	// place of the latest version on the line it answers; depth[i] counts
	// the versions on that line, so an answer comes before its base when
	// both stand at one time.
	when, depth := make([]int, len(oldestFirst)), make([]int, len(oldestFirst))
	var walk func(i int) (int, int)
	walk = func(i int) (int, int) {
		if depth[i] > 0 {
			return when[i], depth[i]
		}
		// Set before the base is walked, so that bases that loop (no
		// store makes them) end the walk.
		when[i], depth[i] = i, 1
		if b, ok := at[oldestFirst[i].Base]; ok && oldestFirst[i].Base != "" {
			bw, bd := walk(b)
			when[i], depth[i] = max(i, bw), bd+1
		}
		return when[i], depth[i]
	}
	order := make([]int, len(oldestFirst))
	for i := range order {
		walk(i)
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if when[a] != when[b] {
			return when[b] - when[a]
		}
		if depth[a] != depth[b] {
			return depth[b] - depth[a]
		}
		return b - a
	})
	return order
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
