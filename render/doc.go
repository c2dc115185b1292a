// Package render turns clause values (outlines, diffs) into the outputs
// that users and scripts read: plain or coloured text, Markdown, HTML, and
// the JSON documents whose schemas are fixed by the public contract
// (avenant.outline/v1, avenant.diff/v1, avenant.versions/v1, avenant.log/v1,
// avenant.blame/v1…). It also renders the store's history (versions, log,
// blame) from those documents, which the CLI fills from the store, so that
// the text and JSON views of one command read the same values.
//
// Renderers are plain functions of their values and an io.Writer, so that
// the CLI, the TUI and tests share them. Text that came from a document is
// untrusted: every renderer passes it through sanitize.Text before it reaches a
// terminal.
package render
