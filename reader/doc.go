// Package reader turns an input file into the normalised text that
// clause.Parse expects. Every avenant command that reads a document goes
// through ReadFile, so that two files which differ only in encoding, line
// endings or Unicode composition produce the same text and therefore no
// spurious difference.
//
// ReadFile does the I/O (existence, size cap, extension dispatch): text
// files go through Decode, PDF through pdftotext or a built-in reader
// (readPDF), Word documents through readDocx (tracked changes accepted,
// rejected or both, see ReadFileTracked) and web pages through readHTML;
// all of them end in the same normalisation. Decode, cleanPDFText, readDocx
// and readHTML are pure and can be tested and fuzzed without files.
//
// # Encodings
//
// Decode accepts UTF-8 with or without a byte-order mark, and UTF-16 (little
// or big endian) when it starts with a byte-order mark. Anything that is not
// valid UTF-8 is read as Windows-1252, never ISO-8859-1: French documents
// exported from Word on Windows use the typographic apostrophe ’, the dashes
// – and —, the euro sign € and the ellipsis …, which Windows-1252 puts in the
// bytes 0x80–0x9F where ISO-8859-1 has invisible C1 control characters. Read
// as ISO-8859-1, "l’article" would silently lose its apostrophe. For every
// other byte the two encodings agree, so nothing is lost by the choice. A
// UTF-8 byte-order mark followed by invalid UTF-8 is read the same way. In
// fact each byte that is not part of a UTF-8 sequence is read so: a text
// in UTF-8 with a few stray bytes (a paragraph pasted from an older file)
// keeps its UTF-8 (see notUTF8).
// UTF-16 without a byte-order mark is not guessed: its NUL bytes make it look
// binary, and it is rejected as such, with a hint when every other byte is
// NUL.
//
// # Normalisation
//
// Line endings become "\n" (CRLF and lone CR alike; a vertical tab, NEL and
// U+2028 also end a line, U+2029 ends a paragraph). The text is put in
// Unicode NFC, so that an "é" typed as one code point and an "é" typed as
// "e" plus a combining accent compare equal; otherwise the word differ would
// report a change nobody can see.
//
// Non-breaking spaces (U+00A0, the narrow U+202F and the figure space U+2007)
// become plain spaces. French typography puts one before ; : ! ? and » and
// after «, and whether an author's word processor inserted it or not is
// pure chance: keeping it would make two identical clauses differ, and it
// would glue "article 5 :" into tokens that the clause parser and the word
// differ do not expect. Nothing is lost, because no clause means something
// different depending on whether its spaces may break.
//
// Other control characters (C0 and C1, DEL) are removed, except "\n" and
// "\t", and a terminal escape sequence goes as a whole (see package
// internal/sanitize), so that "\x1b[31m" leaves no "[31m"; a stray U+FEFF inside the text is removed too,
// and so are the bidi embeddings, overrides, isolates and marks, which
// change how a text is shown and not what it says (sanitize.IsBidi). Trailing blanks are
// cut from every line, runs of blank lines collapse into one blank line
// (blank lines separate paragraphs, one is enough), and the text ends with
// exactly one "\n". Leading indentation is kept: it may carry a table's
// layout.
//
// Binary input is refused rather than decoded into noise: a NUL byte in
// anything but UTF-16, or more than 5% of control characters, means the file
// is not a text document. Text with no visible character is refused as
// empty, since an empty version is always a mistake.
//
// # Text from PDF files
//
// A form feed is a page break: pdftotext ends every page with one. When the
// decoded text contains a form feed, Decode also applies cleanPDFText, which
// undoes what pagination and hard line wrapping did to the text. The
// heuristics favour keeping a word over removing noise, because a lost word
// in a convention is a lost obligation:
//
//   - Only the header and footer zones of a page are ever dropped: the first
//     and last three non-blank lines. A line in that zone is a running
//     header or footer when it contains a letter and recurs at the same
//     rank of the same zone (say, first line from the top) on three pages
//     in a row (or every other page, for alternating left and right
//     headers), or on at least two pages and half of them. A line of content
//     that recurs, such as a label repeated down a tariff annex, seldom
//     lands at the same place of consecutive pages.
//     A line that, on every page it recurs on, goes on with the sentence
//     of the text kept before it (it opens in lower case, that text is
//     prose ending no sentence, and no dropped line stands between) is
//     text: "de la présente convention." ending one article per page. A
//     footer repeats itself under any text, so somewhere it stands under a
//     sentence's end, a page number or another running line, and goes.
//     Recurring means identical, or identical but for one number that
//     grows with the page ("Convention – page 3" then "– page 4"): masking
//     every digit instead would take the rows of a tariff table
//     ("Métropolitains : 115,00 F") for a running header and lose tariffs.
//     Headings, numbered points and table rows must recur exactly, so that
//     "Article 3" and "Article 4" opening two pages never pass for one
//     header; for those, an occurrence that is the first appearance of the
//     line in the document is kept, since it is the real heading that the
//     later running headers repeat.
//   - A page number ("12", "- 12 -", "Page 3", "Page 3/40", "3 / 40",
//     "page 3 sur 40") is dropped when, once running headers are gone, it is
//     the first or last non-blank line of its page, still within the zone.
//     A bare number may also be a table cell or the last word of a wrapped
//     sentence, so it is dropped only when it follows the pagination: its
//     value minus the page's index is the offset shared by most bare
//     numbers, at least two of them (or the text has one or two pages).
//     Numbers elsewhere are always kept.
//   - A page break is a line break, not a paragraph break: the last line of
//     a page and the first line of the next are re-joined like any two
//     lines, since most page breaks fall in the middle of a paragraph. In
//     a text whose lines are mostly parted by blank lines (paragraphs set
//     a space apart, as layoutBands shows them), two lines a page break
//     does not re-join are two paragraphs, with a blank line between.
//   - End-of-line hyphenation is undone ("négocia-" + "tion" gives
//     "négociation") only when both sides are lower case, neither fragment
//     already holds a hyphen, and the second is not a common second half of
//     a compound (ci, là, même, dessus, dessous, après, delà, être, section,
//     pronouns such as il or elle). Otherwise the hyphen is kept and the two
//     fragments are glued ("c'est-à-" + "dire", "Jean-" + "Pierre",
//     "L. 162-" + "5"). A soft hyphen at the end of a line is always removed.
//   - Hard-wrapped lines are re-joined with a space into paragraphs when the
//     line does not end with . : ; ! ? or … (closing quotes and brackets
//     aside) and the next one continues the sentence: it starts with a lower
//     case letter, a digit or an opening bracket or quote, or it starts with a
//     capital while the line ends with a comma or a word that cannot end a
//     sentence or a title (de, la, aux, et, pour…). An opening quote is
//     judged by what follows it: "« Les caisses…" opens a quoted alinéa as
//     a capital opens a paragraph, "« 1° …" is a numbered point. After an apostrophe the
//     join takes no space. A line that a PDF page shows wrapped off the
//     one above goes on after no space either where a line may break
//     without one (after a dash or a slash, between a closing and an
//     opening bracket: Chromium breaks "</tr></tbody>" so) and the text
//     writes the two characters glued more often than spaced (see
//     joinWraps). Across a blank line, prose is re-joined only when
//     the sentence plainly goes on (no end mark, next line in lower case):
//     loosely leaded text and the built-in reader's line gaps put blank
//     lines inside sentences, while a paragraph seldom starts in lower case.
//   - A heading ("Article 12", "TITRE II", "Chapitre", "Section", "Annexe",
//     "Préambule", a markdown "#", a line in capitals) is never joined to
//     either neighbour. A numbered point ("I. -", "1°", "a)", "1.", "28.1",
//     a "- " or "•" bullet) always starts its own line, though its own
//     wrapped continuation is joined to it. A table row (a tab, a "|", or
//     two gaps of three spaces or more) is never joined and keeps its
//     spacing.
//
// Pages must be separated by form feeds for the header, footer and page
// number rules to see them; text without any is one page.
package reader
