#!/usr/bin/env bash
# Pictures of the explorer for the README, made from the real binary.
#
#   bash docs/pictures/make.sh
#
# Builds roledex, opens each main view in a detached tmux of 120×36 with
# the dark theme, waits until the screen shows the text we expect, takes
# the screen with its colours (tmux capture-pane -e), turns it into HTML
# with aha and the HTML into a PNG with headless Chromium. Writes
# browse.png, compare.png, search.png, plan.png and pillars.png beside
# this script. Needs go, tmux, aha, chromium and the DejaVu fonts; as root
# on Debian it installs the missing ones with apt-get.
set -euo pipefail

COLS=120
ROWS=36
FONT_PX=16     # DejaVu Sans Mono: a cell is 0.602 em wide
LINE_PX=18     # the box-drawing glyphs are 1.164 em tall: no gaps between rows
PAD_PX=12
WAIT_SECONDS=20

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here"

die() { echo "make.sh: $*" >&2; exit 1; }

# --- tools -----------------------------------------------------------------
chromium_bin() { command -v chromium || command -v chromium-browser || true; }
missing=()
command -v tmux >/dev/null || missing+=(tmux)
command -v aha >/dev/null || missing+=(aha)
[[ -n "$(chromium_bin)" ]] || missing+=(chromium)
fc-list 2>/dev/null | grep -q 'DejaVu Sans Mono' || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "make.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "${missing[@]}" >/dev/null ||
      { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  else
    die "missing ${missing[*]} (Debian: apt-get install -y ${missing[*]})"
  fi
fi
command -v go >/dev/null || die "go is not on PATH"
CHROMIUM="$(chromium_bin)"
[[ -n "$CHROMIUM" ]] || die "chromium is not on PATH"

# tmux keeps box-drawing characters only in a UTF-8 locale.
export LANG=C.UTF-8 LC_ALL=C.UTF-8

tmp="$(mktemp -d)"
sock="roledex-pictures-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
  tm kill-server >/dev/null 2>&1 || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"   # tmux 3.3 leaves it behind
  rm -rf "$tmp"
}
trap cleanup EXIT

start=$SECONDS

# --- the binary and a plan file ---------------------------------------------
(cd "$root" && go build -o "$tmp/roledex" .)
bin="$tmp/roledex"
plan="$tmp/plan.json"
"$bin" --state "$plan" plan set-current devops >/dev/null
"$bin" --state "$plan" plan add-target sre-lead >/dev/null
"$bin" --state "$plan" plan add-target vp-infrastructure >/dev/null
"$bin" --state "$plan" plan shortlist platform-engineer >/dev/null
"$bin" --state "$plan" plan tick sre-lead 1 3 7 tool-datadog >/dev/null
"$bin" --state "$plan" plan tick vp-infrastructure 1 2 >/dev/null
"$bin" --state "$plan" plan note "Shadow the on-call lead in March." >/dev/null
"$bin" --state "$plan" plan note "Read the SRE book; write the first SLO for the build service." >/dev/null

# A server that stays up between the pictures, each picture in its own session.
tm new-session -d -s keep -x "$COLS" -y "$ROWS" "sleep 3600"

# --- one picture --------------------------------------------------------------
# shoot NAME EXPECTED_TEXT COMMAND...
shoot() {
  local name=$1 expect=$2; shift 2
  local cmd
  cmd="$(printf '%q ' env TERM=xterm-256color COLORTERM=truecolor "$@")"
  # Started in $tmp, so the plan screen shows "file plan.json", not a
  # random temporary path.
  tm new-session -d -s "$name" -c "$tmp" -x "$COLS" -y "$ROWS" "$cmd; sleep 3600"

  # Wait for the expected text, then for two equal captures in a row.
  local deadline=$((SECONDS + WAIT_SECONDS)) screen prev=""
  until tm capture-pane -p -t "$name" | grep -qF -- "$expect"; do
    ((SECONDS < deadline)) || {
      tm capture-pane -p -t "$name" >&2 || true
      die "$name: \"$expect\" did not show within ${WAIT_SECONDS}s (screen above)"
    }
    sleep 0.1
  done
  while :; do
    screen="$(tm capture-pane -e -p -t "$name")"
    [[ "$screen" == "$prev" ]] && break
    ((SECONDS < deadline)) || die "$name: the screen does not settle"
    prev=$screen
    sleep 0.3
  done
  tm kill-session -t "$name"

  local html="$tmp/$name.html"
  {
    cat <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body { margin: 0; padding: 0; background: #000; }
pre {
  margin: 0; padding: ${PAD_PX}px;
  width: ${COLS}ch; height: $((ROWS * LINE_PX))px; overflow: hidden;
  font-family: "DejaVu Sans Mono", monospace; font-size: ${FONT_PX}px;
  line-height: ${LINE_PX}px; color: #d0d0d0; background: #000;
  font-variant-ligatures: none; white-space: pre;
}
</style></head><body><pre>
EOF
    printf '%s\n' "$screen" | aha --black --no-header
    echo '</pre></body></html>'
  } >"$html"

  local width height
  width=$(awk -v c="$COLS" -v f="$FONT_PX" -v p="$PAD_PX" \
    'BEGIN { w = c * f * 1233 / 2048 + 2 * p; printf "%d", (w == int(w)) ? w : int(w) + 1 }')
  height=$((ROWS * LINE_PX + 2 * PAD_PX))
  local png="$out/$name.png" profile
  profile="$(mktemp -d -p "$tmp")"
  rm -f "$png"
  if ! "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
      --no-first-run --disable-background-networking --disable-component-update \
      --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
      --user-data-dir="$profile" --window-size="$width,$height" \
      --screenshot="$png" "file://$html" >"$tmp/chromium.log" 2>&1 || [[ ! -s "$png" ]]; then
    cat "$tmp/chromium.log" >&2
    die "$name: chromium did not write $png"
  fi
  echo "wrote $png (${width}x${height}, $(($(stat -c %s "$png") / 1024)) KB)"
}

# --- the views -----------------------------------------------------------------
shoot browse "Automates the road from a commit" \
  "$bin" ui devops --theme dark
shoot compare "Platform Engineer" \
  "$bin" ui devops sre platform-engineer --theme dark
shoot search "On-call rotation" \
  "$bin" ui --search "on-call" --theme dark
shoot plan "VP Infrastructure" \
  "$bin" --state plan.json ui --screen plan --theme dark
shoot pillars "Operational Excellence" \
  "$bin" ui --screen pillars --theme dark

echo "done in $((SECONDS - start))s"
