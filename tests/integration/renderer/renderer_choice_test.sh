#!/usr/bin/env bash
# renderer = "auto" (the default) on a PC without a GPU: the kiosk draws with SDL's software
# renderer and never loads Mesa's llvmpipe, whose libLLVM alone is ~40 MiB of PSS. The real
# okienko-kiosk in an Xvfb window, as a GPU-less kiosk PC runs it; "accelerated" still gives GL
# (llvmpipe here) for a PC whose GPU the probe would not see.
#
# usage: renderer_choice_test.sh KIOSK_BINARY ASSETS_DIR
# Exit 77 (skipped) when Xvfb is not installed.
set -euo pipefail

kiosk=$1
assets=$2
command -v Xvfb >/dev/null || {
    echo "SKIP: Xvfb is not installed (scripts/bootstrap installs it)"
    exit 77
}
work=$(mktemp -d /tmp/okienko-renderer-test.XXXXXX)
xvfb_pid=""
kiosk_pid=""
cleanup() {
    if [[ -n "$kiosk_pid" ]]; then kill "$kiosk_pid" 2>/dev/null || true; fi
    if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -s "$work/display" ]] && break
    sleep 0.1
done
display=":$(tr -d '[:space:]' <"$work/display")"
[[ $display != ":" ]] || {
    echo "FAIL: Xvfb did not start"
    exit 1
}

write_config() { # name, renderer line
    cat >"$work/$1.toml" <<TOML
[kiosk]
id = "renderer-test"
name = "Renderer test kiosk"
[display]
fullscreen = true
panel_width_mm = 477.0
$2
[data]
directory = "$work/data-$1"
assets = "$assets"
catalog = "$assets/catalog/lapy.json"
TOML
}

# Starts the kiosk with config NAME, waits for its first frame, sets pss_kib; leaves it running.
start_until_first_frame() { # name
    local log="$work/$1.log"
    DISPLAY=$display "$kiosk" --config "$work/$1.toml" 2>"$log" &
    kiosk_pid=$!
    for _ in $(seq 300); do
        grep -q "first frame presented" "$log" && break
        kill -0 "$kiosk_pid" 2>/dev/null || break
        sleep 0.1
    done
    if ! grep -q "first frame presented" "$log"; then
        echo "FAIL $1: no first frame"
        cat "$log"
        exit 1
    fi
    sleep 1 # the attract screen settled, as a resident first sees it
    pss_kib=$(awk '/^Pss:/ {print $2}' "/proc/$kiosk_pid/smaps_rollup")
    llvm_maps=$(grep -c "libLLVM" "/proc/$kiosk_pid/maps" || true)
}

stop_kiosk() {
    kill "$kiosk_pid"
    wait "$kiosk_pid" 2>/dev/null || true
    kiosk_pid=""
}

failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

# The default: no renderer line at all.
write_config default ""
start_until_first_frame default
stop_kiosk
log="$work/default.log"
grep -q "renderer software" "$log" || fail "default: not drawn by the software renderer: $(grep renderer "$log")"
if grep -q "no GPU (no DRM render node)" "$log"; then
    # Chosen before any GL was loaded: llvmpipe is nowhere in the process.
    ((llvm_maps == 0)) || fail "default: libLLVM is mapped although no GPU was found"
    ((pss_kib <= 60 * 1024)) || fail "default: PSS $((pss_kib / 1024)) MiB over 60 MiB"
    echo "ok   default: no GPU, software renderer, PSS $((pss_kib / 1024)) MiB, libLLVM not loaded"
elif grep -q "GL is drawn by" "$log"; then
    # A machine with a GPU whose X server draws GL on the CPU (Xvfb always does).
    echo "ok   default: GL found to be a CPU rasteriser, software renderer, PSS $((pss_kib / 1024)) MiB"
else
    fail "default: no reason given for the software renderer"
fi

write_config accelerated 'renderer = "accelerated"'
start_until_first_frame accelerated
stop_kiosk
if grep -q "renderer opengl" "$work/accelerated.log"; then
    echo "ok   accelerated: GL kept as configured, PSS $((pss_kib / 1024)) MiB"
elif grep -q "accelerated renderer unavailable" "$work/accelerated.log"; then
    echo "ok   accelerated: no GL on this machine at all, software renderer"
else
    fail "accelerated: $(grep renderer "$work/accelerated.log")"
fi
exit $((failures > 0))
