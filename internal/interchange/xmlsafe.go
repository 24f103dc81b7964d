package interchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/hint"
)

// ErrEntities is returned for a document that declares entities or
// refers to outside ones (XXE, "billion laughs"): mosty never expands
// them, and refuses the file rather than read it partly.
var ErrEntities = errors.New("the document declares XML entities, which mosty refuses to expand")

// maxTokens bounds the tokens one document may have, so a hostile file
// cannot make a reader work without end.
const maxTokens = 50_000_000

// decoder reads an XML document strictly, with no entities but XML's
// own five and character references.
type decoder struct {
	*xml.Decoder
	tokens int
}

func newDecoder(r io.Reader) *decoder {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = nil // only &lt; &gt; &amp; &apos; &quot; and &#…;
	return &decoder{Decoder: d}
}

// Token returns the next token, refusing entity declarations in a
// DOCTYPE.
func (d *decoder) Token() (xml.Token, error) {
	tok, err := d.Decoder.Token()
	if err != nil {
		return nil, err
	}
	d.tokens++
	if d.tokens > maxTokens {
		return nil, fmt.Errorf("more than %d XML tokens: not a file mosty reads", maxTokens)
	}
	if dir, ok := tok.(xml.Directive); ok && (bytes.Contains(dir, []byte("ENTITY")) || bytes.Contains(dir, []byte("["))) {
		return nil, hint.Wrap(ErrEntities, "remove the <!DOCTYPE …> declaration's entities (or the whole declaration) and merge again")
	}
	return tok, nil
}

// inner returns the next token inside an element: the document may not
// end there.
func (d *decoder) inner() (xml.Token, error) {
	tok, err := d.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return tok, err
}

// xmlErr names the line of a reading error.
func xmlErr(d *decoder, err error) error {
	return fmt.Errorf("line %d: %w", lineOf(d), err)
}

func lineOf(d *decoder) int {
	line, _ := d.InputPos()
	return line
}
