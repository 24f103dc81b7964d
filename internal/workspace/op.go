package workspace

import (
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
// call, so nothing one command read is seen by the next.
//
// Its methods are safe for concurrent use: a build extracts articles on
// all cores with one op.
type op struct {
	w *Workspace

	mu       sync.Mutex
	stamps   stampSet              // the files as this op listed them
	listed   bool                  // stamps were listed
	memories map[string]*tm.Memory // by language, built on first use
	gloss    *glossary.Glossary    // read on first use

	names names.Finder // the names found in every file's Polish, for their hints

	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error

	// fingerprint is the workspace's pipeline fingerprint, computed once.
	fingerprint func() string
}

func (w *Workspace) newOp() *op {
	return &op{w: w, fingerprint: sync.OnceValue(w.pipelineFingerprint)}
}

// listing returns the stamps of every article's files, listed once per
// op.
func (o *op) listing() (stampSet, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.listingLocked()
}

func (o *op) listingLocked() (stampSet, error) {
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
	return o.glossaryLocked()
}

func (o *op) glossaryLocked() (*glossary.Glossary, error) {
	if o.gloss == nil {
		g, err := glossary.Load(o.w.Path("glossary.toml"), o.w.Config.SourceLanguage)
		if err != nil {
			return nil, err
		}
		o.gloss = g
	}
	return o.gloss, nil
}

// memory returns the translation memory of lang, built once per op.
func (o *op) memory(lang string) (*tm.Memory, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if m, ok := o.memories[lang]; ok {
		return m, nil
	}
	stamps, err := o.listingLocked()
	if err != nil {
		return nil, err
	}
	g, err := o.glossaryLocked()
	if err != nil {
		return nil, err
	}
	m, err := o.w.buildMemory(lang, stamps, &qa.Checker{Glossary: g, Errors: o.w.Config.Check.Errors})
	if err != nil {
		return nil, err
	}
	if o.memories == nil {
		o.memories = map[string]*tm.Memory{}
	}
	o.memories[lang] = m
	return m, nil
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
