// Package engine is the root of the Let It Ride engine: pure Go, no I/O, no
// syscall/js, no package-level mutable state. Its sub-packages deal cards,
// classify hands, decide, run sessions, aggregate results and solve the game
// exactly; the CLI, the Web Workers and the browser UI all stand on it.
package engine
