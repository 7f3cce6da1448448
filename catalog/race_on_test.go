//go:build race

package catalog

// raceEnabled: the race detector is on. sync.Pool then drops pooled
// scratch memory at random, so allocation counts say nothing.
const raceEnabled = true
