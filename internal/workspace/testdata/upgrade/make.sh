#!/usr/bin/env bash
# make.sh REV: makes testdata/upgrade/REV, a workspace as the mosty of
# commit REV leaves it, for TestUpgrade. It builds that mosty from
# `git archive REV` outside the repository and uses it as a user would:
# the demo (English done, Russian half done), imported .txt and .md
# articles, translations merged from a PO file, a reviewer's key and
# comment, an edited original (fuzzy and obsolete segments), a pre-filled
# match from the translation memory, glossary terms, and the caches in
# .mosty/ left by sync and build.
#
# A fixture records what users have on disk: once committed it is not
# made again. Add one for a new release; refresh an old one only for a
# reason written in TestUpgrade (the fixture itself was wrong).
set -euo pipefail
rev=${1:?usage: make.sh REV}
repo=$(git rev-parse --show-toplevel)
out="$repo/internal/workspace/testdata/upgrade/$rev"
work=/tmp/mosty-upgrade-$rev # a fixed folder: origins in the fixture name it
rm -rf "$work" "$out"
mkdir -p "$work/src"
git -C "$repo" archive "$rev" | tar -x -C "$work/src"
(cd "$work/src" && go build -o "$work/mosty" ./cmd/mosty)
cd "$work"
m="$work/mosty"

cat > forum.txt <<'TXT'
Działania klastra

Zaproszenie na Forum Budownictwa

05.03.2018 r.

Wschodni Klaster Budowlany zaprasza na forum, które odbędzie się 22 marca 2018 r. w Białymstoku. Początek o godz. 10.00.

Udział jest bezpłatny. Liczba miejsc jest ograniczona. Zapraszamy wszystkich członków klastra!
TXT
cat > targi.md <<'TXT'
---
title: Sprawozdanie z targów
date: 2019-04-12
category: Relacje
---

Na targach w Mińsku wystąpiło **12 firm** z klastra. Rozmowy prowadzono m.in. z [partnerami z Grodna](https://example.org/grodno).

- Podpisano 3 umowy.
- Uzgodniono kolejne spotkanie.
TXT
cat > drugie.txt <<'TXT'
Drugie forum

2018-06-01

Wschodni Klaster Budowlany zaprasza na forum, które odbędzie się 22 marca 2018 r. w Białymstoku. Tym razem w nowej siedzibie.
TXT

"$m" demo ws >/dev/null
cat > ws/glossary.toml <<'TXT'
[[term]]
pl = "Wschodni Klaster Budowlany"
ru = "Восточный строительный кластер"
en = "Eastern Construction Cluster"
TXT
"$m" -C ws import forum.txt targi.md >/dev/null

# A CAT tool translates the forum article into Russian.
"$m" -C ws export --format po --locale ru --out ru.po forum
awk '/^msgid "/ { id = substr($0, 8) } /^msgstr ""$/ && id != "\"" { print "msgstr \"RU " id; next } { print }' ru.po > ru-done.po
"$m" -C ws merge ru-done.po >/dev/null

# A reviewer signs the first segment off, with a key and a comment.
sed -i '0,/^status = "translated"$/s//status = "reviewed"\nreviewer = "Anna"/' ws/locales/ru/forum.toml
sed -i '0,/^\[\[segment\]\]$/s//# checked with the client\n[[segment]]/' ws/locales/ru/forum.toml

# The Polish changes: one translated sentence edited, one removed.
sed -i 's/Liczba miejsc jest ograniczona. //; s/Zapraszamy wszystkich członków klastra!/Zapraszamy wszystkich członków i partnerów klastra!/' ws/sources/forum.txt
"$m" -C ws sync >/dev/null

# A second article repeats a translated sentence: pre-filled from memory.
"$m" -C ws import drugie.txt >/dev/null
"$m" -C ws build --min-coverage 40 >/dev/null

rm -rf ws/public ws/.mosty.lock
mkdir -p "$(dirname "$out")"
cp -r ws "$out"
echo "made $out with the mosty of $rev"
