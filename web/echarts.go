package web

import _ "embed"

// EChartsJS is Apache ECharts 6.1.0 (dist/echarts.min.js of the npm
// package echarts; licence in LICENSE-echarts.txt), for the HTML report,
// which inlines it so that it opens offline.
//
//go:embed echarts.min.js
var EChartsJS []byte
