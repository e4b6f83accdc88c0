#!/usr/bin/env bash
# The kiosk ends when its display goes away, and SIGTERM always ends it. Under cage headless, as
# an unprivileged user (cage refuses root):
#   - cage SIGKILLed: the orphaned kiosk logs the loss and exits 1 within 5 s (systemd's
#     Restart=always then brings the session back), instead of spinning in SDL's present;
#   - SIGTERM to the kiosk: exit 0 within 3 s;
#   - SIGTERM while the UI thread hangs (OKIENKO_TEST_HANG_UI): the process still ends within 5 s.
# A wrapper inside cage records cage's pid and the kiosk's pid and exit status, which outlive cage.
#
# usage: cage_display_loss_test.sh KIOSK_BINARY ASSETS_DIR LOGS_DIR
# Exit 77 (skipped) when cage or Xwayland is not installed.
set -euo pipefail

kiosk=$1
assets=$2
logs=$3

# shellcheck source=cage_common.sh
. "$(dirname "$0")/cage_common.sh"
cage_require_tools cage Xwayland
cage_prepare_work "$kiosk" "$assets" /tmp/okienko-cage-loss.XXXXXX
cleanup() {
    # Whatever a failed case left behind: the kiosk first, then its wrapper and compositor.
    for f in "$work"/out/*.kiosk-pid "$work"/out/*.cage-pid; do
        if [[ -s $f ]]; then kill -9 "$(cat "$f")" 2>/dev/null || true; fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$logs"
rm -f "$logs"/*.log
cage_write_config software

# Runs inside cage: cage's pid ($PPID), the kiosk's pid, and the kiosk's exit status once it ends.
cat >"$work/wrapper.sh" <<'EOF2'
#!/bin/sh
prefix=$1
shift
echo "$PPID" >"$prefix.cage-pid"
"$@" &
echo "$!" >"$prefix.kiosk-pid"
wait "$!"
echo "$?" >"$prefix.status"
EOF2
chmod 755 "$work/wrapper.sh"

failures=0
fail() {
    failures=$((failures + 1))
    echo "FAIL $1: $2"
    grep -v '^00:\|^\[wlr' "$logs/$1.log" | tail -15 || true
}

# Starts the kiosk under cage as case $1 (extra environment after it); waits for its first frame.
start_case() {
    local name=$1
    shift
    local prefix="$work/out/$name"
    (cd "$work" && "${run_as[@]}" env XDG_RUNTIME_DIR="$work/xdg" WLR_BACKENDS=headless WLR_RENDERER=pixman \
        WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland "$@" \
        cage -d -- "$work/wrapper.sh" "$prefix" "$work/okienko-kiosk" --config "$work/kiosk-software.toml") \
        >"$logs/$name.log" 2>&1 &
    for _ in $(seq 300); do
        grep -q "first frame presented" "$logs/$name.log" && [[ -s "$prefix.kiosk-pid" ]] && return 0
        sleep 0.1
    done
    return 1
}

# Waits up to $2 seconds for case $1's kiosk to exit; prints its status and elapsed ms.
wait_exit() {
    local prefix="$work/out/$1" limit_ms=$(($2 * 1000)) started
    started=$(date +%s%3N)
    while (($(date +%s%3N) - started < limit_ms)); do
        if [[ -s "$prefix.status" ]]; then
            echo "$(cat "$prefix.status") $(($(date +%s%3N) - started))"
            return 0
        fi
        sleep 0.05
    done
    echo "none $limit_ms"
}

# Checks case $1: exit status $2 within $3 s, and the log line $4.
check_case() {
    local name=$1 want_status=$2 limit=$3 line=$4 got status ms
    got=$(wait_exit "$name" "$limit")
    read -r status ms <<<"$got"
    if [[ $status == none ]]; then
        fail "$name" "the kiosk did not exit within $limit s"
    elif [[ $status != "$want_status" ]]; then
        fail "$name" "exit status $status, expected $want_status"
    elif ! grep -q "$line" "$logs/$name.log"; then
        fail "$name" "no log line \"$line\""
    else
        echo "ok   $name: exit $status after $ms ms"
    fi
}

name=cage-killed
if start_case "$name"; then
    kill -9 "$(cat "$work/out/$name.cage-pid")"
    check_case "$name" 1 5 "display connection lost"
else
    fail "$name" "no first frame"
fi

name=sigterm
if start_case "$name"; then
    kill -TERM "$(cat "$work/out/$name.kiosk-pid")"
    check_case "$name" 0 3 "termination signal"
else
    fail "$name" "no first frame"
fi

# The UI thread sleeps 30 s from 0.3 s after the first frame: SIGTERM is sent during that sleep.
# A watchdog period (to a socket nobody listens on) wakes the idle loop, so the hang starts.
name=sigterm-hung-ui
if start_case "$name" OKIENKO_TEST_HANG_UI=300:30000 NOTIFY_SOCKET="$work/out/nobody.sock" WATCHDOG_USEC=200000; then
    for _ in $(seq 50); do
        grep -q "UI thread hangs" "$logs/$name.log" && break
        sleep 0.1
    done
    kill -TERM "$(cat "$work/out/$name.kiosk-pid")"
    check_case "$name" 0 5 "did not stop within"
    grep -A1 "UI thread hangs" "$logs/$name.log" | grep -q "termination signal" ||
        fail "$name" "SIGTERM did not come while the UI thread hung"
else
    fail "$name" "no first frame"
fi

if ((failures > 0)); then
    echo "$failures case(s) failed; logs in $logs"
    exit 1
fi
echo "all cases passed; logs in $logs"
