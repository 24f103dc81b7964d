package workspace

// collect gathers what each gives one at a time (a streaming operation's
// callback), for callers that want it all.
func collect[T any](each func(use func(T) error) error) ([]T, error) {
	var out []T
	err := each(func(v T) error {
		out = append(out, v)
		return nil
	})
	return out, err
}
