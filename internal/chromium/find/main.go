// Command find prints the Chromium that the browser tests use (see package
// chromium). It exits 1 when none is found, 2 when CHROMIUM or CHROME_PATH
// names no executable; `make chromium` installs one only on exit 1.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/lir-lab/lir/internal/chromium"
)

func main() {
	path, err := chromium.Find()
	switch {
	case errors.Is(err, chromium.ErrNotFound):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println("chromium:", path)
}
