package extract

import (
	"strings"
	"testing"
)

// TestTextOutsideParagraphsAndLeaks checks, on small pages of the kinds
// issue 13 names, that text outside <p> counts, that a short brief
// imports, and that comment boxes, related links, share icons and photo
// credits stay out while captions stay in.
func TestTextOutsideParagraphsAndLeaks(t *testing.T) {
	tests := []struct {
		name        string
		html        string
		title, date string
		with        []string // in the article text, each as a block's whole text or a part of it
		without     []string // nowhere in the article, attributes included
	}{
		{"text straight in the body between <br>s", `<html><head><title>Targi w Grodnie</title></head><body>
<h1>Targi budowlane w Grodnie</h1><p>12.03.2018</p>
Firmy z Podlasia pojechały na targi budowlane do Grodna. Na wspólnym stoisku pokazały nowe materiały.<br>
Rozmowy z partnerami z Białorusi trwały trzy dni.<br>Kolejne targi odbędą się jesienią w Mińsku.
</body></html>`, "Targi budowlane w Grodnie", "2018-03-12",
			[]string{"Firmy z Podlasia pojechały", "Rozmowy z partnerami z Białorusi trwały trzy dni.", "Kolejne targi odbędą się"}, nil},

		{"a table cell with <br>s and a bold title", `<html><head><title>Klaster - aktualności</title></head><body>
<table><tr><td><a href="/">Strona główna</a> | <a href="/o-nas">O nas</a> | <a href="/kontakt">Kontakt</a></td></tr>
<tr><td><b>Spotkanie w Białymstoku</b><br>2009-05-14<br><br>W czwartek w siedzibie klastra spotkali się przedsiębiorcy
z branży budowlanej.<br>Omówiono wspólne zamówienia i szkolenia. Następne spotkanie zaplanowano na czerwiec.</td></tr>
<tr><td>© 2009 Klaster</td></tr></table></body></html>`, "Spotkanie w Białymstoku", "2009-05-14",
			[]string{"W czwartek w siedzibie klastra", "Omówiono wspólne zamówienia"}, []string{"Strona główna", "2009 Klaster"}},

		{"a brief of fifty words", `<html><head><title>Nowy członek | Klaster</title></head><body>
<nav><a href="/">Start</a> <a href="/news">Aktualności</a> <a href="/o-nas">O klastrze</a> <a href="/kontakt">Kontakt</a></nav>
<div class="news"><h1>Nowy członek klastra</h1><span class="date">1 lutego 2019</span>
<p>Do klastra dołączyła firma Ekodom z Łomży. Zarząd przyjął ją jednogłośnie w piątek. Firma zatrudnia czterdzieści osób i eksportuje okna na Litwę.</p></div>
<footer>© Klaster</footer></body></html>`, "Nowy członek klastra", "2019-02-01",
			[]string{"Do klastra dołączyła firma Ekodom z Łomży.", "eksportuje okna na Litwę."}, []string{"Aktualności", "© Klaster"}},

		{"a comment box inside the article", `<html><body><article><h1>Tak rząd będzie ciął wydatki</h1>
<p>Premier rozpoczyna realizację zapowiadanych w exposé reform. Każdy projekt trafi do Sejmu jeszcze w tym roku.</p>
<div class="articleComm"><h3>Wybrane komentarze</h3><p>palancie jeden, nic nie rozumiesz z tego co piszesz i tyle.</p></div>
<p>Kolejnymi ustawami rząd ma się zająć w kwietniu i maju, zaczynając od emerytur mundurowych.</p></article></body></html>`,
			"Tak rząd będzie ciął wydatki", "", []string{"Premier rozpoczyna", "Kolejnymi ustawami"}, []string{"Wybrane komentarze", "palancie"}},

		{"related links after a heading", `<html><body><div class="tresc"><h1>Серия взрывов в Ираке</h1>
<p>Четыре взрыва прогремели в четверг в Багдаде, их жертвами стали 29 человек, еще 68 получили ранения.</p>
<p>Как правило, теракты против шиитов устраивают боевики. Однако пока никто ответственности не взял.</p>
<p><b>Ссылки&nbsp;по&nbsp;теме:</b></p>
<p><a href="/a">За 8 лет войны в Ираке погибли свыше 162 тысяч мирных жителей</a> // <a href="/">NEWSru.com</a></p>
<p><a href="/b">Дюжина взрывов в Багдаде: убиты 63 человека</a> // <a href="/">NEWSru.com</a></p></div></body></html>`,
			"Серия взрывов в Ираке", "", []string{"Четыре взрыва прогремели", "Однако пока никто"}, []string{"Ссылки", "Дюжина взрывов", "NEWSru.com"}},

		{"share icons", `<html><body><div class="content"><h1>Klaster w Mińsku</h1>
<p><a href="/print"><img src="p.gif" width="16" height="16" alt="drukuj" title="wersja do druku"></a>
<a href="/mail"><img src="m.gif" width="16" height="16" alt="wyślij"></a></p>
<p>Pięć firm członkowskich pokazało swoje produkty na targach w Mińsku. Stoisko odwiedziło kilkuset gości.</p></div></body></html>`,
			"Klaster w Mińsku", "", []string{"Pięć firm członkowskich"}, []string{"drukuj", "wersja do druku", "wyślij"}},

		{"a caption with a photo credit", `<html><body><article><h1>Goście z Białorusi</h1>
<p>Przedstawiciele ministerstwa odwiedzili siedzibę klastra w Białymstoku i rozmawiali o współpracy.</p>
<figure><img src="a.jpg" alt="Goście w siedzibie klastra"><figcaption>Goście w siedzibie klastra w Białymstoku. Fot. Jan Nowak</figcaption></figure>
<figure><img src="b.jpg" alt=""><figcaption>Podpisanie listu intencyjnego <span class="credit">Foto: PAP/Rafał Guz</span></figcaption></figure>
<p>Rozmowy trwały dwa dni i zakończyły się podpisaniem listu intencyjnego.</p></article></body></html>`,
			"Goście z Białorusi", "", []string{"Goście w siedzibie klastra w Białymstoku.", "Podpisanie listu intencyjnego"}, []string{"Jan Nowak", "Rafał Guz", "Fot.", "Foto:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := HTML(tt.html, Options{Lang: "pl"})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if got := dateString(a.Date); got != tt.date {
				t.Errorf("date %q, want %q", got, tt.date)
			}
			var all []string
			for _, b := range a.Blocks {
				if b.Kind != "description" {
					all = append(all, plain(b.Text))
				}
			}
			text := strings.Join(all, "\n")
			for _, s := range tt.with {
				if !strings.Contains(text, s) {
					t.Errorf("missing %q in\n%s", s, text)
				}
			}
			for _, s := range tt.without {
				if strings.Contains(text, s) {
					t.Errorf("leaked %q in\n%s", s, text)
				}
			}
		})
	}
}

func dateString(d interface {
	IsZero() bool
	Format(string) string
}) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}
