package tui

import (
	"fmt"
	"strings"
	"testing"
)

// TestHelpShowsEveryKey: the help of each screen names every key of its
// full help, on 80 columns and on 40. Before, the help model dropped the
// groups past the width behind "…": on 80×24 the outline's help hid v, o,
// $, p, esc, ? and q.
func TestHelpShowsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 40}} {
		for _, keysTo := range [][]string{nil, {"enter"}, {"v"}, {"p"}} {
			t.Run(fmt.Sprintf("%dx%d-%v", size[0], size[1], keysTo), func(t *testing.T) {
				m := start(t, newFakeSource(), Options{}, size[0], size[1])
				m = drive(t, m, keys(keysTo...)...)
				groups := m.helpKeys().full
				m = drive(t, m, keys("?")...)
				got := screenText(m)
				checkSize(t, m.View().Content, size[0], size[1])
				for _, g := range groups {
					for _, b := range g {
						if !strings.Contains(got, b.Help().Desc) {
							t.Errorf("%s: the help lacks %q (%s):\n%s", screenNames[m.screen], b.Help().Desc, b.Help().Key, got)
						}
					}
				}
			})
		}
	}
}
