package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/internal/sanitize"
)

// prompt is the one-line search field: typed text, backspace, ctrl+u and
// ctrl+w. (Bubbles' textinput would pull a clipboard module for paste,
// which a search of clause headings does not need.)
type prompt struct {
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

func (p prompt) String() string { return string(p.value) }

// view draws the prompt with a block cursor.
func (p prompt) view(width int) string {
	return fit("/"+string(p.value)+"█", width)
}
