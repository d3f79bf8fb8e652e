// Package pyformat writes the result files of the Python Let It Ride
// simulator (github.com/ChrisHenryOC/let_it_ride) from our simulation, so
// that spreadsheets and scripts written for that tool read ours unchanged:
// PREFIX_sessions.csv, PREFIX_aggregate.csv, PREFIX_seat_aggregate.csv,
// PREFIX_hands.csv and PREFIX_results.json, with its columns in its order,
// money in dollars and numbers spelled as Python writes them ("500.0",
// "True", an empty cell for None).
//
// The files are streamed: rows are written as sessions end, a chunk of
// sessions per temporary file, and joined in session order at the end, so
// memory does not grow with the number of sessions or hands and the files
// are the same for any number of workers. Each file is written beside its
// destination and renamed over it only when complete (internal/outfile).
package pyformat
