package extract

import (
	"fmt"

	"github.com/mosty-dev/mosty/internal/article"
)

// checkPlaceholders verifies a block's placeholder invariants: numbers
// 1…len(Tags) each used once, in order of opening, pairs nested
// properly, empty elements written <n/>.
func checkPlaceholders(b article.Block) error {
	next := 1
	var stack []int
	for _, t := range tokenize(b.Text) {
		switch t.kind {
		case tokOpen, tokEmpty:
			if t.id != next {
				return fmt.Errorf("placeholder %d where %d was due in %q", t.id, next, b.Text)
			}
			if t.id > len(b.Tags) {
				return fmt.Errorf("placeholder %d has no tag in %q", t.id, b.Text)
			}
			if b.Tags[t.id-1].Empty != (t.kind == tokEmpty) {
				return fmt.Errorf("placeholder %d pair/empty mismatch in %q", t.id, b.Text)
			}
			next++
			if t.kind == tokOpen {
				stack = append(stack, t.id)
			}
		case tokClose:
			if len(stack) == 0 || stack[len(stack)-1] != t.id {
				return fmt.Errorf("</%d> closes out of order in %q", t.id, b.Text)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 || next-1 != len(b.Tags) {
		return fmt.Errorf("unclosed or unused placeholders in %q (%d tags)", b.Text, len(b.Tags))
	}
	return nil
}
