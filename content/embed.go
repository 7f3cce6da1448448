// Package content holds roledex's built-in catalog: the role, pillar and
// task files compiled into the binary.
package content

import "embed"

// FS holds roles/, pillars/ and tasks/.
//
//go:embed roles pillars tasks
var FS embed.FS

// Snapshot is the same catalog already parsed (catalog.Catalog.Snapshot),
// so start-up need not parse the markdown. A test in package catalog
// fails when it no longer matches FS; regenerate it with
// go test ./catalog -run TestEmbeddedSnapshot -update.
//
//go:embed catalog.gob
var Snapshot []byte
