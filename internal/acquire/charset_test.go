package acquire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mosty-dev/mosty/internal/sharedtest"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

const (
	polish  = "Wschodni Klaster Budowlany dzielił się swoim doświadczeniem z gośćmi z Białorusi. Źródło: Łódź, Żółć, Ścisła współpraca, ąęśćźżńół ĄĘŚĆŹŻŃÓŁ."
	russian = "Белосток посетили представители Министерства экономики Беларуси, объединений предпринимателей и компаний. Съешь же ещё этих мягких французских булок."
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func page(meta, body string) string {
	return "<html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>"
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name        string
		raw         []byte
		contentType string
		charset     string
		how         string
		want        string // a substring the text must hold
	}{
		{"utf-8 undeclared", []byte(page("", polish)), "", "utf-8", "detected", polish},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, page("", polish)...), "", "utf-8", "bom", polish},
		{"utf-8 declared", []byte(page(`<meta charset="utf-8">`, russian)), "", "utf-8", "declared", russian},
		{"windows-1250 undeclared", encode(t, charmap.Windows1250, page("", polish)), "", "windows-1250", "detected", polish},
		{"iso-8859-2 undeclared", encode(t, charmap.ISO8859_2, page("", polish)), "", "iso-8859-2", "detected", polish},
		{"windows-1251 undeclared", encode(t, charmap.Windows1251, page("", russian)), "", "windows-1251", "detected", russian},
		{"koi8-r undeclared", encode(t, charmap.KOI8R, page("", russian)), "", "koi8-r", "detected", russian},
		{"windows-1250 declared in meta", encode(t, charmap.Windows1250, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">`, polish)), "", "windows-1250", "declared", polish},
		{"koi8-r declared in meta", encode(t, charmap.KOI8R, page(`<meta charset="koi8-r">`, russian)), "", "koi8-r", "declared", russian},
		{"utf-8 declared iso-8859-2", []byte(page(`<meta charset="ISO-8859-2">`, polish)), "", "utf-8", "utf-8 despite declaration", polish},
		{"utf-8 declared windows-1251", []byte(page(`<meta charset="windows-1251">`, russian)), "", "utf-8", "utf-8 despite declaration", russian},
		{"windows-1250 declared iso-8859-2", encode(t, charmap.Windows1250, page(`<meta charset="iso-8859-2">`, polish)), "", "windows-1250", "detected", polish},
		{"windows-1250 from the HTTP header", encode(t, charmap.Windows1250, page("", polish)), "text/html; charset=windows-1250", "windows-1250", "declared", polish},
		{"utf-8 with one stray byte", []byte(page(`<meta charset="utf-8">`, polish+"\xC5 "+russian)), "", "utf-8", "declared", russian},
		{"plain ASCII", []byte(page("", "Hello world.")), "", "utf-8", "detected", "Hello world."},
		{"decomposed letters become NFC", []byte(page("", norm.NFD.String(polish))), "", "utf-8", "detected", polish},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decode(tt.raw, tt.contentType)
			if d.Charset != tt.charset || d.How != tt.how {
				t.Errorf("charset %s (%s), want %s (%s)", d.Charset, d.How, tt.charset, tt.how)
			}
			if !strings.Contains(d.Text, tt.want) {
				t.Errorf("text does not hold %q:\n%s", tt.want, d.Text)
			}
		})
	}
}

func TestDecodeStrayByteCounted(t *testing.T) {
	d := Decode([]byte(page("", polish+"\xC5 tak")), "")
	if d.Charset != "utf-8" || d.Invalid != 1 || !strings.Contains(d.Text, "\uFFFD tak") {
		t.Errorf("got %s with %d invalid, text %q", d.Charset, d.Invalid, d.Text)
	}
}

// TestDecodeCorpus reads the real pages whose charset is a trap.
func TestDecodeCorpus(t *testing.T) {
	dir := "../../../shared/corpus/real"
	tests := []struct {
		file, charset string
		invalid       int
	}{
		{"ru-chromium-win1251-nodecl.html", "windows-1251", 0},
		{"pl-wyborcza-lotos-prezes.html", "utf-8", 0},  // declares ISO-8859-2
		{"ru-daniel-baikal-mongolia.html", "utf-8", 0}, // declares windows-1251
		{"pl-radiomaryja-lux-veritatis.html", "utf-8", 1},
		{"pl-rp-sejm-fundusze.html", "windows-1250", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				sharedtest.Missing(t, "../shared/corpus/real: "+err.Error())
			}
			d := Decode(raw, "")
			if d.Charset != tt.charset || d.Invalid != tt.invalid {
				t.Errorf("charset %s with %d invalid, want %s with %d", d.Charset, d.Invalid, tt.charset, tt.invalid)
			}
			gold, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(tt.file, ".html")+".gold.txt"))
			if err == nil {
				firstLine, _, _ := strings.Cut(strings.TrimSpace(string(gold)), "\n")
				want := strings.Join(strings.Fields(firstLine), " ")
				if !strings.Contains(strings.Join(strings.Fields(d.Text), " "), want) {
					t.Errorf("text does not hold the gold's first line %q", want)
				}
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(page(`<meta charset="utf-8">`, polish)), "")
	f.Add(encode(&testing.T{}, charmap.Windows1250, polish), "")
	f.Add(encode(&testing.T{}, charmap.KOI8R, russian), "text/html; charset=koi8-r")
	f.Add([]byte{0xFF, 0xFE, 'a', 0}, "")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		d := Decode(raw, contentType)
		if !utf8.ValidString(d.Text) {
			t.Fatalf("text is not UTF-8: %q", d.Text)
		}
		if !norm.NFC.IsNormalString(d.Text) {
			t.Fatalf("text is not NFC")
		}
		if d.Charset == "" {
			t.Fatalf("no charset named")
		}
	})
}
