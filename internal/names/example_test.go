package names_test

import (
	"fmt"

	"github.com/mosty-dev/mosty/internal/names"
)

func ExampleFind() {
	for _, n := range names.Find("Umowę z Adamem Krajewskim podpisano w Białymstoku, a potem delegacja pojechała do Suwałk.") {
		fmt.Printf("%s\t%s\t%s\n", n.Text, n.Russian, n.English)
	}
	// Output:
	// Adamem Krajewskim	Адам Краевский	Adam Krajewski
	// Białymstoku	Белосток	Białystok
	// Suwałk	Сувалки	Suwałki
}

func ExampleTranscribe() {
	for _, s := range []string{"Michaił Nikołajewicz Samołazow", "Olga Tokarczuk"} {
		n := names.Transcribe(s, names.Person)
		fmt.Println(n.Russian, "/", n.English)
	}
	fmt.Println(names.Transcribe("Warszawa", names.Place).English)
	// Output:
	// Михаил Николаевич Самолазов / Mikhail Nikolayevich Samolazov
	// Ольга Токарчук / Olga Tokarczuk
	// Warsaw
}
