#!/usr/bin/env bash
# Saves fixtures as office software does, for reader/testdata/office: each
# Markdown fixture named on the command line goes to HTML (headings,
# paragraphs, lists, pipe tables), which LibreOffice Writer opens as a
# text document and saves as DOCX, PDF and plain text. Needs python3 and LibreOffice
# (apt-get install libreoffice-writer-nogui).
#   scripts/office-files.sh fixtures/05-convention-2024-06.md
# OUT=dir sets where the files go (reader/testdata/office by default).
set -euo pipefail
out=${OUT:-reader/testdata/office}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for md in "$@"; do
	stem=$(basename "$md" .md)
	python3 - "$md" >"$tmp/$stem.html" <<'PY'
import html, re, sys
def inline(s):
    s = html.escape(s, quote=False)
    s = re.sub(r'\*\*(.+?)\*\*', r'<b>\1</b>', s)
    return re.sub(r'(?<!\*)\*(?!\*)(.+?)\*', r'<i>\1</i>', s)
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
out = ['<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body>']
i = 0
while i < len(lines):
    l = lines[i]
    if not l.strip():
        i += 1
    elif m := re.match(r'^(#+)\s+(.*)', l):
        n = len(m.group(1)); out.append(f'<h{n}>{inline(m.group(2))}</h{n}>'); i += 1
    elif l.lstrip().startswith('|'):
        out.append('<table border="1">')
        first = True
        while i < len(lines) and lines[i].lstrip().startswith('|'):
            cells = [c.strip() for c in lines[i].strip().strip('|').split('|')]
            i += 1
            if all(re.fullmatch(r':?-+:?', c) for c in cells):
                continue
            tag = 'th' if first else 'td'
            first = False
            out.append('<tr>' + ''.join(f'<{tag}>{inline(c)}</{tag}>' for c in cells) + '</tr>')
        out.append('</table>')
    else:
        para = []
        while i < len(lines) and lines[i].strip() and not re.match(r'^(#|\s*\|)', lines[i]):
            para.append(inline(lines[i])); i += 1
        out.append('<p>' + '<br/>'.join(para) + '</p>')
out.append('</body></html>')
print('\n'.join(out))
PY
	# Plain text as Writer's "Text" filter writes it: one paragraph per line,
	# a table one cell per line.
	for fmt in docx pdf "txt:Text (encoded):UTF8"; do
		# A profile of its own: a second soffice on the shared one hands its
		# work to the first and fails when that one is busy.
		soffice -env:UserInstallation="file://$tmp/profile" --headless --infilter="HTML (StarWriter)" \
			--convert-to "$fmt" --outdir "$out" "$tmp/$stem.html" >/dev/null
	done
done
