package reader

import (
	"bytes"
	"encoding/xml"
	"io"
)

// The parts of a Word document are read token by token, never unmarshalled
// whole: a part can be large and only a few elements matter. walkPart and
// walkContent are the two loops every reader of a part shares.

// walkPart reads a whole XML part: start sees every start element and may
// read the element's content itself (d.Skip, a nested reader); end sees
// every end element. end may be nil.
func walkPart(b []byte, start func(d *xml.Decoder, se xml.StartElement) error, end func(xml.EndElement)) error {
	return walkPartFrom(bytes.NewReader(b), start, end)
}

// walkPartFrom is walkPart on a part read as it is inflated.
func walkPartFrom(r io.Reader, start func(d *xml.Decoder, se xml.StartElement) error, end func(xml.EndElement)) error {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := start(d, t); err != nil {
				return err
			}
		case xml.EndElement:
			if end != nil {
				end(t)
			}
		}
	}
}

// walkContent reads the content of the element whose start tag d has just
// returned, through its end tag. start sees each element below it, at depth
// 0 for a child, and returns true when it has read that element to its end
// itself (d.Skip, a nested reader); end sees the end tags below it and text
// the character data. end and text may be nil.
func walkContent(d *xml.Decoder, start func(se xml.StartElement, depth int) (bool, error), end func(xml.EndElement), text func(xml.CharData)) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			read, err := start(t, depth)
			if err != nil {
				return err
			}
			if !read {
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
			if end != nil {
				end(t)
			}
		case xml.CharData:
			if text != nil {
				text(t)
			}
		}
	}
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// on reads an OOXML boolean property: present without w:val, or with a
// true value.
func on(se xml.StartElement) bool {
	switch attr(se, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
