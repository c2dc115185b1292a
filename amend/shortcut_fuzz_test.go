package amend

import (
	"slices"
	"testing"
)

// FuzzShortcuts holds each shortcut Amends takes to what it stands for, on
// any text: the gate never rules out a text in which instructs finds a
// form, frameOf gives splitQuotes' frame, and aimedElsewhere, articlesNamed
// and the lead-in on its last words answer as their expressions on the
// whole text.
func FuzzShortcuts(f *testing.F) {
	for _, s := range []string{
		"L'article 12 est ainsi modifié :",
		"Au 2° de l'article 12, le mot « peut » est remplacé par le mot « doit ».",
		"L'article 12 devient l'article 13. L'article 15 est abrogé.",
		"L'article L. 52-4 du code électoral est ainsi modifié : 1° « a » ;",
		"Le 2° de l'article 5 de la présente loi est supprimé.",
		"Les articles 3, 4 et 5 du code civil sont apportées les modifications suivantes : .",
		"La ligne IK est ſupprimée.\n« x\n« y »",
		"L'annexe 1 est remplacée par l'annexe 1 du présent avenant.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		frame, quotes, err := splitQuotes(s)
		ff, n, ferr := frameOf(s)
		if ff != frame || n != len(quotes) || (ferr == nil) != (err == nil) {
			t.Fatalf("frameOf(%q) = %q, %d, %v; splitQuotes gives %q, %d quotations, %v", s, ff, n, ferr, frame, len(quotes), err)
		}
		if err == nil && !mayInstruct(s) && instructs(foldText(normalizeFrame(frame)), (*lazyRegexp).matches) {
			t.Fatalf("mayInstruct rules out %q, which instructs reads", s)
		}
		if got, want := aimedElsewhere(s), elsewhere.MatchString(s); got != want {
			t.Fatalf("aimedElsewhere(%q) = %v, the expression gives %v", s, got, want)
		}
		if got, want := articlesNamed(s), locArticles.FindAllStringSubmatch(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("articlesNamed(%q) = %q, the expression finds %q", s, got, want)
		}
		if got, want := leadIn.matches(foldText(s)), leadIn.MatchString(s); got != want {
			t.Fatalf("leadIn on the last words of %q: %v, on the whole: %v", s, got, want)
		}
	})
}
