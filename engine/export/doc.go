// Package export streams per-session and per-hand records of a run as CSV
// through sim.Observer, so exports of any size take bounded memory. It
// writes to an io.Writer; where the bytes go is the caller's business.
package export
