package store

import (
	"github.com/avenant-dev/avenant/internal/lazyre"
	"strings"
)

// RedactURL returns s, a URL or a text holding URLs (an error message),
// with the credentials of each replaced by ***: the password of
// "user:password@", the whole user part of a URL that has no password
// except over ssh (a token such as https://ghp_…@host is a user name),
// and the value of query parameters that carry secrets (token, key,
// password, signature…). Everything avenant prints about a remote goes
// through it; .git/config keeps the URL as given, as git does.
func RedactURL(s string) string {
	s = userinfo.ReplaceAllStringFunc(s, func(m string) string {
		sub := userinfo.FindStringSubmatch(m)
		scheme, user := sub[1], sub[2]
		if name, _, ok := strings.Cut(user, ":"); ok {
			return scheme + name + ":***@"
		}
		if strings.Contains(strings.ToLower(scheme), "ssh") {
			return m
		}
		return scheme + "***@"
	})
	return secretParam.ReplaceAllString(s, "${1}***")
}

var (
	// userinfo is a scheme and the user part of its authority, up to the
	// last @ before the host: a password may hold an @ of its own.
	userinfo = lazyre.New(`([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\s]*)@`)
	// secretParam is a query parameter whose value is a credential.
	secretParam = lazyre.New(`(?i)([?&](?:[a-z0-9_-]*(?:token|password|passwd|secret|key|sig|signature|auth)[a-z0-9_-]*)=)[^&#\s]+`)
)

// redactErr makes *err, if any, print without credentials; errors.Is and
// errors.As still see what it wraps.
func redactErr(err *error) {
	if *err != nil {
		*err = redacted{*err}
	}
}

type redacted struct{ err error }

func (e redacted) Error() string { return RedactURL(e.err.Error()) }
func (e redacted) Unwrap() error { return e.err }
