//go:build !unix

package store

import "testing"

// asAnotherUser is for a test run as root, which Unix alone has.
func asAnotherUser(t *testing.T, _, _ string, _ ...string) {
	t.Skip("no other user to run as here")
}
