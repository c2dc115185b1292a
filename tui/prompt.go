package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/internal/sanitize"
)

// prompt is the one-line field of a search ("/") or a go-to (":"): typed
// or pasted text, backspace, ctrl+u and ctrl+w. (Bubbles' textinput would
// pull a clipboard module for paste, which the terminal's bracketed paste
// already gives.)
type prompt struct {
	// lead is the key that opened the prompt, drawn before the text.
	lead  string
	hint  string
	value []rune
}

func (p prompt) update(msg tea.KeyPressMsg) prompt {
	switch msg.String() {
	case "backspace", "ctrl+h":
		if n := len(p.value); n > 0 {
			p.value = p.value[:n-1]
		}
	case "ctrl+u":
		p.value = nil
	case "ctrl+w":
		i := len(p.value)
		for i > 0 && p.value[i-1] == ' ' {
			i--
		}
		for i > 0 && p.value[i-1] != ' ' {
			i--
		}
		p.value = p.value[:i]
	default:
		if msg.Text != "" {
			p.value = append(p.value, []rune(sanitize.Text(msg.Text))...)
		}
	}
	return p
}

// paste adds pasted text, its lines joined: a search is one line.
func (p prompt) paste(text string) prompt {
	text = strings.Join(strings.Fields(sanitize.Text(text)), " ")
	p.value = append(p.value, []rune(text)...)
	return p
}

func (p prompt) String() string { return string(p.value) }

// view draws the prompt with a block cursor, and its hint while empty.
func (p prompt) view(width int) string {
	s := p.lead + string(p.value) + "█"
	if len(p.value) == 0 && p.hint != "" {
		s += " " + p.hint
	}
	return fit(s, width)
}
