package tui

import "charm.land/bubbles/v2/key"

// keyMap is every key binding of the TUI, in one place, so that the help
// screen and the handlers cannot disagree.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Enter, Back, Quit, Help                 key.Binding

	Versions, Outline, History, Blame key.Binding

	SetBase key.Binding

	Search, ChangedOnly, FactsOnly, KindFilter key.Binding
	KindFilterBack                             key.Binding
	NextChange, PrevChange                     key.Binding
	NextMatch, PrevMatch, GoTo                 key.Binding

	SideBySide key.Binding
	Previous   key.Binding
	Undo       key.Binding

	Tariffs key.Binding
	Parties key.Binding
}

// defaultKeyMap is the TUI's key map.
func defaultKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:             b([]string{"up", "k"}, "↑/k", "up"),
		Down:           b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:         b([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup", "page up"),
		PageDown:       b([]string{"pgdown", "ctrl+f", "ctrl+d", "space"}, "pgdn", "page down"),
		Top:            b([]string{"home", "g"}, "g", "top"),
		Bottom:         b([]string{"end", "G"}, "G", "bottom"),
		Enter:          b([]string{"enter"}, "enter", "open"),
		Back:           b([]string{"esc", "backspace", "left"}, "esc", "back"),
		Quit:           b([]string{"q", "ctrl+c"}, "q", "quit"),
		Help:           b([]string{"?"}, "?", "help"),
		Versions:       b([]string{"v"}, "v", "versions"),
		Outline:        b([]string{"o"}, "o", "outline"),
		History:        b([]string{"h"}, "h", "history"),
		Blame:          b([]string{"b"}, "b", "blame"),
		SetBase:        b([]string{"B"}, "B", "set as base"),
		Search:         b([]string{"/"}, "/", "search"),
		ChangedOnly:    b([]string{"c"}, "c", "changed only"),
		FactsOnly:      b([]string{"f"}, "f", "facts only"),
		KindFilter:     b([]string{"t"}, "t", "next kind of change"),
		KindFilterBack: b([]string{"T"}, "T", "previous kind of change"),
		NextChange:     b([]string{"]", "n"}, "]/n", "next change"),
		PrevChange:     b([]string{"[", "N"}, "[/N", "previous change"),
		NextMatch:      b([]string{"n"}, "n", "next match"),
		PrevMatch:      b([]string{"N"}, "N", "previous match"),
		GoTo:           b([]string{":"}, ":", "go to clause"),
		SideBySide:     b([]string{"s"}, "s", "side by side"),
		Previous:       b([]string{","}, ",", "blame before this"),
		Undo:           b([]string{"<"}, "<", "back to the blame before ,"),
		Tariffs:        b([]string{"$"}, "$", "tariff grid"),
		Parties:        b([]string{"p"}, "p", "all answers"),
	}
}

// helpKeys is the help of one screen: the short line and the full list.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

func (k keyMap) moves() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

func (k keyMap) global() []key.Binding {
	return []key.Binding{k.Versions, k.Outline, k.Tariffs, k.Parties, k.Back, k.Help, k.Quit}
}
