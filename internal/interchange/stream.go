package interchange

import (
	"bufio"
	"io"
)

// A DocWriter writes a translators' file a document at a time: Doc
// writes a document as soon as it is made, Close ends the file. It holds
// nothing but the document being written, so a file of 100,000 articles
// costs the memory of one. Doc and Close return the first error of the
// writer underneath, so that a failed write stops the export.
type DocWriter interface {
	Doc(d Doc) error
	Close() error
}

// streamWriter is what every format's writer shares: a buffered writer
// that remembers its first error, the file's start written before the
// first document (or at Close when there is none), and its end.
type streamWriter struct {
	out     *errWriter
	b       *bufio.Writer
	started bool
	start   func(b *bufio.Writer, first *Doc) // the file's start; first is nil in a file without documents
	end     string
}

func newStreamWriter(w io.Writer, start func(*bufio.Writer, *Doc), end string) *streamWriter {
	out := &errWriter{w: w}
	return &streamWriter{out: out, b: bufio.NewWriterSize(out, 64<<10), start: start, end: end}
}

// begin writes the file's start once.
func (s *streamWriter) begin(first *Doc) {
	if !s.started {
		s.started = true
		s.start(s.b, first)
	}
}

// Close ends the file and flushes it.
func (s *streamWriter) Close() error {
	s.begin(nil)
	s.b.WriteString(s.end)
	return s.b.Flush()
}

// docWriter is a DocWriter of one format: doc writes a document.
type docWriter struct {
	*streamWriter
	doc func(b *bufio.Writer, d Doc)
}

func newDocWriter(w io.Writer, start func(*bufio.Writer, *Doc), doc func(*bufio.Writer, Doc), end string) DocWriter {
	return &docWriter{newStreamWriter(w, start, end), doc}
}

func (d *docWriter) Doc(doc Doc) error {
	d.begin(&doc)
	d.doc(d.b, doc)
	return d.out.err
}

// errWriter keeps the first error of the writer underneath and fails
// every write after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// writeAll writes docs with a DocWriter and ends the file.
func writeAll(w DocWriter, docs []Doc) error {
	for _, d := range docs {
		if err := w.Doc(d); err != nil {
			return err
		}
	}
	return w.Close()
}
