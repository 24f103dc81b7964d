// Package names finds the names of people and places in Polish text and
// gives their Russian and English forms.
//
// It finds a name in any case form ("z Adamem Krajewskim", "w
// Białymstoku", "do Suwałk"), brings it to the nominative, and gives:
//
//   - the Russian form: Polish people and places by the Polish–Russian
//     practical transcription rules (Krajewski → Краевский, Nowy Sącz →
//     Новы-Сонч); Russians and Belarusians written in Polish spelling
//     ("Michaił Nikołajewicz Samołazow") turned back into standard Russian
//     spelling (Михаил Николаевич Самолазов); established forms and
//     exonyms from a table (Białystok → Белосток, Brześć → Брест);
//   - the English form: exonyms from the table (Warszawa → Warsaw);
//     Polish people and places keep their Polish letters; Russians and
//     Belarusians are romanised from their Russian form.
//
// Everything it knows is data embedded from data/: the transcription
// rules (*.rules), the exceptions and exonyms (exceptions.tsv), given
// names (given.tsv), case endings (endings.tsv), irregular forms
// (forms.tsv) and a lexicon of proper nouns with their inflection classes
// (lexicon.dic, lexicon.aff), generated from Debian's hunspell-pl by
// ./gen (see data/README.md for sources and licences).
//
// Annotate lists them next to the segments of a Russian translators' file
// (names = ["Adam Krajewski = Адам Краевский"]), the glossary's form
// winning; InRussian tells whether a translation has a name in any case
// form, for the names check of internal/qa.
//
// It must not read files, the network or the workspace, and it never
// guesses a name it cannot back with a rule: a capitalised word becomes a
// name only next to a known given name or a title, as a later mention of
// a person named in full, as a place of the table, or as a proper noun of
// the lexicon after a preposition of place. Its forms are advice for
// translators: it never writes a translation.
package names
