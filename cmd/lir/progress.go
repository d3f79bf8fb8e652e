package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/lir-lab/lir/engine/runner"
)

// startProgress shows progress on w: a live bar when w is a terminal
// (refreshed ten times a second, or every interval sessions when interval
// > 0), plain lines every interval sessions when it is not and interval > 0,
// one estimate line after estimateAfter otherwise, when the run looks
// longer than estimateMin. The returned function stops it.
func startProgress(w io.Writer, c *runner.Counter, total, interval int64) func() {
	tty := isTerminal(w)
	if !tty && interval <= 0 {
		return startEstimate(w, c, total)
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(finished)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		var shown int64 = -1
		for {
			select {
			case <-done:
				if tty {
					draw(w, c.Load(), total, start)
					fmt.Fprintln(w)
				}
				return
			case <-t.C:
				p := c.Load()
				if interval > 0 {
					if step := p.Sessions / interval; step != shown {
						shown = step
					} else {
						continue
					}
				}
				if tty {
					draw(w, p, total, start)
				} else {
					fmt.Fprintf(w, "progress: %d/%d sessions, %d hands\n", p.Sessions, total, p.Hands)
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// When a run shows no progress, one line says how long it looks like
// taking, once estimateAfter has passed, if that is at least estimateMin.
var (
	estimateAfter = 5 * time.Second
	estimateMin   = 30 * time.Second
)

// startEstimate prints the estimate line on w, unless the run ends first.
func startEstimate(w io.Writer, c *runner.Counter, total int64) func() {
	done := make(chan struct{})
	finished := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(finished)
		select {
		case <-done:
			return
		case <-time.After(estimateAfter):
		}
		p := c.Load()
		el := time.Since(start)
		rate := float64(p.Hands) / el.Seconds() / 1e6
		switch {
		case p.Sessions >= total:
		case p.Sessions == 0:
			fmt.Fprintf(w, "lir run: no session finished in the first %s (%d hands, %.4fM hands/s); the whole run may take very long (simulation.progress_interval shows progress)\n",
				el.Round(time.Second), p.Hands, rate)
		default:
			left := time.Duration(float64(el) * float64(total-p.Sessions) / float64(p.Sessions))
			if left >= estimateMin {
				fmt.Fprintf(w, "lir run: %d of %d sessions in %s (%.2fM hands/s); about %s to go (simulation.progress_interval shows progress)\n",
					p.Sessions, total, el.Round(time.Second), rate, left.Round(time.Second))
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

func draw(w io.Writer, p runner.Progress, total int64, start time.Time) {
	const width = 30
	frac := 1.0 // an empty shard is done from the start
	if total > 0 {
		frac = min(1, float64(p.Sessions)/float64(total))
	}
	filled := int(frac * width)
	el := time.Since(start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.Hands) / el
	}
	eta := "—"
	if p.Sessions > 0 {
		eta = (time.Duration(el/frac*(1-frac)) * time.Second).Round(time.Second).String()
	}
	fmt.Fprintf(w, "\r[%s%s] %5.1f%%  %d/%d sessions  %.2fM hands/s  ETA %s   ",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), 100*frac, p.Sessions, total, rate/1e6, eta)
}

// isTerminal reports whether w is a terminal (not merely a character
// device such as /dev/null).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && terminal(f)
}
