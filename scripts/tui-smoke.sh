#!/usr/bin/env bash
# TUI smoke test: builds avenant, runs `avenant demo` in a detached tmux
# session, drives it with send-keys and checks what capture-pane shows at
# each step. Exits 0 when every screen shows what it should, 1 otherwise;
# skips (exit 0 with a message) when tmux is missing.
#
#   scripts/tui-smoke.sh            # run the checks
#   SMOKE_CAPTURE=out.txt scripts/tui-smoke.sh   # also save the first screen at 100x30,
#                                                # and a tariff diff in out.txt.diff
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null; then
  echo "tui-smoke: tmux not installed; skipping" >&2
  exit 0
fi

work=$(mktemp -d)
session="avenant-smoke-$$"
# A private tmux server socket, so that the user's sessions are untouched.
tm() { tmux -L "$session" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/avenant" ./cmd/avenant

# The demo's temporary stores go to a directory of our own, so that the
# SIGHUP check below sees only ours.
mkdir -p "$work/tmp"
tm -f /dev/null new-session -d -s "$session" -x 100 -y 30 \
  "cd '$work' && TMPDIR='$work/tmp' TERM=xterm-256color '$work/avenant' demo; echo AVENANT-EXITED-\$?; sleep 30"

failed=0
# expect TEXT [TIMEOUT]: wait until the pane shows TEXT.
expect() {
  local want=$1 deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do
    if tm capture-pane -p -t "$session" | grep -qF -- "$want"; then
      echo "ok   shows: $want"
      return 0
    fi
    sleep 0.2
  done
  echo "FAIL does not show: $want" >&2
  tm capture-pane -p -t "$session" >&2
  failed=1
}
keys() { tm send-keys -t "$session" "$@"; }

expect "CONV-2024-06 → AV1-2025 · outline" 20
expect "avenant demo ·"
expect "Titre 2 - L'accès aux soins"
if [ -n "${SMOKE_CAPTURE:-}" ]; then tm capture-pane -p -t "$session" >"$SMOKE_CAPTURE"; fi

keys v;                      expect "●─┴─┘"
keys j j j j Enter;          expect "RA-2023 → CNAM-2024-02 · outline"
keys / ; keys -l "cotée GS"; keys Enter
expect "filter: search"
keys Enter;                  expect "amount GS: 26,50 € → 30 €"
if [ -n "${SMOKE_CAPTURE:-}" ]; then tm capture-pane -p -t "$session" >"$SMOKE_CAPTURE.diff"; fi
keys s;                      expect "RA-2023: 10"
# Search, then enter on the tariff row it lands on.
keys Escape; sleep 0.3
keys / ; keys -l "visite longue et complexe"; keys Enter
expect "(1 match)"
keys Enter;                  expect "| VL | Visite longue et complexe"
keys Escape; sleep 0.3; keys Escape; sleep 0.3
# Go to a clause by number.
keys : ; keys -l "19.3"; keys Enter; keys Enter
expect "Article 19.3 - Engagements du médecin"
keys Escape; sleep 0.3
keys : ; keys -l "10"; keys Enter; keys Enter
keys h;                      expect "History of Article 10"
keys b;                      expect "Blame of Article 10"
keys ?;                      expect "press any key to close the help"
# One Escape at a time: two in a row read as alt+escape.
for _ in 1 2 3 4; do keys Escape; sleep 0.3; done
expect "· outline"
keys c;                      expect "changed only"
# At 80x24 the footer still shows ? help and q quit.
tm resize-window -t "$session" -x 80 -y 24
expect "? help • q quit"
keys q;                      expect "AVENANT-EXITED-0"

# Closing the terminal (SIGHUP) removes the demo's temporary store.
tm new-session -d -s "$session-hup" -x 100 -y 30 \
  "cd '$work' && TMPDIR='$work/tmp' TERM=xterm-256color '$work/avenant' demo"
deadline=$((SECONDS + 20))
until tm capture-pane -p -t "$session-hup" 2>/dev/null | grep -qF "avenant demo ·" || ((SECONDS > deadline)); do sleep 0.2; done
if ! compgen -G "$work/tmp/avenant-demo-*" >/dev/null; then
  echo "FAIL the demo's store is not in \$TMPDIR while it runs" >&2; failed=1
fi
tm kill-session -t "$session-hup"
sleep 1
if compgen -G "$work/tmp/avenant-demo-*" >/dev/null; then
  echo "FAIL SIGHUP left $(ls -d "$work"/tmp/avenant-demo-*)" >&2; failed=1
else
  echo "ok   SIGHUP removed the demo store"
fi

if ((failed)); then
  echo "tui-smoke: FAILED" >&2
  exit 1
fi
echo "tui-smoke: all screens as expected"
