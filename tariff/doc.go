// Package tariff answers the negotiator's first question: what does each
// version say each act costs? It reads the prices of a version from its
// tariff tables (one row per act code) and from the articles that price a
// code ("la consultation G est fixée à 30 €"), lays them out as a grid,
// one row per act code and one column per version, and finds the codes
// that one version prices differently in two places.
//
// The package works on parsed documents (clause.Document) and knows no
// store, no terminal and no output format: the CLI and the TUI both build
// their grid here and render it their own way.
package tariff
