package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
)

func TestProbe(t *testing.T) {
	f := os.Getenv("PROBE")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	d := acquire.Decode(raw, "")
	a, err := HTML(d.Text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("title=%q date=%v cat=%q lang=%s\n", a.Title, a.Date.Format("2006-01-02"), a.Category, a.Lang)
	for i, b := range a.Blocks {
		fmt.Printf("%2d [%s/%s o=%d:%d] %s", i, b.Kind, b.Element, b.Owner, b.OwnerTag, strings.ReplaceAll(b.Text, "\n", "⏎"))
		if b.Wrap != nil {
			fmt.Printf("  (wrap %s)", b.Wrap.Name)
		}
		for j, tg := range b.Tags {
			fmt.Printf("  {%d:%s %v}", j+1, tg.Name, tg.Attrs)
		}
		fmt.Println()
	}
}
