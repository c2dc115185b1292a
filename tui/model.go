package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/store"
)

// screen names what the body of the window shows.
type screen int

const (
	screenLoading screen = iota
	screenVersions
	screenOutline
	screenDiff
	screenHistory
	screenBlame
	screenTariffs
	screenParties
)

var screenNames = map[screen]string{
	screenLoading: "loading", screenVersions: "versions", screenOutline: "outline",
	screenDiff: "diff", screenHistory: "history", screenBlame: "blame", screenTariffs: "tariffs",
	screenParties: "parties",
}

// Options configure a Model.
type Options struct {
	// Base and Head are the versions compared at start; empty Head means
	// the latest version, empty Base the version Head answers.
	Base, Head string
	// Plain draws textual marks for terminals without colour (NO_COLOR,
	// --color never).
	Plain bool
	// Demo says the data is the built-in demo negotiation, which the
	// title bar then says.
	Demo bool
}

// Model is the root of the TUI: it holds the current screen, the one error
// to show, and the screens themselves; it alone talks to the Source.
type Model struct {
	src  Source
	keys keyMap
	st   styles
	help help.Model
	opts Options

	width, height int
	screen        screen
	back          []screen
	err           error
	// fatal is the error that left nothing to show (no such version, a
	// store that cannot be read): the command line reports it on exit.
	fatal    error
	status   string
	showHelp bool
	// prompting is set while the search or go-to prompt takes the keys.
	prompting bool
	input     prompt
	// pendingG is set after "g": a digit then opens the go-to prompt.
	pendingG bool

	all        []store.Version
	parties    parties
	base, head string

	versions versionsScreen
	outline  outlineScreen
	diff     diffScreen
	history  historyScreen
	blame    blameScreen
	// blamed are the blames "," left, newest last, for "<" to go back to.
	blamed  []blameScreen
	tariffs tariffsScreen
	answers partiesScreen
}

// New returns the TUI's root model reading from src.
func New(src Source, opts Options) Model {
	m := Model{
		src: src, keys: defaultKeyMap(), st: defaultStyles(opts.Plain), help: help.New(),
		opts: opts, width: 80, height: 24,
	}
	m.diff.st = m.st
	return m
}

// Init implements tea.Model: it loads the versions.
func (m Model) Init() tea.Cmd { return loadVersions(m.src) }

// Err is the error that left the TUI with nothing to show, if any; the
// command line reports it on exit. Errors of later actions are shown on the
// status line and cleared by the next key.
func (m Model) Err() error { return m.fatal }

// Update implements tea.Model. The screen shown is fitted to the window
// after every message, whichever way it was reached (opened, or back to).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	if n, ok := next.(Model); ok {
		return n.fitShown(), cmd
	}
	return next, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.resize(), nil
	case errMsg:
		m.err = msg.err
		if m.outline.diff == nil {
			m.fatal = msg.err
		}
		return m, nil
	case versionsMsg:
		return m.gotVersions(msg)
	case diffMsg:
		if msg.base != m.base || msg.head != m.head {
			return m, nil // a stale answer: the user chose again since
		}
		m.outline = newOutlineScreen(msg.diff).SetSize(m.bodySize())
		m.status, m.fatal = "", nil
		if m.screen == screenLoading || m.screen == screenVersions {
			m.back = nil
			m.screen = screenOutline
		}
		return m, nil
	case logMsg:
		m.history = newHistoryScreen(msg.id, msg.name, msg.at, msg.entries).SetSize(m.bodySize())
		m.status = ""
		m = m.open(screenHistory)
		return m, nil
	case blameMsg:
		if m.screen == screenBlame && msg.id == m.blame.id && m.blame.spans != nil {
			m.blamed = append(m.blamed, m.blame)
		} else {
			m.blamed = nil
		}
		m.blame = newBlameScreen(msg.id, msg.name, msg.at, msg.spans)
		m.blame.plain = m.st.Plain
		m.blame = m.blame.SetSize(m.bodySize())
		m.status = ""
		if m.screen != screenBlame {
			m = m.open(screenBlame)
		}
		return m, nil
	case stepMsg:
		if msg.change < 0 {
			m.err = fmt.Errorf("%s: the clause is not in this version's diff", msg.entry.Version.Label)
			return m, nil
		}
		step := orNone(msg.entry.Version.Base) + " → " + msg.entry.Version.Label
		m.diff = m.diff.SetSize(m.bodySize()).set(msg.diff, msg.change, msg.entry.Version.Base, msg.entry.Version.Label, step)
		m.diff.stepAt = msg.entry.Version.Label
		if msg.entry.Change == clause.Removed {
			m.diff.stepAt = msg.entry.Version.Base
		}
		m = m.open(screenDiff)
		return m, nil
	case tariffsMsg:
		m.tariffs = newTariffsScreen(msg.grid).SetSize(m.bodySize())
		m.status = ""
		if m.screen != screenTariffs {
			m = m.open(screenTariffs)
		}
		return m, nil
	case partiesMsg:
		return m.gotParties(msg), nil
	case tea.PasteMsg:
		if m.prompting {
			m.input = m.input.paste(msg.Content)
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m.wheel(msg), nil
	case tea.MouseClickMsg:
		return m.click(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m Model) gotVersions(msg versionsMsg) (tea.Model, tea.Cmd) {
	m.all = msg.versions
	m.parties = newParties(msg.versions)
	m.versions = newVersionsScreen(msg.versions).SetSize(m.bodySize())
	if len(m.all) == 0 {
		m.err = errors.New("the store holds no version yet: import one with avenant import")
		m.fatal = m.err
		m.screen = screenVersions
		return m, nil
	}
	head := m.opts.Head
	if head == "" {
		head = m.all[len(m.all)-1].Label
	}
	hv, ok := m.find(head)
	if !ok {
		m.err = fmt.Errorf("%s: no such version", head)
		m.fatal = m.err
		m.screen = screenVersions
		return m, nil
	}
	base := m.opts.Base
	if base == "" {
		base = hv.Base
	} else if _, ok := m.find(base); !ok {
		m.err = fmt.Errorf("%s: no such version", base)
		m.fatal = m.err
		m.screen = screenVersions
		return m, nil
	}
	return m.compare(base, head)
}

// compare loads the diff of base and head.
func (m Model) compare(base, head string) (Model, tea.Cmd) {
	m.base, m.head = base, head
	m.versions = m.versions.focus(head)
	m.status = "comparing " + orNone(base) + " → " + head + "…"
	return m, loadDiff(m.src, base, head)
}

func (m Model) find(label string) (store.Version, bool) {
	for _, v := range m.all {
		if v.Label == label {
			return v, true
		}
	}
	return store.Version{}, false
}

// bodySize is the size of the screen between the title bar and the status
// line, never less than the smallest window's (see tooSmall).
func (m Model) bodySize() (int, int) { return max(m.width, minWidth), max(m.height, minHeight) - 2 }

func (m Model) resize() Model {
	w, h := m.bodySize()
	m.help.SetWidth(m.width)
	m.versions = m.versions.SetSize(w, h)
	if m.outline.diff != nil {
		m.outline = m.outline.SetSize(w, h)
	}
	m.history = m.history.SetSize(w, h)
	m.tariffs = m.tariffs.SetSize(w, h)
	m.answers = m.answers.SetSize(w, h)
	return m.fitShown()
}

// fitShown lays the diff or the blame screen out for the window when it is
// the one shown. Hidden, they keep their lines until shown again: laying
// out a clause of a hundred thousand characters at each step of a resize,
// for screens no one sees, made resizing lag by seconds.
func (m Model) fitShown() Model {
	w, h := m.bodySize()
	switch m.screen {
	case screenDiff:
		m.diff = m.diff.SetSize(w, h)
	case screenBlame:
		m.blame = m.blame.SetSize(w, h)
	}
	return m
}

// open shows screen s, remembering the current one for Back.
func (m Model) open(s screen) Model {
	if m.screen != s && m.screen != screenLoading {
		m.back = append(m.back, m.screen)
	}
	m.screen = s
	return m
}

// click selects the row of a list under the mouse; a click on the row
// already selected opens it, as enter does.
func (m Model) click(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if msg.Button != tea.MouseLeft || m.showHelp || m.prompting {
		return m, nil
	}
	y := msg.Y - 1 // the title bar
	if m.screen == screenParties {
		return m.clickParties(msg.X, y)
	}
	var cursor, offset, header, n int
	switch m.screen {
	case screenVersions:
		cursor, offset, header, n = m.versions.cursor, m.versions.offset, 2, len(m.versions.list)
	case screenOutline:
		cursor, offset, header, n = m.outline.cursor, m.outline.offset, m.outline.headerLines(), len(m.outline.visible)
	case screenHistory:
		cursor, offset, header, n = m.history.cursor, m.history.offset, 2, len(m.history.entries)
	case screenTariffs:
		cursor, offset, header, n = m.tariffs.cursor, m.tariffs.offset, 2, m.tariffs.rows()
	default:
		return m, nil
	}
	row := offset + y - header
	if y < header || row >= n {
		return m, nil
	}
	if row == cursor {
		return m.key(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	switch m.screen {
	case screenVersions:
		m.versions.cursor = row
	case screenOutline:
		m.outline.cursor = row
	case screenHistory:
		m.history.cursor = row
	case screenTariffs:
		m.tariffs.cursor = row
	}
	return m, nil
}

func (m Model) wheel(msg tea.MouseWheelMsg) Model {
	n := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		n = -3
	case tea.MouseWheelDown:
		n = 3
	default:
		return m
	}
	switch m.screen {
	case screenVersions:
		m.versions = m.versions.scroll(n)
	case screenOutline:
		m.outline = m.outline.scroll(n)
	case screenDiff:
		m.diff = m.diff.scroll(n)
	case screenHistory:
		m.history = m.history.scroll(n)
	case screenBlame:
		m.blame = m.blame.scroll(n)
	case screenTariffs:
		m.tariffs = m.tariffs.scroll(n)
	case screenParties:
		m.answers = m.answers.scroll(n)
	}
	return m
}

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.prompting {
		switch msg.String() {
		case "enter":
			m.prompting = false
			if m.input.lead == ":" {
				return m.goTo(m.input.String()), nil
			}
			m.outline = m.outline.setQuery(m.input.String())
			if q := m.outline.query; q != "" && len(m.outline.visible) == 0 {
				m.status = "no clause matches “" + sanitize.Text(q) + "”"
			}
			if m.screen != screenOutline {
				m.back = nil
				m.screen = screenOutline
			}
			return m, nil
		case "esc":
			m.prompting = false
			return m, nil
		}
		m.input = m.input.update(msg)
		return m, nil
	}
	m.err, m.status = nil, ""
	if pending := m.pendingG; pending {
		m.pendingG = false
		if r := msg.Text; len(r) == 1 && r[0] >= '0' && r[0] <= '9' && m.outline.diff != nil {
			return m.openGoTo(r), nil
		}
	}
	if m.showHelp {
		// Any key closes the help, q included: it is an overlay, as in tig.
		m.showHelp = false
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Versions) && m.screen != screenVersions && len(m.all) > 0:
		m.versions = m.versions.focus(m.head)
		return m.open(screenVersions), nil
	case key.Matches(msg, k.Tariffs) && m.head != "" && m.screen != screenTariffs:
		m.status = "reading the tariffs of " + orNone(m.base) + " → " + m.head + "…"
		return m, loadTariffs(m.src, m.onScreen())
	case key.Matches(msg, k.Parties) && m.screen != screenParties && len(m.all) > 0:
		return m.openParties()
	case key.Matches(msg, k.Outline) && m.outline.diff != nil:
		m.back = nil
		m.screen = screenOutline
		return m, nil
	case m.screen == screenOutline && msg.String() == "esc" && m.outline.query != "":
		m.outline = m.outline.setQuery("")
		return m, nil
	case (m.screen == screenOutline || m.screen == screenDiff) && m.outline.diff != nil && key.Matches(msg, k.Search):
		m.prompting = true
		m.input = prompt{lead: "/", hint: "heading or text, accents and case aside"}
		return m, nil
	case (m.screen == screenOutline || m.screen == screenDiff && m.diff.step == "") && m.outline.diff != nil && key.Matches(msg, k.GoTo):
		return m.openGoTo(""), nil
	// ← is back but on the parties screen, where it chooses the answer
	// to the left, as its help says.
	case msg.String() == "esc" || (key.Matches(msg, k.Back) && m.screen != screenOutline && !(m.screen == screenParties && msg.String() == "left")):
		if n := len(m.back); n > 0 {
			m.screen = m.back[n-1]
			m.back = m.back[:n-1]
		}
		return m, nil
	}
	m.pendingG = msg.String() == "g" && (m.screen == screenOutline || m.screen == screenDiff && m.diff.step == "")
	switch m.screen {
	case screenVersions:
		return m.versionsKey(msg)
	case screenOutline:
		return m.outlineKey(msg)
	case screenDiff:
		return m.diffKey(msg)
	case screenHistory:
		return m.historyKey(msg)
	case screenBlame:
		return m.blameKey(msg)
	case screenTariffs:
		var cmd tea.Cmd
		m.tariffs, cmd = m.tariffs.update(msg, m.keys)
		return m, cmd
	case screenParties:
		return m.partiesKey(msg)
	}
	return m, nil
}

// onScreen are the versions the tariff grid shows, oldest first: every
// version on the line that leads to the head when the base is on it, else
// the base and the head.
func (m Model) onScreen() []store.Version {
	var line []store.Version
	seen := map[string]bool{}
	for label := m.head; label != "" && !seen[label]; {
		seen[label] = true
		v, ok := m.find(label)
		if !ok {
			break
		}
		line = append([]store.Version{v}, line...)
		label = v.Base
	}
	if m.base == "" || seen[m.base] {
		return line
	}
	b, _ := m.find(m.base)
	h, _ := m.find(m.head)
	return []store.Version{b, h}
}

func (m Model) versionsKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	v, ok := m.versions.selected()
	switch {
	case key.Matches(msg, k.Enter) && ok:
		m.back = nil
		m.screen = screenVersions
		return m.compare(v.Base, v.Label)
	case key.Matches(msg, k.SetBase) && ok:
		if v.Label == m.head {
			m.status = v.Label + " is the head: choose an older version as base"
			return m, nil
		}
		return m.compare(v.Label, m.head)
	}
	var cmd tea.Cmd
	m.versions, cmd = m.versions.update(msg, k)
	return m, cmd
}

// selectedClause is the id, name and version of the clause under the
// outline's cursor: its new side, or its old side when removed.
func (m Model) selectedClause() (id, name, at string, ok bool) {
	c, ok := m.outline.selected()
	if !ok {
		return "", "", "", false
	}
	d := m.outline.diff
	ch := &d.Changes[c]
	if len(ch.New) > 0 {
		cl := &d.New.Clauses[ch.New[0]]
		return cl.ID, oneLine(cl.Label()), m.head, true
	}
	cl := &d.Old.Clauses[ch.Old[0]]
	return cl.ID, oneLine(cl.Label()), m.base, true
}

// clauseKeys handles the keys that open the selected clause's history or
// blame; it reports whether the key was one of them.
func (m Model) clauseKeys(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k := m.keys
	id, name, at, ok := m.selectedClause()
	if !ok {
		return m, nil, false
	}
	switch {
	case key.Matches(msg, k.History):
		m.status = "reading the history of " + name + "…"
		return m, loadLog(m.src, id, name, at), true
	case key.Matches(msg, k.Blame):
		m.status = "blaming " + name + "…"
		return m, loadBlame(m.src, id, name, at), true
	}
	return m, nil, false
}

func (m Model) outlineKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if mm, cmd, ok := m.clauseKeys(msg); ok {
		return mm, cmd
	}
	switch {
	case key.Matches(msg, k.Enter):
		if c, ok := m.outline.selected(); ok {
			m.diff = m.diff.SetSize(m.bodySize()).set(m.outline.diff, c, m.base, m.head, "")
			return m.open(screenDiff), nil
		}
		return m, nil
	case len(msg.Text) == 1 && msg.Text[0] >= '1' && msg.Text[0] <= '9':
		return m.openGoTo(msg.Text), nil
	}
	var cmd tea.Cmd
	m.outline, cmd = m.outline.update(msg, k)
	if (key.Matches(msg, k.NextChange) || key.Matches(msg, k.PrevChange)) && !m.anyListed() {
		m.status = "no change between " + orNone(m.base) + " and " + m.head
	}
	return m, cmd
}

// openGoTo opens the go-to prompt, holding typed when a digit opened it.
func (m Model) openGoTo(typed string) Model {
	m.prompting = true
	m.input = prompt{lead: ":", hint: "clause number or heading (12, Article 12, Annexe 1/G)", value: []rune(typed)}
	return m
}

// goTo moves the outline to the clause called name, resolved as the
// command line resolves clause names; on the diff screen, that clause's
// diff is shown.
func (m Model) goTo(name string) Model {
	if strings.TrimSpace(name) == "" || m.outline.diff == nil {
		return m
	}
	c, err := m.outline.diff.FindChange(name, orNone(m.base)+" → "+orNone(m.head))
	if err != nil {
		m.status = err.Error()
		return m
	}
	m.outline = m.outline.goTo(c)
	if m.screen == screenDiff {
		m.diff = m.diff.set(m.outline.diff, c, m.base, m.head, "")
	}
	return m
}

func (m Model) anyListed() bool {
	for _, i := range m.outline.visible {
		if m.outline.rows[i].listed {
			return true
		}
	}
	return false
}

func (m Model) diffKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if m.diff.step == "" {
		if mm, cmd, ok := m.clauseKeys(msg); ok {
			return mm, cmd
		}
		if key.Matches(msg, k.NextChange) || key.Matches(msg, k.PrevChange) {
			dir := 1
			if key.Matches(msg, k.PrevChange) {
				dir = -1
			}
			step := m.outline.step
			if m.outline.query != "" && (key.Matches(msg, k.NextMatch) || key.Matches(msg, k.PrevMatch)) {
				step = m.outline.stepMatch
			}
			o, ok := step(dir)
			if !ok {
				m.status = "no other change"
				return m, nil
			}
			m.outline = o
			c, _ := o.selected()
			m.diff = m.diff.set(o.diff, c, m.base, m.head, "")
			return m, nil
		}
	}
	if m.diff.step != "" {
		if mm, cmd, ok := m.stepKeys(msg); ok {
			return mm, cmd
		}
	}
	var cmd tea.Cmd
	m.diff, cmd = m.diff.update(msg, k)
	return m, cmd
}

// stepKeys handles the keys of a history step's diff: the next or
// previous step of the history, the history itself, and the blame as of
// the step's version; it reports whether the key was one of them.
func (m Model) stepKeys(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.NextChange), key.Matches(msg, k.PrevChange):
		dir := 1
		if key.Matches(msg, k.PrevChange) {
			dir = -1
		}
		i := m.history.cursor + dir
		if i < 0 || i >= len(m.history.entries) {
			m.status = "no other step in the history of " + m.history.name
			return m, nil, true
		}
		m.history.cursor = i
		m.history = m.history.SetSize(m.bodySize())
		return m, loadStep(m.src, m.history.id, m.history.entries[i]), true
	case key.Matches(msg, k.History):
		m.screen = screenHistory
		if n := len(m.back); n > 0 && m.back[n-1] == screenHistory {
			m.back = m.back[:n-1]
		}
		return m, nil, true
	case key.Matches(msg, k.Blame):
		m.status = "blaming " + m.history.name + " as of " + m.diff.stepAt + "…"
		return m, loadBlame(m.src, m.history.id, m.history.name, m.diff.stepAt), true
	}
	return m, nil, false
}

func (m Model) historyKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	e, ok := m.history.selected()
	switch {
	case key.Matches(msg, k.Enter) && ok:
		if e.Change == clause.Added && e.Version.Base == "" {
			m.status = e.Version.Label + " is the first version: the clause appeared there"
		}
		return m, loadStep(m.src, m.history.id, e)
	case key.Matches(msg, k.Blame) && ok:
		at := e.Version.Label
		if e.Change == clause.Removed {
			at = e.Version.Base
		}
		return m, loadBlame(m.src, m.history.id, m.history.name, at)
	}
	var cmd tea.Cmd
	m.history, cmd = m.history.update(msg, k)
	return m, cmd
}

func (m Model) blameKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Previous):
		sp, ok := m.blame.selected()
		if !ok {
			return m, nil
		}
		if sp.Version.Base == "" {
			m.status = sp.Version.Label + " is the first version: nothing before it"
			return m, nil
		}
		m.status = "blaming as of " + sp.Version.Base + "…"
		return m, loadBlame(m.src, m.blame.id, m.blame.name, sp.Version.Base)
	case key.Matches(msg, k.History):
		return m, loadLog(m.src, m.blame.id, m.blame.name, m.blame.at)
	case key.Matches(msg, k.Undo):
		n := len(m.blamed)
		if n == 0 {
			m.status = "no earlier blame to go back to"
			return m, nil
		}
		m.blame, m.blamed = m.blamed[n-1].SetSize(m.bodySize()), m.blamed[:n-1]
		return m, nil
	}
	var cmd tea.Cmd
	m.blame, cmd = m.blame.update(msg, k)
	return m, cmd
}

// helpKeys is the key help of the current screen.
func (m Model) helpKeys() helpKeys {
	k := m.keys
	switch m.screen {
	case screenVersions:
		return m.versions.help(k)
	case screenOutline:
		return m.outline.help(k)
	case screenDiff:
		return m.diff.help(k)
	case screenHistory:
		return m.history.help(k)
	case screenBlame:
		return m.blame.help(k)
	case screenTariffs:
		return m.tariffs.help(k)
	case screenParties:
		return m.answers.help(k)
	}
	return helpKeys{short: []key.Binding{k.Quit}, full: [][]key.Binding{{k.Quit}}}
}

// name is the program's name in its title: "avenant demo" on the demo.
func (m Model) name() string {
	if m.opts.Demo {
		return "avenant demo"
	}
	return "avenant"
}

// position is the scroll position of the current screen, for the title
// bar.
func (m Model) position() string {
	if m.showHelp {
		return ""
	}
	switch m.screen {
	case screenVersions:
		return listPosition(m.versions.cursor, len(m.versions.list), m.versions.listHeight())
	case screenOutline:
		return listPosition(m.outline.cursor, len(m.outline.visible), m.outline.listHeight())
	case screenHistory:
		return listPosition(m.history.cursor, len(m.history.entries), m.history.listHeight())
	case screenTariffs:
		return listPosition(m.tariffs.cursor, m.tariffs.rows(), m.tariffs.listHeight())
	case screenDiff:
		return textPosition(m.diff.offset, m.diff.height, m.diff.lines.count())
	case screenBlame:
		return textPosition(m.blame.offset, m.blame.textHeight(), len(m.blame.lines))
	}
	return ""
}

// shortHelp is the footer's key help cut to the window: the screen's keys
// as many as fit, in their order of importance, then "? help" and
// "q quit", which are always shown.
func (m Model) shortHelp() string {
	var keys []key.Binding
	for _, b := range m.helpKeys().short {
		if b.Help() != m.keys.Help.Help() && b.Help() != m.keys.Quit.Help() {
			keys = append(keys, b)
		}
	}
	tail := []key.Binding{m.keys.Help, m.keys.Quit}
	h := m.help
	h.SetWidth(0) // measured here, not cut with an ellipsis
	for n := len(keys); n >= 0; n-- {
		line := h.ShortHelpView(append(keys[:n:n], tail...))
		if ansi.StringWidth(line) <= m.width || n == 0 {
			return line
		}
	}
	return ""
}

// View implements tea.Model: the full-window TUI with mouse wheel support.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.name()
	return v
}

// render draws the window: a title bar, the current screen (or the help),
// and a status line holding the search prompt, the error, a message or the
// short key help.
func (m Model) render() string {
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmall()
	}
	w, h := m.bodySize()
	title := " " + m.name() + " · " + orNone(m.base) + " → " + orNone(m.head) + " · " + screenNames[m.screen]
	if m.screen == screenDiff && m.diff.step != "" {
		title += " of step " + m.diff.step
	}
	bar := m.st.Bar.Render(titleBar(sanitize.Text(title), m.position(), m.width))
	var body string
	switch {
	case m.showHelp:
		lines := strings.Split(helpBody(m.help, m.helpKeys().full, w, h), "\n")
		for i := range lines {
			lines[i] = fit(lines[i], w)
		}
		body = pad(lines, w, h)
	case m.screen == screenVersions:
		body = renderVersions(m.versions, m.base, m.head, m.parties, m.st)
	case m.screen == screenOutline:
		body = renderOutline(m.outline, m.base, m.head, m.st)
	case m.screen == screenDiff:
		body = renderDiff(m.diff)
	case m.screen == screenHistory:
		body = renderHistory(m.history, m.parties, m.st)
	case m.screen == screenBlame:
		body = renderBlame(m.blame, m.parties, m.st)
	case m.screen == screenTariffs:
		body = renderTariffs(m.tariffs, m.st)
	case m.screen == screenParties:
		body = renderParties(m.answers, m.parties, m.st)
	default:
		body = pad([]string{fit("  loading…", w)}, w, h)
	}
	var foot string
	switch {
	case m.prompting:
		foot = m.input.view(m.width)
	case m.err != nil:
		foot = m.st.Error.Render(fit("error: "+sanitize.Line(m.err.Error()), m.width))
	case m.status != "":
		foot = fit(sanitize.Line(m.status), m.width)
	case m.showHelp:
		foot = fit("press any key to close the help", m.width)
	default:
		foot = fit(m.shortHelp(), m.width)
	}
	return bar + "\n" + body + "\n" + foot
}

// The smallest window the screens are laid out for. Below it the view
// says so and nothing else: a clause laid out one cell wide is as many
// lines as it has characters, seconds of work at every step of a resize,
// for a screen no one can read.
const minWidth, minHeight = 20, 5

// tooSmall is the view of a window smaller than minWidth × minHeight,
// exactly its size.
func (m Model) tooSmall() string {
	lines := []string{fit("avenant: enlarge the window", m.width), fit(fmt.Sprintf("(%d×%d at least)", minWidth, minHeight), m.width)}
	return pad(lines[:min(len(lines), max(m.height, 0))], max(m.width, 0), max(m.height, 0))
}
