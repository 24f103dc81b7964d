// Command serveload is the load test of mosty serve: concurrent clients
// saving different segments of one translators' file over loopback HTTP
// for a while. It fails (exit 1) when an acknowledged save is not in the
// file at the end, when the file is not valid TOML, or when a save got an
// answer other than 200; it reports saves per second and latencies.
//
// The baseline, run first for as long in the same process, is one client
// saving alone: the ratio says what concurrent clients gain.
//
//	go run ./bench/serveload                           20 clients, 30 s (and 30 s of the baseline)
//	go run ./bench/serveload -clients 20 -duration 3s  a short run, as CI does
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/web"
	"github.com/mosty-dev/mosty/internal/workspace"
)

const slug = "obciazenie"

func main() {
	clients := flag.Int("clients", 20, "concurrent clients, each saving its own segment")
	duration := flag.Duration("duration", 30*time.Second, "how long the clients save")
	baseline := flag.Bool("baseline", true, "first run one client alone, for as long")
	flag.Parse()
	var base float64
	if *baseline {
		rate, err := run(1, *duration)
		if err != nil {
			fmt.Fprintln(os.Stderr, "serveload: baseline:", err)
			os.Exit(1)
		}
		base = rate
	}
	rate, err := run(*clients, *duration)
	if err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		os.Exit(1)
	}
	if base > 0 {
		fmt.Printf("%d clients save %.1f× as many segments per second as one alone\n", *clients, rate/base)
	}
}

// run serves a new workspace to clients for duration and returns the
// saves per second.
func run(clients int, duration time.Duration) (float64, error) {
	dir, err := os.MkdirTemp("", "mosty-serveload-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	if err := makeWorkspace(dir, clients); err != nil {
		return 0, err
	}
	l, err := web.Listen("127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	s, err := web.New(dir, web.Options{Addr: l.Addr().String()})
	if err != nil {
		return 0, err
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() { served <- web.Serve(ctx, l, s) }()
	c := &client{base: "http://" + l.Addr().String(), token: s.Token(),
		http: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}}
	segs, err := c.segments()
	if err != nil {
		return 0, err
	}
	if len(segs) < clients {
		return 0, fmt.Errorf("%d segments for %d clients", len(segs), clients)
	}
	results := make([]result, clients)
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(duration)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = c.saveUntil(i, segs[i], deadline)
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	stop()
	if err := <-served; err != nil {
		return 0, fmt.Errorf("shutting down: %w", err)
	}
	return report(dir, segs, results, elapsed)
}

// makeWorkspace imports one article with a paragraph per client and
// more.
func makeWorkspace(dir string, clients int) error {
	w, err := workspace.Init(dir, "Load")
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("<html><head><title>Obciążenie</title></head><body><article><h1>Próba obciążenia serwera</h1>\n")
	for i := range clients + 5 {
		fmt.Fprintf(&b, "<p>To jest akapit numer %d, w którym <b>tłumacz</b> zapisuje swoją pracę po raz kolejny.</p>\n", i+1)
	}
	b.WriteString("</article></body></html>\n")
	src, err := acquire.FromBytes(slug+".html", "bench:"+slug, []byte(b.String()))
	if err != nil {
		return err
	}
	_, err = w.ImportSources([]*acquire.Source{src})
	return err
}

type client struct {
	base, token string
	http        *http.Client
}

type segment struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Rev    string `json:"rev"`
}

func (c *client) segments() ([]segment, error) {
	var a struct{ Segments []segment }
	body, code, err := c.do("GET", "/api/articles/"+slug+"/ru", nil)
	if err != nil || code != 200 {
		return nil, fmt.Errorf("GET article: %d %s %v", code, body, err)
	}
	err = json.Unmarshal(body, &a)
	return slices.DeleteFunc(a.Segments, func(s segment) bool { return !strings.Contains(s.Source, "<1>") }), err
}

func (c *client) do(method, path string, body []byte) ([]byte, int, error) {
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return out, resp.StatusCode, err
}

// result is what one client did: its save latencies, the last save the
// server acknowledged, and the answers that were not 200.
type result struct {
	latencies []time.Duration
	lastText  string
	lastState string
	failures  []string
}

func (c *client) saveUntil(i int, seg segment, deadline time.Time) result {
	var r result
	rev := seg.Rev
	for k := 0; time.Now().Before(deadline); k++ {
		text := fmt.Sprintf("Это абзац клиента %d, <1>переводчик</1> сохраняет работу %d-й раз.", i, k)
		state := []string{"fuzzy", "translated", "reviewed"}[k%3]
		body, _ := json.Marshal(map[string]string{"translation": text, "status": state, "rev": rev, "name": fmt.Sprintf("client %d", i)})
		t0 := time.Now()
		out, code, err := c.do("PUT", "/api/articles/"+slug+"/ru/segments/"+seg.ID, body)
		r.latencies = append(r.latencies, time.Since(t0))
		if err != nil || code != 200 {
			r.failures = append(r.failures, fmt.Sprintf("client %d save %d: %d %s %v", i, k, code, out, err))
			continue
		}
		var ack struct{ Rev string }
		if err := json.Unmarshal(out, &ack); err != nil {
			r.failures = append(r.failures, fmt.Sprintf("client %d save %d: %v", i, k, err))
			continue
		}
		rev, r.lastText, r.lastState = ack.Rev, text, state
	}
	return r
}

// report checks the file against the acknowledged saves and prints the
// figures.
func report(dir string, segs []segment, results []result, elapsed time.Duration) (float64, error) {
	data, err := os.ReadFile(filepath.Join(dir, "locales", "ru", slug+".toml"))
	if err != nil {
		return 0, err
	}
	f, err := catalog.Parse("ru.toml", data, false)
	if err != nil {
		return 0, fmt.Errorf("the file is not valid: %w", err)
	}
	byID := map[string]catalog.Unit{}
	for _, u := range f.Units {
		byID[u.ID] = u
	}
	var all []time.Duration
	var problems []string
	for i, r := range results {
		all = append(all, r.latencies...)
		problems = append(problems, r.failures...)
		u := byID[segs[i].ID]
		if r.lastText != "" && (u.Translation != r.lastText || string(u.Status) != r.lastState) {
			problems = append(problems, fmt.Sprintf("client %d: the file has %q (%s), the last acknowledged save was %q (%s)", i, u.Translation, u.Status, r.lastText, r.lastState))
		}
	}
	slices.Sort(all)
	pct := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(p*float64(len(all))))]
	}
	rate := float64(len(all)) / elapsed.Seconds()
	fmt.Printf("clients %d, %s: %d saves, %.0f saves/s, latency p50 %s, p99 %s, max %s; %d answers other than 200, %d lost saves\n",
		len(results), elapsed.Round(time.Millisecond), len(all), rate,
		pct(.50).Round(time.Microsecond), pct(.99).Round(time.Microsecond), pct(1).Round(time.Microsecond), countFailures(results), len(problems)-countFailures(results))
	if len(problems) > 0 {
		return rate, fmt.Errorf("%d problems, the first: %s", len(problems), problems[0])
	}
	return rate, nil
}

func countFailures(results []result) int {
	n := 0
	for _, r := range results {
		n += len(r.failures)
	}
	return n
}
