// Package frtext holds what avenant knows of written French, in one place:
// where a sentence ends (and which full stops do not end one: "L.", "art.",
// "M.", "etc."), how typography and accents fold for comparison, how a
// name becomes a slug, which line starts a list entry, which words
// open a heading ("Article", "Titre", "Annexe", "Préambule"…), and how
// numbers and ranks are written in words ("quatre-vingts", "onzième").
//
// Every other package asks here rather than keeping rules of its own, so
// that the clause files of the store, the facts of a diff, the lines of
// blame and the joins of the PDF reader all cut a text the same way.
// The package is pure and has no dependency on the rest of avenant.
package frtext
