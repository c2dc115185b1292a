package clause

import (
	"os"
	"runtime"
	"testing"
	"unsafe"
)

func TestZZMem(t *testing.T) {
	a := os.Getenv("ZZA")
	if a == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(a)
	text := string(b)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	d := Parse(text)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("clauses %d sizeof %d live %d MB total alloc %d MB", len(d.Clauses), unsafe.Sizeof(Clause{}), (m1.HeapAlloc-m0.HeapAlloc)>>20, (m1.TotalAlloc-m0.TotalAlloc)>>20)
	runtime.KeepAlive(d)
}
