package store

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/goldenfile"
)

// TestChangesRuleBumped holds changesRule to what it numbers: the verdicts
// clause.Compare gives (kind, renumbered, moved) and the statuses
// clause.TitleStatus reads off headings. A change of either that leaves
// changesRule alone would leave every store imported before it answering
// log and blame otherwise than a fresh import, with nothing re-derived.
// The verdicts of the demo's rounds and of the corpus's consecutive
// versions are summed up in testdata/changes-rule.txt under the rule they
// were made by; -update rewrites the sums only once changesRule has moved
// past that rule.
func TestChangesRuleBumped(t *testing.T) {
	path := filepath.Join("testdata", "changes-rule.txt")
	sums := map[string]string{"fixtures": verdictSum(t, fixturePairs(t))}
	if corpus.Optional(t) != "" {
		sums["corpus"] = verdictSum(t, corpusPairs(t))
	}
	data, err := os.ReadFile(path)
	if err != nil && !goldenfile.Updating() {
		t.Fatalf("%v (go test ./store -run TestChangesRuleBumped -update writes it)", err)
	}
	rule, recorded := parseRuleFile(string(data))
	differs := false
	for name, sum := range sums {
		if recorded[name] != sum {
			differs = true
			t.Logf("%s: verdicts sum %s, recorded %s under rule %d", name, sum, recorded[name], rule)
		}
	}
	switch {
	case !differs:
	case rule == changesRule:
		t.Errorf("clause's verdicts or headings' statuses changed under the same changesRule %d: "+
			"bump store.changesRule (and say what changed in its comment), then "+
			"go test ./store -run TestChangesRuleBumped -update", changesRule)
	case goldenfile.Updating():
		if len(sums) < 2 {
			t.Fatal("the corpus is absent: the sums are written with it")
		}
		out := fmt.Sprintf("rule %d\nfixtures %s\ncorpus %s\n", changesRule, sums["fixtures"], sums["corpus"])
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	default:
		t.Errorf("changesRule is %d, the sums were made under rule %d: go test ./store -run TestChangesRuleBumped -update", changesRule, rule)
	}
}

func parseRuleFile(s string) (int, map[string]string) {
	rule, sums := 0, map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		k, v, _ := strings.Cut(line, " ")
		if k == "rule" {
			rule, _ = strconv.Atoi(v)
		} else if k != "" {
			sums[k] = v
		}
	}
	return rule, sums
}

// verdictSum sums up what a store records of each pair of versions: every
// change's kind and flags, the numbers on both sides, and every clause's
// status.
func verdictSum(t *testing.T, pairs [][2]string) string {
	h := sha256.New()
	for _, p := range pairs {
		d := clause.Compare(clause.Parse(p[0]), clause.Parse(p[1]), clause.CompareOptions{})
		for _, c := range d.Changes {
			fmt.Fprintf(h, "%s %t %t", c.Kind, c.Renumbered, c.Moved)
			for _, i := range c.Old {
				fmt.Fprintf(h, " -%s/%s", d.Old.Clauses[i].Number, d.Old.Clauses[i].Status)
			}
			for _, i := range c.New {
				fmt.Fprintf(h, " +%s/%s", d.New.Clauses[i].Number, d.New.Clauses[i].Status)
			}
			h.Write([]byte{'\n'})
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

// fixturePairs are the demo's rounds, each against the version it answers.
func fixturePairs(t *testing.T) [][2]string {
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	var pairs [][2]string
	for _, v := range vs {
		b, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			t.Fatal(err)
		}
		text[v.Label] = string(b)
		if v.Base != "" {
			pairs = append(pairs, [2]string{text[v.Base], string(b)})
		}
	}
	return pairs
}

// corpusPairs are the corpus's versions of one text, each against the one
// before.
func corpusPairs(t *testing.T) [][2]string {
	var pairs [][2]string
	for _, pattern := range []string{"raw/legi_casf_rsa/*.md", "raw/rcm_1998/*.md",
		"raw/lafabrique/pjl07-365/steps/*.txt", "raw/lafabrique/pjl12-688/steps/*.txt", corpus.BillSteps} {
		texts := corpus.Read(t, pattern)
		for i := 1; i < len(texts); i++ {
			pairs = append(pairs, [2]string{texts[i-1], texts[i]})
		}
	}
	return pairs
}
