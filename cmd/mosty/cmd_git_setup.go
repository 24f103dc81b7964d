package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mosty-dev/mosty/internal/gitmerge"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/urfave/cli/v2"
)

func cmdGitSetup(e *env) *cli.Command {
	return &cli.Command{
		Name:  "git-setup",
		Usage: "let git merge translators' files segment by segment",
		Description: `Routes the workspace's locale files to "mosty merge-driver" in the git
   repository that holds the workspace: a line in .gitattributes (commit
   it), the driver's command in the repository's .git/config (git does not
   share it: run git-setup once in every clone), and mosty's caches and
   the built site (public/) in .gitignore. Running it again changes only
   what is missing or different.

   The driver command is "mosty" when the mosty on PATH is the one you
   run, else this binary's full path; --driver sets another.

   Example:
      git clone https://git.example/wkb-translations.git && cd wkb-translations
      mosty git-setup`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "driver", Usage: "the `COMMAND` git runs for mosty (default: mosty, or this binary's path)"},
		},
		Action: func(c *cli.Context) error {
			return runGitSetup(c.Context, e, gitSetupOpts{driver: c.String("driver")})
		},
	}
}

type gitSetupOpts struct {
	driver string // "" for gitmerge.DriverCommand
}

func runGitSetup(ctx context.Context, e *env, o gitSetupOpts) error {
	w, err := e.open()
	if err != nil {
		return err
	}
	return gitSetup(ctx, e, w.Dir, o.driver)
}

// gitSetup sets up the repository holding the workspace in dir and says
// what it did.
func gitSetup(ctx context.Context, e *env, dir, driver string) error {
	var err error
	if driver == "" {
		if driver, err = gitmerge.DriverCommand(); err != nil {
			return hint.Wrap(err, "install mosty (go install ./cmd/mosty) and run git-setup with it, or name the command with --driver")
		}
	}
	done, err := gitmerge.Setup(ctx, dir, driver)
	if errors.Is(err, gitmerge.ErrNotRepository) {
		return hint.Wrap(err, "run \"git init\" here first, or run git-setup in a clone of the team's repository")
	}
	if err != nil {
		return err
	}
	for _, line := range done {
		fmt.Fprintln(e.stdout, line)
	}
	fmt.Fprintln(e.stdout, "next: commit .gitattributes and .gitignore; every clone runs \"mosty git-setup\" once")
	return nil
}

// offerGitSetup, for a new workspace in a git repository, asks whether
// to set git up when the person is at a terminal (interactive), and
// otherwise says how to.
func offerGitSetup(ctx context.Context, e *env, dir string, interactive bool) error {
	if !gitmerge.InRepository(ctx, dir) {
		return nil
	}
	if !interactive {
		fmt.Fprintf(e.stdout, "git: this folder is in a git repository; \"mosty -C %s git-setup\" lets git merge translators' files segment by segment\n", dir)
		return nil
	}
	fmt.Fprint(e.stdout, "This folder is in a git repository. Let git merge translators' files segment by segment (mosty git-setup)? [Y/n] ")
	answer, _ := bufio.NewReader(e.stdin).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "" && a != "y" && a != "yes" {
		fmt.Fprintf(e.stdout, "not now: run \"mosty -C %s git-setup\" when you want it\n", dir)
		return nil
	}
	return gitSetup(ctx, e, dir, "")
}
