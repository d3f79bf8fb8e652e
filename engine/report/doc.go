// Package report renders a results document as one self-contained HTML
// page: tables, and charts whose ECharts options are built with go-echarts
// and drawn by an inlined copy of ECharts, so the file opens offline and
// prints cleanly.
package report
