package main

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
)

// loadConfig reads a config file, or returns the embedded default for "".
func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		return config.Study(), nil
	}
	data, err := readConfigFile(path)
	if err != nil {
		return nil, err
	}
	return configyaml.Decode(path, data)
}

// readConfigFile reads a config file, refusing one over the size limit.
func readConfigFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, config.MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > config.MaxInputBytes {
		// Only the first bytes were read: give the file's real size.
		size := fmt.Sprintf("more than %d", config.MaxInputBytes)
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = fmt.Sprint(st.Size())
		}
		return nil, config.Errors{{Path: "(document)", Allowed: fmt.Sprintf("a config is at most %d bytes; this one is %s", config.MaxInputBytes, size)}}
	}
	return data, nil
}

// loadConfigOrPreset reads a config file or, when preset is set, the
// embedded preset of that name.
func loadConfigOrPreset(path, preset string) (*config.Config, error) {
	if preset != "" {
		return configs.Load(preset)
	}
	return loadConfig(path)
}

// printConfigError writes a config error one problem per line.
func printConfigError(w io.Writer, path string, err error) {
	if es, ok := err.(config.Errors); ok {
		for _, e := range es {
			fmt.Fprintf(w, "%s: %s\n", safeArg(path), safeArg(e.Error()))
		}
		return
	}
	fmt.Fprintf(w, "%s: %s\n", safeArg(path), safeArg(err.Error()))
}

// drawSeed returns a 64-bit seed from the operating system's crypto source.
func drawSeed() uint64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return binary.LittleEndian.Uint64(b[:])
}
