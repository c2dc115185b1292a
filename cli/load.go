package cli

import (
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
)

// loadFile reads and parses a document file. Errors name the file.
func loadFile(path string, maxSize int64) (*clause.Document, error) {
	text, err := reader.ReadFile(path, reader.Options{MaxSize: maxSize})
	if err != nil {
		return nil, err
	}
	return clause.Parse(text), nil
}
