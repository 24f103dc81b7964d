package segment

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

// TestSampleParagraphs checks the first user's article: every paragraph of
// the plain-text sample splits into exactly the sentences of its
// .segments.txt.
func TestSampleParagraphs(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/samples/klaster-bialorus-2017.segments.txt")
	if err != nil {
		sharedtest.Missing(t, "../shared/samples: "+err.Error())
	}
	var want []string
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(l, "[body] ") {
			want = append(want, strings.TrimPrefix(l, "[body] "))
		}
	}
	text, _ := os.ReadFile("../../../shared/samples/klaster-bialorus-2017.txt")
	s, _ := New("pl", nil)
	var got []string
	for _, para := range strings.Split(string(text), "\n") {
		para = strings.TrimSpace(strings.ReplaceAll(para, "\u00a0", " "))
		if len(para) > 80 {
			got = append(got, s.Split(para)...)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("segments differ (-want +got):\n%s", d)
	}
}
