package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sort"
	"time"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
)

// benchRepeats is the number of measurements per worker count (an odd
// number: the median is reported), minMeasurement the shortest one.
const (
	benchRepeats   = 3
	minMeasurement = 10 * time.Millisecond
)

// benchPoint is one measured worker count.
type benchPoint struct {
	Workers     int     `json:"workers"`
	HandsPerSec float64 `json:"hands_per_second"`
	Speedup     float64 `json:"speedup"`
	Efficiency  float64 `json:"efficiency"`
}

func runBench(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", "bench [--seconds S] [--max-workers N] [--json]", stderr)
	seconds := fs.Float64("seconds", 3, "total measuring time, split evenly over the worker counts 1 to --max-workers, 3 repeats each (the median is reported)")
	asJSON := fs.Bool("json", false, "print JSON")
	maxWorkers := fs.Int("max-workers", runtime.NumCPU(), "largest worker count measured")
	if extra, status, ok := parseFlags(fs, args); !ok {
		return status
	} else if len(extra) > 0 {
		fmt.Fprintf(stderr, "lir bench: unexpected argument %q\n", extra[0])
		return 2
	}
	if !(*seconds >= 0.3 && *seconds <= 3600) || *maxWorkers < 1 || *maxWorkers > 256 {
		fmt.Fprintln(stderr, "lir bench: --seconds must be from 0.3 to 3600 and --max-workers from 1 to 256")
		return 2
	}
	per := time.Duration(*seconds / float64(benchRepeats**maxWorkers) * float64(time.Second))
	if per < minMeasurement {
		fmt.Fprintf(stderr, "lir bench: --seconds %g gives each of the %d × %d measurements %v; give at least %g\n",
			*seconds, benchRepeats, *maxWorkers, per.Round(time.Millisecond), minMeasurement.Seconds()*float64(benchRepeats**maxWorkers))
		return 2
	}
	r, err := sim.NewRunner(config.Default())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var points []benchPoint
	for w := 1; w <= *maxWorkers; w++ {
		var rates []float64
		for range benchRepeats {
			rates = append(rates, measure(r, w, per))
		}
		sort.Float64s(rates)
		p := benchPoint{Workers: w, HandsPerSec: rates[benchRepeats/2]}
		p.Speedup = p.HandsPerSec / points0(points, p)
		p.Efficiency = p.Speedup / float64(w)
		points = append(points, p)
	}
	if *asJSON {
		b, _ := json.MarshalIndent(map[string]any{
			"config": "default", "cpus": runtime.NumCPU(), "go": runtime.Version(),
			"goos": runtime.GOOS, "goarch": runtime.GOARCH,
			"single_core_hands_per_second": points[0].HandsPerSec, "scaling": points,
		}, "", "  ")
		fmt.Fprintln(stdout, string(b))
		return 0
	}
	fmt.Fprintf(stdout, "default config, %s %s/%s, %d CPUs; per worker count the median of %d × %.2fs (%gs in all)\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), benchRepeats, per.Seconds(), *seconds)
	fmt.Fprintf(stdout, "single core: %.2fM hands/s\n\n", points[0].HandsPerSec/1e6)
	fmt.Fprintf(stdout, "%8s %16s %8s %11s\n", "workers", "hands/s", "speedup", "efficiency")
	for _, p := range points {
		fmt.Fprintf(stdout, "%8d %15.2fM %7.2fx %10.0f%%\n", p.Workers, p.HandsPerSec/1e6, p.Speedup, 100*p.Efficiency)
	}
	return 0
}

func points0(points []benchPoint, p benchPoint) float64 {
	if len(points) == 0 {
		return p.HandsPerSec
	}
	return points[0].HandsPerSec
}

// measure runs batches of sessions on w workers for about d and returns
// hands per second.
func measure(r *sim.Runner, w int, d time.Duration) float64 {
	const batch = 2000
	start := time.Now()
	var hands uint64
	from := 0
	for hands == 0 || time.Since(start) < d {
		agg := runner.Run(r, 1, from, from+batch*w, w, nil)
		hands += agg.Total().Hands
		from += batch * w
	}
	if hands == 0 {
		panic("bench: no hands played")
	}
	return float64(hands) / time.Since(start).Seconds()
}
