// Package chromium finds the Chromium (or Chrome) binary that the browser
// tests drive: $CHROMIUM, else $CHROME_PATH, else the first of Names on PATH.
package chromium

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Names are the executables looked up on PATH, in this order.
var Names = []string{"chromium", "chromium-browser", "google-chrome"}

// ErrNotFound reports that no variable is set and no name is on PATH.
var ErrNotFound = errors.New("no Chromium found: set CHROMIUM to the browser's path, " +
	"or install Chromium or Chrome so that chromium, chromium-browser or google-chrome is on PATH " +
	"(Debian, Ubuntu: apt-get install chromium; Fedora: dnf install chromium; macOS: brew install --cask chromium)")

// Find returns the browser to run. A variable that is set must name an
// executable: it is an error, not skipped, when it does not.
func Find() (string, error) {
	for _, v := range []string{"CHROMIUM", "CHROME_PATH"} {
		if p := os.Getenv(v); p != "" {
			path, err := exec.LookPath(p)
			if err != nil {
				return "", fmt.Errorf("%s=%s: %w", v, p, err)
			}
			return path, nil
		}
	}
	for _, n := range Names {
		if path, err := exec.LookPath(n); err == nil {
			return path, nil
		}
	}
	return "", ErrNotFound
}

// Need returns the browser for a test. Without one it skips the test, or
// fails it when CI is set (CI must not pass by skipping the browser).
func Need(t testing.TB) string {
	t.Helper()
	path, err := Find()
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%v (CI is set)", err)
	}
	t.Skipf("%v (`make chromium` installs it where apt-get is usable)", err)
	return ""
}
