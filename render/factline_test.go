package render

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

func TestFactLineDeltas(t *testing.T) {
	f64 := func(v float64) *float64 { return &v }
	cases := []struct {
		name string
		fact clause.Fact
		want string
	}{
		{"an amount's change is a share of the old amount",
			clause.Fact{Kind: clause.FactAmount, Subject: "G", Old: "26,50 €", New: "30 €", OldValue: f64(26.5), NewValue: f64(30), DeltaPct: f64(13.21)},
			"amount G: 26,50 € → 30 € (+13,21 %)"},
		{"a rate's change is in points",
			clause.Fact{Kind: clause.FactPercent, Old: "au moins 10 %", New: "au moins 5 %", OldValue: f64(10), NewValue: f64(5), DeltaPct: f64(-50)},
			"percent: au moins 10 % → au moins 5 % (-5 points)"},
		{"below two points, one point",
			clause.Fact{Kind: clause.FactPercent, Old: "70 %", New: "71,5 %", OldValue: f64(70), NewValue: f64(71.5), DeltaPct: f64(2.14)},
			"percent: 70 % → 71,5 % (+1,5 point)"},
		{"a rate's difference rounded to hundredths",
			clause.Fact{Kind: clause.FactPercent, Old: "0,1 %", New: "0,3 %", OldValue: f64(0.1), NewValue: f64(0.3), DeltaPct: f64(200)},
			"percent: 0,1 % → 0,3 % (+0,2 point)"},
		{"a rate that appears has no difference",
			clause.Fact{Kind: clause.FactPercent, New: "5 %", NewValue: f64(5)},
			"percent: – → 5 %"},
	}
	for _, c := range cases {
		if got := FactLine(c.fact); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}
