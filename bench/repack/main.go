// Command repack packs an avenant store's objects the way avenant does
// every fifty imports (store.Repack), for bench/store.sh to measure the
// size against git gc: go run ./bench/repack STORE.
package main

import (
	"fmt"
	"os"

	"github.com/avenant-dev/avenant/store"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: repack STORE")
		os.Exit(2)
	}
	s, err := store.Open(os.Args[1])
	if err == nil {
		err = s.Repack()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
