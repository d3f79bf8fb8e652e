package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// Boolean attributes. go-app writes a false one into the pre-rendered page
// as attr="false", which HTML reads as present: every field would be
// hidden, every button disabled, every option selected until app.wasm
// runs. So natively a false one is left out. In the browser it is set, so
// that go-app sets the element's property (a box the user ticked is
// unticked by a load; removing the attribute would not do that).

func boolAttr(v bool) bool { return v || goapp.IsClient }

func hidden[T interface{ Hidden(bool) T }](e T, v bool) T {
	if boolAttr(v) {
		return e.Hidden(v)
	}
	return e
}

func disabled[T interface{ Disabled(bool) T }](e T, v bool) T {
	if boolAttr(v) {
		return e.Disabled(v)
	}
	return e
}

func checked[T interface{ Checked(bool) T }](e T, v bool) T {
	if boolAttr(v) {
		return e.Checked(v)
	}
	return e
}

func selected[T interface{ Selected(bool) T }](e T, v bool) T {
	if boolAttr(v) {
		return e.Selected(v)
	}
	return e
}

func opened[T interface{ Open(bool) T }](e T, v bool) T {
	if boolAttr(v) {
		return e.Open(v)
	}
	return e
}
