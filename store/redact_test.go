package store

import "testing"

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://alice:S3cr3tPW@host/conv.git":                       "http://alice:***@host/conv.git",
		"https://ghp_abcdef0123456789@github.com/o/r.git":           "https://***@github.com/o/r.git",
		"https://oauth2:glpat-XYZ@gitlab.com/o/r.git":               "https://oauth2:***@gitlab.com/o/r.git",
		"https://a:p@ss@host/x":                                     "https://a:***@host/x",
		"ssh://git@host/conv.git":                                   "ssh://git@host/conv.git",
		"ssh://git:pw@host/conv.git":                                "ssh://git:***@host/conv.git",
		"git@github.com:o/r.git":                                    "git@github.com:o/r.git",
		"https://host/conv.git?access_token=abc&ref=main":           "https://host/conv.git?access_token=***&ref=main",
		"https://host/x?X-Amz-Signature=abc#f":                      "https://host/x?X-Amz-Signature=***#f",
		"/srv/git/conv.git":                                         "/srv/git/conv.git",
		"file:///srv/git/conv.git":                                  "file:///srv/git/conv.git",
		"https://host/a@b":                                          "https://host/a@b",
		`Get "http://bob:hunter2@h:1/info/refs": dial tcp: refused`: `Get "http://bob:***@h:1/info/refs": dial tcp: refused`,
		"push to https://tok@h/x refused; see https://u:p@h/y":      "push to https://***@h/x refused; see https://u:***@h/y",
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
