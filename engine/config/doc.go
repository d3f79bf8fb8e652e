// Package config is the one schema of a run: the Config tree of SPEC §10
// with its defaults, field-by-field validation (every problem names the
// field path, the value and what is allowed) and the canonical JSON form.
// File formats other than JSON live in their own packages, so the browser
// worker that imports this one stays small.
package config
