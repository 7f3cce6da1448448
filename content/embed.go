// Package content holds roledex's built-in catalog: the role, pillar and
// task files compiled into the binary.
package content

import "embed"

// FS holds roles/, pillars/ and tasks/.
//
//go:embed roles pillars tasks
var FS embed.FS
