package extract

import "github.com/andybalholm/cascadia"

func validSelector(s string) error {
	_, err := cascadia.ParseGroup(s)
	return err
}
