// Command cputime runs a command several times and prints its best wall
// time, its best CPU time (user + system, from the kernel's accounting of
// the child, to the microsecond) and its peak resident memory, for the
// bench/ scripts: cputime -runs 10 -- CMD ARGS...
//
// Output, one line: "<wall ms> <cpu ms> <peak RSS KiB> <page faults>", the
// faults being the fewest of the runs (minor: memory the kernel had to map;
// on a virtual machine a few microseconds each, counted as system time).
// The best of several runs is what a shared, noisy machine can measure of a
// command's own cost; a fault count does not move with the load.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 10, "how many times to run the command")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: cputime [-runs N] -- CMD ARGS...")
		os.Exit(2)
	}
	bestWall, bestCPU := time.Duration(1<<62), time.Duration(1<<62)
	var peak, faults int64 = 0, 1 << 62
	for range *runs {
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if cmd.ProcessState == nil {
			fmt.Fprintln(os.Stderr, "cputime:", err)
			os.Exit(2)
		}
		// A diff that finds differences exits 1; only a failure to
		// start or a signal makes the timing meaningless.
		if !cmd.ProcessState.Exited() {
			fmt.Fprintln(os.Stderr, "cputime:", cmd.ProcessState)
			os.Exit(2)
		}
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		bestWall, bestCPU = min(bestWall, wall), min(bestCPU, cpu)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss)
			faults = min(faults, ru.Minflt)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("%.2f %.2f %d %d\n", ms(bestWall), ms(bestCPU), peak, faults)
}
