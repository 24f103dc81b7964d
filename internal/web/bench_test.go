package web

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// BenchmarkListArticles measures the start page's GET /api/articles over
// 200 articles: the first request of a server over a workspace it never
// served (every file read, parsed and checked), the first of a server
// started again (the lines kept in .mosty/serve; every file's stamp
// looked at), a later one (the same), and as a baseline what mosty status
// reads (workspace.Coverage), in the same run.
func BenchmarkListArticles(b *testing.B) {
	dir := b.TempDir()
	w, err := workspace.Init(dir, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	var srcs []*acquire.Source
	for i := range 200 {
		var page strings.Builder
		fmt.Fprintf(&page, "<html><body><article><h1>Artykuł numer %d</h1>", i)
		for k := range 20 {
			fmt.Fprintf(&page, "<p>Zdanie %d artykułu %d o <a href=\"/x\">klastrze</a> i współpracy z partnerami.</p>", k, i)
		}
		page.WriteString("</article></body></html>")
		src, err := acquire.FromBytes(fmt.Sprintf("a%03d.html", i), fmt.Sprintf("bench:a%03d", i), []byte(page.String()))
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := w.ImportSources(srcs); err != nil {
		b.Fatal(err)
	}
	list := func(b *testing.B, s *Server) {
		if rec := s.do(b, request{method: "GET", path: "/api/articles"}); rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			if err := os.Remove(filepath.Join(dir, ".mosty", summariesName)); err != nil && !errors.Is(err, os.ErrNotExist) {
				b.Fatal(err)
			}
			list(b, newTestServer(b, dir))
		}
	})
	b.Run("restart", func(b *testing.B) {
		list(b, newTestServer(b, dir))
		for b.Loop() {
			list(b, newTestServer(b, dir))
		}
	})
	b.Run("again", func(b *testing.B) {
		s := newTestServer(b, dir)
		list(b, s)
		for b.Loop() {
			list(b, s)
		}
	})
	b.Run("status-baseline", func(b *testing.B) {
		for b.Loop() {
			if _, err := w.Coverage(nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
