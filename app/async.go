package app

import "time"

// status is where an asynchronous thing stands.
type status int

const (
	idle      status = iota // never asked
	working                 // asked, not answered yet
	done                    // answered: Data is the answer
	failed                  // Err says why
	cancelled               // stopped by the user
)

// async is the state of one asynchronous thing — a run, an exact answer,
// a comparison, a walk-away map — as the panels read it: where it stands,
// why it failed, and its data. A new request keeps the last data until its
// own replaces it, so the page never blanks while it works. Since is when
// it started working, for the seconds the page counts; Progress is the
// share of the work done (0 to 1) as its worker last told it, 0 until it
// has.
type async[T any] struct {
	Status   status
	Err      error
	Data     T
	Since    time.Time
	Progress float64
}

// start marks a new request, keeping the data.
func (a async[T]) start(now time.Time) async[T] {
	return async[T]{Status: working, Data: a.Data, Since: now}
}

// fail marks the request failed, keeping the data.
func (a async[T]) fail(err error) async[T] {
	return async[T]{Status: failed, Err: err, Data: a.Data, Since: a.Since}
}

// answered is a finished request's state.
func answered[T any](data T) async[T] { return async[T]{Status: done, Data: data} }
