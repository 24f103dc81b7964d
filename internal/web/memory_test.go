package web

import (
	"testing"
	"time"
)

// TestMemoryReplacedClosed: a language's memory built again (past
// memoryTTL) is closed once the last request using the one it replaced
// is done, not before: that request still gets its matches.
func TestMemoryReplacedClosed(t *testing.T) {
	s := newTestServer(t, demoDir(t))
	old, releaseOld, err := s.store.memory("ru")
	if err != nil {
		t.Fatal(err)
	}
	entries := old.Entries()
	if len(entries) == 0 {
		t.Fatal("the Russian memory is empty: the test shows nothing")
	}
	q := entries[0].Source
	s.store.mu.Lock()
	s.store.memories["ru"].built = time.Time{} // past its time: the next request builds it again
	s.store.mu.Unlock()
	cur, releaseCur, err := s.store.memory("ru")
	if err != nil {
		t.Fatal(err)
	}
	defer releaseCur()
	if cur == old {
		t.Fatal("the memory was not built again")
	}
	if got := old.Lookup(q, 100, 1); len(got) == 0 || old.Err() != nil {
		t.Fatalf("the replaced memory, still in use, found %v (err %v)", got, old.Err())
	}
	releaseOld()
	releaseOld() // twice: once counted
	if got := old.Lookup(q+" ", 100, 1); len(got) != 0 || old.Err() == nil {
		t.Errorf("the replaced memory, released, is still open: found %v", got)
	}
	if got := cur.Lookup(q, 100, 1); len(got) == 0 || cur.Err() != nil {
		t.Errorf("the memory in use found %v (err %v)", got, cur.Err())
	}
}
