package plan

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// The lock is a file created with O_CREATE|O_EXCL next to the plan: it
// works the same on Linux, macOS and Windows and on network folders. A
// holder keeps it for the few milliseconds of a read-merge-write; a lock
// older than staleAfter was left by a process that died, and is broken.
var (
	staleAfter  = 10 * time.Second
	lockTimeout = staleAfter + 2*time.Second
	lockPoll    = 15 * time.Millisecond
)

// acquireLock takes the lock file at path and returns the function that
// releases it.
func acquireLock(path string) (func(), error) {
	token := lockToken()
	deadline := time.Now().Add(lockTimeout)
	for {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			_, werr := f.WriteString(token)
			cerr := f.Close()
			if werr != nil || cerr != nil {
				os.Remove(path)
				return nil, fmt.Errorf("cannot write lock file %s: %w", path, errors.Join(werr, cerr))
			}
			return func() { releaseLock(path, token) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot create lock file: %w", err)
		}
		breakStale(path)
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the plan is locked by another roledex (lock file %s); if none is running, delete that file", path)
		}
		time.Sleep(lockPoll)
	}
}

// breakStale removes the lock file at path if it is older than staleAfter.
// Just before removing it looks again, so that a lock another process
// took in the meantime (a new file, a new time) is left alone; what
// remains is the moment between that look and the remove.
func breakStale(path string) {
	fi, err := os.Stat(path)
	if err != nil || time.Since(fi.ModTime()) < staleAfter {
		return
	}
	if again, err := os.Stat(path); err == nil && again.ModTime().Equal(fi.ModTime()) && again.Size() == fi.Size() {
		os.Remove(path)
	}
}

// releaseLock removes the lock file if it is still ours (it is not if it
// was broken as stale and taken by another process).
func releaseLock(path, token string) {
	if held, err := os.ReadFile(path); err == nil && string(held) == token {
		os.Remove(path)
	}
}

func lockToken() string {
	b := make([]byte, 8)
	rand.Read(b)
	host, _ := os.Hostname()
	return fmt.Sprintf("roledex pid %d on %s at %s, %s\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339), hex.EncodeToString(b))
}
