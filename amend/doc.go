// Package amend reads an avenant written as amending instructions ("Au
// deuxième alinéa de l'article 19.4, le mot : « peut » est remplacé par le
// mot : « doit ».") and applies them to the text they amend, giving the
// consolidated text.
//
// # Reading
//
// parse takes the amending text as clause.Parse splits it: each article of
// the avenant is one unit, cut into its numbered points ("I. -", "1°",
// "a)"), a point's lead-in ("L'article 28.1 est ainsi modifié :") giving
// the target of the points under it. Quoted text is set aside first
// («…», “…” or "…", with the French continuation quote opening each
// further quoted paragraph), so that nothing inside a quotation is read as
// an instruction, and the frame that remains is matched against the forms
// of French legislative drafting: replace, insert, complete, delete,
// rewrite, repeal, renumber, for words, sentences (phrases), alinéas,
// points, articles, headings, annexes and the rows of a tariff table keyed
// by their act code. Ordinals are read in words and figures (premier,
// deuxième, 3e, dernier, avant-dernier).
//
// An article (or a point) with no amending vocabulary, no quotation and
// no clause of the base named is the avenant's own provision (its entry
// into force, say): it is listed apart (Set.Own) and never applied. An
// article that speaks of amending but matches no form is an error naming
// it: an instruction is never skipped unread. A union's amendment may name
// its target in its heading ("Amendement n° 1 à l'article 12") and an
// instruction may hand over one of the avenant's own annexes ("l'annexe 1
// est remplacée par l'annexe 1 du présent avenant").
//
// Amends tells such a text from a consolidated one before anything is
// applied: most of its articles, its own provisions aside, are
// instructions naming an article or a row of the other text (readings of a bill, which amend the codes, are
// not amendments of each other).
//
// # Applying
//
// apply works on a copy of the base document, instruction after
// instruction, in the order of the avenant, as French drafting intends
// (the second point reads the text as the first left it). It is all or
// nothing: the first instruction that cannot be applied (its target is
// missing, its words are not there, or are there more than once) stops it
// with an error naming the amending article, the point and the reason. The
// result is written back as text in the base's format (Markdown or plain,
// see write), which is what a reader of the consolidated text gets and what
// the store imports, with the trace of which instruction changed which
// clause.
//
// Words are looked up as a reader would: typographic and straight
// apostrophes and runs of white space match each other, nothing else does.
//
// The package is pure: values in, values out, no I/O.
package amend
