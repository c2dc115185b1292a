package tui

import (
	"charm.land/lipgloss/v2"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// Styles are the looks of the TUI. Colours are the 16 ANSI colours, which
// every colour terminal has; Bubble Tea downsamples or drops them for the
// terminal it runs in (NO_COLOR keeps bold, underline and strikethrough).
// Plain adds textual marks ([-deleted-] {+inserted+}, ▸ for the cursor)
// for readers who get no colour at all.
type styles struct {
	Plain    bool
	Bar      lipgloss.Style
	Title    lipgloss.Style
	Faint    lipgloss.Style
	Cursor   lipgloss.Style
	Delete   lipgloss.Style
	Insert   lipgloss.Style
	Fact     lipgloss.Style
	Error    lipgloss.Style
	Match    lipgloss.Style
	Badge    map[string]lipgloss.Style
	Party    []lipgloss.Style
	PartyBar []lipgloss.Style
}

// partyColors is the fixed palette parties are given, in the order in which
// they first appear in the timeline.
var partyColors = []string{"4", "5", "6", "3", "2", "1"}

// defaultStyles are the styles of a colour terminal; plain adds textual
// marks for terminals without colour.
func defaultStyles(plain bool) styles {
	s := styles{
		Plain:  plain,
		Bar:    lipgloss.NewStyle().Bold(true).Reverse(true),
		Title:  lipgloss.NewStyle().Bold(true),
		Faint:  lipgloss.NewStyle().Faint(true),
		Cursor: lipgloss.NewStyle().Reverse(true),
		Delete: lipgloss.NewStyle().Foreground(lipgloss.Color("1")).Strikethrough(true),
		Insert: lipgloss.NewStyle().Foreground(lipgloss.Color("2")).Underline(true),
		Fact:   lipgloss.NewStyle().Foreground(lipgloss.Color("6")).Bold(true),
		Error:  lipgloss.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
		Match:  lipgloss.NewStyle().Underline(true).Bold(true),
		Badge: map[string]lipgloss.Style{
			string(clause.Added):    lipgloss.NewStyle().Foreground(lipgloss.Color("2")),
			string(clause.Removed):  lipgloss.NewStyle().Foreground(lipgloss.Color("1")),
			string(clause.Modified): lipgloss.NewStyle().Foreground(lipgloss.Color("3")),
			string(clause.Cosmetic): lipgloss.NewStyle().Faint(true),
			string(clause.Split):    lipgloss.NewStyle().Foreground(lipgloss.Color("5")),
			string(clause.Merged):   lipgloss.NewStyle().Foreground(lipgloss.Color("5")),
			"renumbered":            lipgloss.NewStyle().Foreground(lipgloss.Color("4")),
			"moved":                 lipgloss.NewStyle().Foreground(lipgloss.Color("4")),
			"tariff":                lipgloss.NewStyle().Foreground(lipgloss.Color("6")).Bold(true),
			"modality":              lipgloss.NewStyle().Foreground(lipgloss.Color("5")).Bold(true),
			"negation":              lipgloss.NewStyle().Foreground(lipgloss.Color("5")).Bold(true),
			"reference":             lipgloss.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
			"facts":                 lipgloss.NewStyle().Foreground(lipgloss.Color("6")),
		},
	}
	for _, c := range partyColors {
		s.Party = append(s.Party, lipgloss.NewStyle().Foreground(lipgloss.Color(c)))
		s.PartyBar = append(s.PartyBar, lipgloss.NewStyle().Background(lipgloss.Color(c)).Foreground(lipgloss.Color("0")))
	}
	return s
}

// badge styles a badge by its name, unstyled when unknown.
func (s styles) badge(name, text string) string {
	if st, ok := s.Badge[name]; ok {
		return st.Render(text)
	}
	return text
}

// parties assigns each party a palette slot, in order of first appearance.
type parties map[string]int

func newParties(vs []store.Version) parties {
	p := parties{}
	for _, v := range vs {
		if _, ok := p[v.Party]; !ok {
			p[v.Party] = len(p)
		}
	}
	return p
}

func (p parties) style(s styles, party string) lipgloss.Style {
	i, ok := p[party]
	if !ok || len(s.Party) == 0 {
		return lipgloss.NewStyle()
	}
	return s.Party[i%len(s.Party)]
}
