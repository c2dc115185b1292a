package clause

import "testing"

func TestNormalizeNumber(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1er", "1"},
		{"premier", "1"},
		{"Ier", "1"},
		{"12", "12"},
		{"28.1", "28.1"},
		{"28-1", "28.1"},
		{"2 bis AA", "2.bis.aa"},
		{"L. 162-5", "l.162.5"},
		{"L162-5", "l.162.5"},
		{"R. 4127-1", "r.4127.1"},
		{"IV", "4"},
		{"II", "2"},
		{"XII", "12"},
		{"03", "3"},
		{"1er C", "1.c"},
		{"2 D", "2.d"},
		{"2 bis C", "2.bis.c"},
		{"II bis", "2.bis"},
		{"L. O. 136-4", "lo.136.4"},
		{"LO 136-4", "lo.136.4"},
		{"", ""},
	}
	for _, c := range cases {
		if got := NormalizeNumber(c.in); got != c.want {
			t.Errorf("NormalizeNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCompareNumbers(t *testing.T) {
	ordered := []string{"1er", "2", "2 bis", "2 ter", "2 quater", "2 quaterdecies", "2 quindecies",
		"2 novodecies", "2 vicies", "2 octovicies", "2 tricies", "2.1", "3", "L. 162-5", "L. 162-14"}
	for i := range ordered {
		for j := range ordered {
			want := cmpInt(i, j)
			if got := CompareNumbers(ordered[i], ordered[j]); got != want {
				t.Errorf("CompareNumbers(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	if CompareNumbers("IV", "X") >= 0 {
		t.Error("IV should sort before X")
	}
}

func TestRoman(t *testing.T) {
	for in, want := range map[string]int{"I": 1, "iv": 4, "IX": 9, "XIV": 14, "MCMXCVIII": 1998, "Ier": 1} {
		if got, ok := roman(in); !ok || got != want {
			t.Errorf("Roman(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"IIII", "VX", "ABC", "", "bis"} {
		if _, ok := roman(in); ok {
			t.Errorf("Roman(%q) accepted", in)
		}
	}
}
