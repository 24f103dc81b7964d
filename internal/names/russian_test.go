package names

import "testing"

func TestInRussian(t *testing.T) {
	krajewski := Transcribe("Adam Krajewski", Person)
	bialorus := Transcribe("Białoruś", Place)
	tests := []struct {
		name        string
		n           Name
		translation string
		want        bool
	}{
		{"nominative", krajewski, "Представлял Адам Краевский.", true},
		{"genitive", krajewski, "Письмо от Адама Краевского.", true},
		{"instrumental", krajewski, "Встреча с Адамом Краевским.", true},
		{"misspelt", krajewski, "Представлял Адам Крайевский.", false},
		{"surname missing", krajewski, "Представлял Адам.", false},
		{"ё written е", Transcribe("Zielona Góra", Place), "в Зелена-Гуре", true},
		{"hyphen as a space", Transcribe("Bielsko-Biała", Place), "в Бельско Бяле", true},
		{"plural town", Transcribe("Suwałki", Place), "в Сувалках", true},
		{"soft sign", Transcribe("Poznań", Place), "из Познани", true},
		{"another accepted form", bialorus, "из Белоруссии", true},
		{"the first form", bialorus, "из Беларуси", true},
		{"fleeting vowel", Transcribe("Paweł Kukiz", Person), "с Павлом Кукизом", true},
		{"a similar word is not the name", Transcribe("Adam Nowak", Person), "Адам Новаковский", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.n.InRussian(RussianWords(tt.translation)); got != tt.want {
				t.Errorf("%q in %q: %v, want %v", tt.n.Russian, tt.translation, got, tt.want)
			}
		})
	}
}
