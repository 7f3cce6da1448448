package catalog

import (
	"math/rand"
	"testing"
)

// windowBrute is windowBytes by trying every start and end.
func windowBrute(s, p string, limit int) (start, width int) {
	start = -1
	for i := range len(s) {
		k := 0
		for j := i; j < len(s) && j-i+1 <= limit; j++ {
			if s[j] == p[k] {
				k++
			}
			if k == len(p) {
				if s[i] == p[0] && (start < 0 || j-i+1 < width) {
					start, width = i, j-i+1
				}
				break
			}
		}
	}
	return
}

// TestWindowBytes checks the narrowest window against trying every start
// and end, on random text of a few letters, where windows overlap and
// repeat the most.
func TestWindowBytes(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		alpha := "abcd"[:1+r.Intn(4)]
		s := make([]byte, r.Intn(60))
		for i := range s {
			s[i] = alpha[r.Intn(len(alpha))]
		}
		p := make([]byte, 1+r.Intn(6))
		for i := range p {
			p[i] = alpha[r.Intn(len(alpha))]
		}
		limit := len(p) + r.Intn(len(s)+2)
		a, b := windowBytes(string(s), string(p), limit)
		c, d := windowBrute(string(s), string(p), limit)
		if a != c || (a >= 0 && b != d) {
			t.Fatalf("windowBytes(%q, %q, %d) = %d, %d; every start and end gives %d, %d", s, p, limit, a, b, c, d)
		}
	}
}
