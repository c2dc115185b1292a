package tui

import (
	"fmt"
	"testing"
)

func TestDebug(t *testing.T) {
	src, err := FixtureSource()
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, src, Options{}, 100, 30)
	fmt.Println(screenText(m))
	m = drive(t, m, keys("n", "n", "enter")...)
	fmt.Println(screenText(m))
	m = drive(t, m, keys("s")...)
	fmt.Println(screenText(m))
	m = drive(t, m, keys("h")...)
	fmt.Println(screenText(m))
	m = drive(t, m, keys("b")...)
	fmt.Println(screenText(m))
	m = drive(t, m, keys("v")...)
	fmt.Println(screenText(m))
}
