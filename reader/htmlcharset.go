package reader

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// An HTML page's encoding is found as the Encoding Standard
// (encoding.spec.whatwg.org) and the HTML parsing algorithm say: the
// byte-order mark, else a <meta> charset in the first 1,024 bytes. This is
// what golang.org/x/net/html/charset does, written here because that
// package's label index (x/text's htmlindex) builds maps and parses
// language tables when the program starts, for every command.

// sniffEncoding finds the encoding a page announces, and its canonical
// name; bom is true when a byte-order mark says it. It returns nil when the
// page announces none.
func sniffEncoding(data []byte) (enc encoding.Encoding, name string, bom bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF16BE):
		enc, name = encodingLabelled("utf-16be")
		return enc, name, true
	case bytes.HasPrefix(data, bomUTF16LE):
		enc, name = encodingLabelled("utf-16le")
		return enc, name, true
	case bytes.HasPrefix(data, []byte("\uFEFF")):
		enc, name = encodingLabelled("utf-8")
		return enc, name, true
	}
	enc, name = metaEncoding(data[:min(len(data), 1024)])
	return enc, name, false
}

// metaEncoding is the encoding the first <meta> that declares one names:
// charset="…", or http-equiv="Content-Type" with content="…; charset=…".
// A page cannot declare itself UTF-16 in ASCII bytes: such a declaration
// means UTF-8.
func metaEncoding(head []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		tag, more := z.TagName()
		if string(tag) != "meta" {
			continue
		}
		// need says whether the charset found needs the pragma: one
		// from content does, one from a charset attribute does not, and
		// a meta without either declares nothing.
		const (
			unknown = iota
			needsPragma
			standsAlone
		)
		var (
			enc    encoding.Encoding
			name   string
			pragma bool // http-equiv="content-type"
			need   = unknown
			seen   = map[string]bool{}
		)
		for more {
			var key, val []byte
			key, val, more = z.TagAttr()
			if seen[string(key)] {
				continue // the first of a repeated attribute counts
			}
			seen[string(key)] = true
			v := asciiLower(val)
			switch string(key) {
			case "http-equiv":
				pragma = pragma || v == "content-type"
			case "content":
				if enc == nil {
					if label := contentCharset(v); label != "" {
						if enc, name = encodingLabelled(label); enc != nil {
							need = needsPragma
						}
					}
				}
			case "charset":
				enc, name = encodingLabelled(v)
				need = standsAlone
			}
		}
		if need == unknown || need == needsPragma && !pragma {
			continue
		}
		if strings.HasPrefix(name, "utf-16") {
			return encoding.Nop, "utf-8"
		}
		if enc != nil {
			return enc, name
		}
	}
}

// asciiLower lower-cases ASCII letters only, as the algorithm does.
func asciiLower(b []byte) string {
	out := []byte(string(b))
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return string(out)
}

// contentCharset extracts the label of "charset=…" from a meta's content
// (already lower-cased): quoted up to the closing quote, else up to a
// semicolon or a space; "" when there is none.
func contentCharset(s string) string {
	const spaces = " \t\n\f\r"
	for {
		i := strings.Index(s, "charset")
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+len("charset"):], spaces)
		rest, ok := strings.CutPrefix(s, "=")
		if !ok {
			continue // "charset" without "=": look further on
		}
		s = strings.TrimLeft(rest, spaces)
		if s == "" {
			return ""
		}
		if q := s[0]; q == '"' || q == '\'' {
			label, _, closed := strings.Cut(s[1:], string(q))
			if !closed {
				return ""
			}
			return label
		}
		if end := strings.IndexAny(s, ";"+spaces); end >= 0 {
			return s[:end]
		}
		return s
	}
}

// encodingLabelled is the encoding a label names in the Encoding Standard
// (its table of labels), with the encoding's canonical name; nil and ""
// for a label it does not know. Case and surrounding spaces do not count.
// A switch, unlike a map, costs nothing before it is used.
func encodingLabelled(label string) (encoding.Encoding, string) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8":
		return unicode.UTF8, "utf-8"
	case "866", "cp866", "csibm866", "ibm866":
		return charmap.CodePage866, "ibm866"
	case "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2":
		return charmap.ISO8859_2, "iso-8859-2"
	case "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3":
		return charmap.ISO8859_3, "iso-8859-3"
	case "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4":
		return charmap.ISO8859_4, "iso-8859-4"
	case "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988":
		return charmap.ISO8859_5, "iso-8859-5"
	case "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987":
		return charmap.ISO8859_6, "iso-8859-6"
	case "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek":
		return charmap.ISO8859_7, "iso-8859-7"
	case "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual":
		return charmap.ISO8859_8, "iso-8859-8"
	case "csiso88598i", "iso-8859-8-i", "logical":
		return charmap.ISO8859_8I, "iso-8859-8-i"
	case "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6":
		return charmap.ISO8859_10, "iso-8859-10"
	case "iso-8859-13", "iso8859-13", "iso885913":
		return charmap.ISO8859_13, "iso-8859-13"
	case "iso-8859-14", "iso8859-14", "iso885914":
		return charmap.ISO8859_14, "iso-8859-14"
	case "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9":
		return charmap.ISO8859_15, "iso-8859-15"
	case "iso-8859-16":
		return charmap.ISO8859_16, "iso-8859-16"
	case "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r":
		return charmap.KOI8R, "koi8-r"
	case "koi8-ru", "koi8-u":
		return charmap.KOI8U, "koi8-u"
	case "csmacintosh", "mac", "macintosh", "x-mac-roman":
		return charmap.Macintosh, "macintosh"
	case "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874":
		return charmap.Windows874, "windows-874"
	case "cp1250", "windows-1250", "x-cp1250":
		return charmap.Windows1250, "windows-1250"
	case "cp1251", "windows-1251", "x-cp1251":
		return charmap.Windows1251, "windows-1251"
	case "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252":
		return charmap.Windows1252, "windows-1252"
	case "cp1253", "windows-1253", "x-cp1253":
		return charmap.Windows1253, "windows-1253"
	case "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254":
		return charmap.Windows1254, "windows-1254"
	case "cp1255", "windows-1255", "x-cp1255":
		return charmap.Windows1255, "windows-1255"
	case "cp1256", "windows-1256", "x-cp1256":
		return charmap.Windows1256, "windows-1256"
	case "cp1257", "windows-1257", "x-cp1257":
		return charmap.Windows1257, "windows-1257"
	case "cp1258", "windows-1258", "x-cp1258":
		return charmap.Windows1258, "windows-1258"
	case "x-mac-cyrillic", "x-mac-ukrainian":
		return charmap.MacintoshCyrillic, "x-mac-cyrillic"
	case "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk":
		return simplifiedchinese.GBK, "gbk"
	case "gb18030":
		return simplifiedchinese.GB18030, "gb18030"
	case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
		return traditionalchinese.Big5, "big5"
	case "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp":
		return japanese.EUCJP, "euc-jp"
	case "csiso2022jp", "iso-2022-jp":
		return japanese.ISO2022JP, "iso-2022-jp"
	case "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis":
		return japanese.ShiftJIS, "shift_jis"
	case "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949":
		return korean.EUCKR, "euc-kr"
	case "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement":
		return encoding.Replacement, "replacement"
	case "unicodefffe", "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	case "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	case "x-user-defined":
		return charmap.XUserDefined, "x-user-defined"
	}
	return nil, ""
}
