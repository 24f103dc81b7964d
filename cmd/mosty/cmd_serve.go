package main

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/web"
	"github.com/urfave/cli/v2"
)

func cmdServe(e *env) *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "open the translators' and editors' web app over the workspace",
		Description: `Starts a local web app: a start page with every article's coverage per
   language, filters and search, and a page per article and language to
   translate, review and preview it, with translation memory, glossary
   terms and the checks as you type. It writes the same TOML files as
   everything else, one segment at a time, and picks up edits made
   meanwhile in a text editor, by mosty sync or by git.

   It prints the address to open, with an access token. Scripts use the
   same JSON API under /api with "Authorization: Bearer TOKEN". Ctrl-C or
   SIGTERM stops it. --addr 0.0.0.0:7777 serves a team on your network
   (it still needs the token).

   Example:
      mosty serve
      mosty serve --addr 127.0.0.1:8080 --open`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:7777", Usage: "listen on `HOST:PORT` (port 0 picks a free one)"},
			&cli.BoolFlag{Name: "open", Usage: "open the address in the browser"},
		},
		Action: func(c *cli.Context) error {
			return runServe(c.Context, e, serveOpts{addr: c.String("addr"), open: c.Bool("open")})
		},
	}
}

type serveOpts struct {
	addr string
	open bool // open the address in the browser
}

// runServe serves the workspace until ctx is done or SIGTERM comes.
func runServe(ctx context.Context, e *env, o serveOpts) error {
	if _, err := e.open(); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	l, err := web.Listen(o.addr)
	if err != nil {
		return hint.Wrap(fmt.Errorf("listening on %q: %w", o.addr, err), "another program may use the port: pick another with --addr 127.0.0.1:PORT")
	}
	s, err := web.New(e.dir, web.Options{Addr: l.Addr().String()})
	if err != nil {
		l.Close()
		return err
	}
	if ip := l.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		fmt.Fprintf(e.stderr, "mosty: warning: serving on %s: anyone on your network with the token can read and change the translations\n", l.Addr())
	}
	url := s.URL(l)
	fmt.Fprintf(e.stdout, "mosty serve: open %s\n(Ctrl-C stops it)\n", url)
	if o.open {
		if err := exec.Command("xdg-open", url).Start(); err != nil {
			fmt.Fprintf(e.stderr, "mosty: could not open a browser (%v): open the address yourself\n", err)
		}
	}
	err = web.Serve(ctx, l, s)
	fmt.Fprintln(e.stdout, "mosty serve: stopped")
	return err
}
