package extract

import "testing"

func TestCanonical(t *testing.T) {
	body := `<body><article><h1>Rozmowy</h1><p>Przedstawiciele klastra rozmawiali o wspólnych projektach budowlanych.</p></article></body>`
	for _, tt := range []struct{ name, head, want string }{
		{"link rel canonical", `<link rel="canonical" href=" https://wkb.pl/aktualnosci/rozmowy/ ">`, "https://wkb.pl/aktualnosci/rozmowy/"},
		{"og:url", `<meta property="og:url" content="https://wkb.pl/a/1">`, "https://wkb.pl/a/1"},
		{"the link wins", `<meta property="og:url" content="https://wkb.pl/a/1"><link rel="Canonical" href="https://wkb.pl/a/2">`, "https://wkb.pl/a/2"},
		{"none", ``, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := HTML(`<html><head>`+tt.head+`</head>`+body+`</html>`, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Canonical != tt.want {
				t.Errorf("canonical %q, want %q", a.Canonical, tt.want)
			}
		})
	}
}
