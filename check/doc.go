// Package check is the CI gate behind avenant check: it runs rules over a
// clause-by-clause diff and reports the facts they flag (an altered tariff,
// a "doit" that became "peut", a cross-reference left pointing nowhere) as
// findings with a severity. An error-level finding fails the check.
//
// Rules come from built-in defaults and from a YAML rules file
// (.avenant.yaml, looked up from the current directory towards the root as
// git does for .gitignore). Findings are written as text, JSON
// (avenant.check/v1), GitHub workflow commands, JUnit XML or Markdown.
//
// The package works on parsed documents only: loading files or store
// versions is the caller's business, so that the same Check serves plain
// files, store references and tests.
package check
