package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"

	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/names"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/segment"
	"github.com/mosty-dev/mosty/internal/site"
	toml "github.com/pelletier/go-toml/v2"
)

// The versions of mosty's code, bumped by hand here and nowhere else.
const (
	// pipelineVersion is the code that turns an original into its Polish
	// file, locales/<source>/<slug>.toml: finding the article
	// (internal/extract), placeholders (internal/article), splitting
	// sentences (internal/segment) and the source units with their ids
	// (internal/catalog). Bump it with any change there that changes a
	// Polish file: workspaces then extract every article again on their
	// next sync, keeping every translation. TestPipelineGuard fails when
	// the Polish files changed and it was not bumped.
	pipelineVersion = 6
	// renderVersion is the code that turns the workspace into pages
	// (internal/render, internal/site, internal/report). Bump it with any
	// change to the pages: the next build renders every article again.
	renderVersion = 3
)

// pipelineFingerprint is the one value that says how a Polish file was
// made. A Polish file records it (extractor = "…" in its [article]
// table); when it differs, sync extracts the article again, and build
// refuses to publish from a stale file. It covers everything that decides
// a Polish file:
//
//   - pipelineVersion: mosty's extraction, placeholder, segmentation and
//     id code;
//   - mosty's release as the binary knows it (debug.ReadBuildInfo: a
//     tagged or pseudo-version), so a new mosty extracts once again even
//     where a bump was forgotten; "(devel)" builds rely on the bump;
//   - the embedded rules: extract.RulesVersion (boilerplate words, month
//     names) and segment.RulesVersion (every file of
//     internal/segment/rules: abbreviations and sentence rules per
//     language, and the lexicons of internal/segment/lexicon);
//   - the workspace's source language, its own abbreviations
//     ([segment.abbreviations]) and its site profile ([profile]).
//
// An input added to extraction or segmentation — a new embedded file, a
// setting — must be added here.
func (w *Workspace) pipelineFingerprint() string {
	own, err := toml.Marshal(struct {
		Lang    string
		Abbrev  map[string][]string
		Profile *extract.Profile
	}{w.Config.SourceLanguage, w.Config.Segment.Abbreviations, w.Config.Profile})
	if err != nil {
		panic(fmt.Sprintf("encoding settings: %v", err)) // plain structs always encode
	}
	h := sha256.New()
	fmt.Fprintf(h, "pipeline %d\nrelease %s\nextract %s\nsegment %s\n", pipelineVersion, release(), extract.RulesVersion(), segment.RulesVersion())
	h.Write(own)
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// hintsFingerprint says which hints sync writes beside the segments of
// the translators' files: the names hints (names.HintsVersion: the names
// code and its embedded data). It is kept in the sync index, not in the
// Polish files: when it changes, the next sync writes every translator's
// file again with the new hints, without extracting any article again.
func hintsFingerprint() string { return names.HintsVersion() }

// release is mosty's module version as the binary records it, "" when
// it records none or only "(devel)".
func release() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "(devel)" {
		return ""
	}
	return info.Main.Version
}

// buildFingerprint is the one value that says how a site was built; when
// it differs from the last build's, every article is rendered again. It
// covers the pipeline fingerprint (the pages are made from a fresh
// extraction), renderVersion, mosty.toml, the publishing rules in force
// (flags included), the workspace's templates, the names of its static
// files (an article links its images there when they exist) and the
// output folder.
func (w *Workspace) buildFingerprint(rules site.Rules, out string, static []string) (string, error) {
	h := sha256.New()
	cfg, err := safefile.Read(w.Path(ConfigFile), maxSmallFile)
	if err != nil {
		return "", err
	}
	h.Write(cfg)
	fmt.Fprintf(h, "%+v|%s|%d|%s|%q", rules, w.pipelineFingerprint(), renderVersion, out, static)
	for _, name := range render.TemplateNames {
		if data, err := safefile.Read(w.Path("templates", name), maxSmallFile); err == nil {
			h.Write(data)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}
