package workspace

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/extract"
)

// pipelineGolden records the pipeline fingerprint and a hash of the Polish
// files the pipeline makes from pipelineInputs.
const pipelineGolden = "testdata/pipeline.golden"

// pipelineInputs are originals of every format, with links, images,
// abbreviations, numbers and dates: the demo's article, the extraction
// tests' pages and testdata/pipeline.
func pipelineInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{demo.ArticleName: demo.Article()}
	for _, pattern := range []string{"../extract/testdata/pages/*.html", "testdata/pipeline/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			in[filepath.Base(p)] = data
		}
	}
	if len(in) < 6 {
		t.Fatalf("%d inputs", len(in))
	}
	return in
}

// TestPipelineGuard keeps the pipeline fingerprint honest: when the Polish
// files mosty makes change, the fingerprint must change too, or
// workspaces keep files the build no longer matches. It fails when the
// output changed under the same fingerprint and inputs — bump
// pipelineVersion in fingerprint.go — and when the fingerprint or the
// inputs changed, until they are recorded with -update.
func TestPipelineGuard(t *testing.T) {
	w := newWorkspace(t)
	o := w.newOp()
	in := pipelineInputs(t)
	h, inputs := sha256.New(), sha256.New()
	for _, name := range slices.Sorted(maps.Keys(in)) {
		fmt.Fprintf(inputs, "%s\n%s\n", name, in[name])
		src, err := acquire.FromBytes(name, "test:"+name, in[name])
		if err != nil {
			t.Fatal(err)
		}
		a, err := o.extract(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := &catalog.File{Path: name, IsSource: true}
		f.Header = sourceHeader(SourceMeta{Slug: "s", Origin: name}, a, "pl", "")
		f.SetUnits(catalog.AssignIDs(nil, catalog.SourceUnits(a)))
		fmt.Fprintf(h, "%s\n%s\n", name, f.Bytes())
	}
	got := map[string]string{"fingerprint": w.pipelineFingerprint(), "inputs": hex.EncodeToString(inputs.Sum(nil)[:8]), "output": hex.EncodeToString(h.Sum(nil)[:8])}
	if *update {
		data := fmt.Sprintf("# Written by go test -run TestPipelineGuard -update; see fingerprint.go.\nfingerprint %s\ninputs %s\noutput %s\n", got["fingerprint"], got["inputs"], got["output"])
		if err := os.WriteFile(pipelineGolden, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readGolden(t)
	switch {
	case got["fingerprint"] == want["fingerprint"] && got["inputs"] == want["inputs"] && got["output"] != want["output"]:
		t.Fatalf("the Polish files mosty makes changed (output %s, was %s) but the pipeline fingerprint did not: "+
			"workspaces would keep stale files. Bump pipelineVersion in internal/workspace/fingerprint.go, then run "+
			"go test ./internal/workspace -run TestPipelineGuard -update", got["output"], want["output"])
	case got["fingerprint"] != want["fingerprint"] || got["inputs"] != want["inputs"]:
		t.Fatalf("the pipeline fingerprint or the test's inputs changed (%v, %s records %v): record them with "+
			"go test ./internal/workspace -run TestPipelineGuard -update", got, pipelineGolden, want)
	}
}

func readGolden(t *testing.T) map[string]string {
	f, err := os.Open(pipelineGolden)
	if err != nil {
		t.Fatalf("%v: run go test -run TestPipelineGuard -update", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), " "); ok && !strings.HasPrefix(k, "#") {
			out[k] = v
		}
	}
	return out
}

// Everything that decides a Polish file changes the fingerprint.
func TestPipelineFingerprintInputs(t *testing.T) {
	w := newWorkspace(t)
	base := w.pipelineFingerprint()
	for _, tt := range []struct {
		name string
		edit func(c *Config)
	}{
		{"abbreviations", func(c *Config) { c.Segment.Abbreviations = map[string][]string{"pl": {"WKB."}} }},
		{"profile", func(c *Config) { c.Profile = &extract.Profile{Title: "h1.x"} }},
		{"source language", func(c *Config) { c.SourceLanguage = "ru" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := *w.Config
			tt.edit(&c)
			w2 := &Workspace{Dir: w.Dir, Config: &c}
			if w2.pipelineFingerprint() == base {
				t.Errorf("changing the %s leaves the fingerprint %s", tt.name, base)
			}
		})
	}
	// What does not decide a Polish file does not change it.
	c := *w.Config
	c.SiteName, c.BaseURL, c.TargetLanguages = "Other", "https://other.example/", []string{"en"}
	if (&Workspace{Dir: w.Dir, Config: &c}).pipelineFingerprint() != base {
		t.Error("site settings change the pipeline fingerprint")
	}
}
