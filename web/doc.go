// Package web holds the lab's static assets (worker.js, styles, icons, the
// vendored ECharts); cmd/build copies them into dist/web. It has no Go code
// besides the icon generator.
package web

//go:generate go run gen_icons.go
