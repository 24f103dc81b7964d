package workspace

import (
	"strings"
	"sync"

	"github.com/mosty-dev/mosty/internal/glossary"
	"github.com/mosty-dev/mosty/internal/names"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/segment"
	"github.com/mosty-dev/mosty/internal/tm"
)

// An op is one operation on the workspace — an import, a sync, a build, a
// check — with what it reads once and shares between its steps: the
// stamps of the files as it found them, the translation memories, the
// glossary and the segmenter. Every exported method that runs stages
// starts its own with w.newOp() and passes it down; it ends with the
// call, so nothing one command read is seen by the next (an op that made
// memories is closed: o.close).
//
// Its methods are safe for concurrent use: a build extracts articles on
// all cores with one op.
type op struct {
	w *Workspace

	mu       sync.Mutex
	stamps   stampSet                               // the files as this op listed them
	listed   bool                                   // stamps were listed
	articles func() (func(slug string) bool, error) // which slugs have sources/*.meta.toml: listed once, without stamps (articleSet), or the import's index
	memories map[string]func() (*tm.Memory, error)  // by language, each made once, on first use
	gloss    *glossary.Glossary                     // read on first use

	names names.Finder // the names found in every file's Polish, for their hints

	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error

	// fingerprint is the workspace's pipeline fingerprint, computed once.
	fingerprint func() string
}

func (w *Workspace) newOp() *op {
	return &op{w: w, fingerprint: sync.OnceValue(w.pipelineFingerprint), articles: sync.OnceValues(w.articleSet)}
}

// articleSet tells which slugs have sources/*.meta.toml, as stampAll finds
// them, listed without stamping a file.
func (w *Workspace) articleSet() (func(slug string) bool, error) {
	set := map[string]bool{}
	err := eachName(w.Path("sources"), func(name string) {
		if slug, ext, _ := strings.Cut(name, "."); ext == "meta.toml" {
			set[slug] = true
		}
	})
	return func(slug string) bool { return set[slug] }, err
}

// listing returns the stamps of every article's files, listed once per
// op.
func (o *op) listing() (stampSet, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.listed {
		s, err := o.w.stampAll()
		if err != nil {
			return s, err
		}
		o.stamps, o.listed = s, true
	}
	return o.stamps, nil
}

// glossary returns the workspace's glossary.toml (empty when there is
// none), read once per op.
func (o *op) glossary() (*glossary.Glossary, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.gloss == nil {
		g, err := glossary.Load(o.w.Path("glossary.toml"), o.w.Config.SourceLanguage)
		if err != nil {
			return nil, err
		}
		o.gloss = g
	}
	return o.gloss, nil
}

// memory returns the translation memory of lang, made once per op; the
// op stays free for its other uses while it is made.
func (o *op) memory(lang string) (*tm.Memory, error) {
	o.mu.Lock()
	made, ok := o.memories[lang]
	if !ok {
		made = sync.OnceValues(func() (*tm.Memory, error) { return o.makeMemory(lang) })
		if o.memories == nil {
			o.memories = map[string]func() (*tm.Memory, error){}
		}
		o.memories[lang] = made
	}
	o.mu.Unlock()
	return made()
}

// close closes the memories the op made (their index files).
func (o *op) close() {
	o.mu.Lock()
	made := o.memories
	o.memories = nil
	o.mu.Unlock()
	for _, m := range made {
		if m, err := m(); err == nil {
			m.Close()
		}
	}
}

// makeMemory makes the memory of lang from its locale files: as the op
// listed them when it listed every file (a sync, a build), else listed
// for it alone (memoryFiles: an import stamps no other folder).
func (o *op) makeMemory(lang string) (*tm.Memory, error) {
	o.mu.Lock()
	stamps, listed := o.stamps, o.listed
	o.mu.Unlock()
	var files []memoryFile
	var err error
	if listed {
		files = stamps.memoryFiles(lang)
	} else if files, err = o.memoryFiles(lang); err != nil {
		return nil, err
	}
	g, err := o.glossary()
	if err != nil {
		return nil, err
	}
	return o.w.buildMemory(lang, files, &qa.Checker{Glossary: g, Errors: o.w.Config.Check.Errors})
}

// segmenter returns the source language's segmenter with the workspace's
// abbreviations, made once per op.
func (o *op) segmenter() (*segment.Segmenter, error) {
	o.segOnce.Do(func() {
		lang := o.w.Config.SourceLanguage
		o.seg, o.segErr = segment.New(lang, o.w.Config.Segment.Abbreviations[lang])
	})
	return o.seg, o.segErr
}
