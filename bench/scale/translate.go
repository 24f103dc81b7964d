package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// Stand-in translations, made the way a translator's would look to mosty:
// Russian in Cyrillic letters (the Polish transliterated), English without
// Polish letters, placeholders, numbers, e-mail addresses and URLs kept.
// They are not translations, but they publish and pass the QA checks as
// real ones would.
var (
	toCyrillic = strings.NewReplacer(
		"ch", "х", "cz", "ч", "sz", "ш", "rz", "ж", "Ch", "Х", "Cz", "Ч", "Sz", "Ш", "Rz", "Ж",
		"a", "а", "ą", "он", "b", "б", "c", "ц", "ć", "ч", "d", "д", "e", "е", "ę", "ен", "f", "ф", "g", "г",
		"h", "х", "i", "и", "j", "й", "k", "к", "l", "л", "ł", "л", "m", "м", "n", "н", "ń", "нь", "o", "о",
		"ó", "у", "p", "п", "q", "к", "r", "р", "s", "с", "ś", "сь", "t", "т", "u", "у", "v", "в", "w", "в",
		"x", "кс", "y", "ы", "z", "з", "ź", "зь", "ż", "ж",
		"A", "А", "B", "Б", "C", "Ц", "Ć", "Ч", "D", "Д", "E", "Е", "F", "Ф", "G", "Г", "H", "Х", "I", "И",
		"J", "Й", "K", "К", "L", "Л", "Ł", "Л", "M", "М", "N", "Н", "O", "О", "Ó", "У", "P", "П", "R", "Р",
		"S", "С", "Ś", "Сь", "T", "Т", "U", "У", "W", "В", "Y", "Ы", "Z", "З", "Ź", "Зь", "Ż", "Ж")
	withoutDiacritics = strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z",
		"Ą", "A", "Ć", "C", "Ę", "E", "Ł", "L", "Ń", "N", "Ó", "O", "Ś", "S", "Ź", "Z", "Ż", "Z")
)

// standIn is the stand-in translation of a segment into lang.
func standIn(source, lang string) string {
	r := withoutDiacritics
	if lang == "ru" {
		r = toCyrillic
	}
	var b strings.Builder
	for i, word := range strings.Split(source, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		if strings.Contains(word, "@") || strings.Contains(word, "://") {
			b.WriteString(word)
			continue
		}
		// Placeholders (<1>, </1>, <2/>) are digits and punctuation: a
		// replacer of letters leaves them alone.
		b.WriteString(r.Replace(word))
	}
	return b.String()
}

// translateAll fills in every target file of the workspace with stand-in
// translations, marked translated; every partial-th article's Russian is
// left half done (0: none), so that status and the build see both.
func translateAll(ws string, langs []string, partial int) error {
	var files []string
	for _, lang := range langs {
		found, err := filepath.Glob(filepath.Join(ws, "locales", lang, "*.toml"))
		if err != nil {
			return err
		}
		files = append(files, found...)
	}
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				errs[i] = translateFile(files[i], partial > 0 && i%partial == 0)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func translateFile(path string, half bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	f, err := catalog.Parse(path, data, false)
	if err != nil {
		return err
	}
	lang := filepath.Base(filepath.Dir(path))
	n := len(f.Units)
	if half && lang == "ru" {
		n /= 2
	}
	for i := range f.Units[:n] {
		u := &f.Units[i]
		u.Translation, u.Status = standIn(u.Source, lang), catalog.Translated
	}
	if err := os.WriteFile(path, f.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
