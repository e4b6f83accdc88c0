#!/usr/bin/env bash
# The real okienko-kiosk under cage, the compositor it is deployed under, as an unprivileged
# user (cage refuses root): both renderers, a landscape 1280×720 output (cage's headless
# backend), a portrait 1080×1920 one and a rotated 720×1280 one. The kiosk is configured for
# 1080×1920 fullscreen every time: it must lay itself out for the output it gets. An automation
# script checks that the start screen's buttons are drawn whole and takes a screenshot, whose
# size must be the output's.
#
# 1080×1920: wlroots 0.15's headless backend makes 1280×720 outputs only, and cage 0.1.4 has no
# output management (wlr-randr: "compositor doesn't support wlr-output-management"), so that
# output comes from wlroots' X11 backend inside Xvfb, its window resized to 1080×1920.
#
# usage: cage_kiosk_test.sh KIOSK_BINARY X11_RESIZE_HELPER ASSETS_DIR SHOTS_DIR
# Exit 77 (skipped) when cage, Xwayland, Xvfb, xdotool or xwd is not installed.
set -euo pipefail

kiosk=$1
resize_helper=$2
assets=$3
shots=$4

# shellcheck source=cage_common.sh
. "$(dirname "$0")/cage_common.sh"
cage_require_tools cage Xwayland Xvfb xdotool xwd
cage_prepare_work "$kiosk" "$assets" /tmp/okienko-cage-test.XXXXXX
xvfb_pid=""
cleanup() {
    if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$shots"
rm -f "$shots"/*.png "$shots"/*.log
cage_write_config software
cage_write_config accelerated

write_script() { # name, wait_ms
    {
        # An X11 output is resized once cage is up: the kiosk lays out again.
        if (($2 > 0)); then echo "wait $2"; fi
        echo "expect-screen attract"
        for id in start lang-pl lang-uk lang-en cus-logo \
            large-text high-contrast; do
            echo "expect-whole $id"
        done
        echo "screenshot $work/out/$1.png"
    } >"$work/$1.kiosk"
}

png_size() { # file -> "WIDTHxHEIGHT" from the IHDR chunk
    local b
    read -r -a b < <(od -An -tu1 -j16 -N8 "$1")
    echo "$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))x$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))"
}

# The kiosk's environment under cage on a backend (headless, or x11 inside the Xvfb display), in
# the array cage_environment.
cage_env() { # backend
    cage_environment=(XDG_RUNTIME_DIR="$work/xdg" WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland)
    if [[ $1 == x11 ]]; then
        cage_environment+=(WLR_BACKENDS=x11 DISPLAY="$x11_display")
    else
        cage_environment+=(WLR_BACKENDS=headless)
    fi
}

# The kiosk left running by the deployed loop (no script): waits for its first frame, then sets
# kiosk_pid ("" when none came in 20 s).
wait_for_first_frame() { # log config
    kiosk_pid=""
    for _ in $(seq 200); do
        grep -q "first frame presented" "$1" 2>/dev/null &&
            kiosk_pid=$(pgrep -f "^$work/okienko-kiosk --config $2" || true)
        [[ -n "$kiosk_pid" ]] && break
        sleep 0.1
    done
}

# One case's verdict from the caller's problems array: a failure with the log's end, or ok.
report() { # label log ok_note
    if ((${#problems[@]} > 0)); then
        failures=$((failures + 1))
        echo "FAIL $1: ${problems[*]}"
        grep -v '^00:\|^\[wlr' "$2" | tail -20 || true
    else
        echo "ok   $1 $3"
    fi
}

failures=0
run_case() { # name renderer expected_size backend [cage options...]
    local name=$1 renderer=$2 expected=$3 backend=$4
    shift 4
    local wait_ms=0
    if [[ $backend == x11 ]]; then wait_ms=1500; fi
    cage_env "$backend"
    write_script "$name" "$wait_ms"
    local log="$shots/$name.log"
    local started=$SECONDS
    local resize_pid=""
    if [[ $backend == x11 ]]; then
        DISPLAY="$x11_display" "$resize_helper" "${expected%x*}" "${expected#*x}" 15000 &
        resize_pid=$!
    fi
    local status=0
    (cd "$work" && timeout 40 "${run_as[@]}" env "${cage_environment[@]}" cage -d "$@" -- "$work/okienko-kiosk" \
        --config "$work/kiosk-$renderer.toml" --script "$work/$name.kiosk" \
        --failure-shot "$work/out/failed-$name.png") >"$log" 2>&1 || status=$?
    if [[ -n "$resize_pid" ]]; then wait "$resize_pid" || true; fi
    local problems=()
    grep -q "lines passed" "$log" || problems+=("the script did not pass (cage exit $status)")
    if [[ $renderer == software ]]; then
        grep -q "renderer software" "$log" || problems+=("not drawn by the software renderer")
        grep -q "Wayland window is made without EGL" "$log" || problems+=("the window was made with EGL")
    else
        grep -q "renderer software" "$log" && problems+=("the accelerated renderer fell back to software")
    fi
    if [[ -f "$work/out/$name.png" ]]; then
        cp "$work/out/$name.png" "$shots/"
        local got
        got=$(png_size "$work/out/$name.png")
        [[ $got == "$expected" ]] || problems+=("screenshot is $got, the output $expected")
    else
        problems+=("no screenshot")
    fi
    cp "$work/out/failed-$name.png" "$shots/" 2>/dev/null || true
    report "$name ($renderer, $expected)" "$log" "in $((SECONDS - started)) s"
}

run_case landscape-1280x720-software software 1280x720 headless
run_case landscape-1280x720-accelerated accelerated 1280x720 headless
# A portrait panel driven as landscape, turned by cage: the output is 720×1280.
run_case rotated-720x1280-software software 720x1280 headless -r

# The deployed default (renderer = "auto") on this GPU-less machine, left running as in the lobby:
# the software renderer's frames reach cage as shared memory, in a window made without EGL (SDL
# 2.26 loads EGL for every Wayland window that is not a Vulkan one: the kiosk's is one, on its stub
# loader). Through SDL's own path (a GL texture drawn by llvmpipe) the first frame took ~280 ms and
# the attract screen 148 MiB of PSS; with shared-memory frames in an EGL window, 91–101 MiB, of which
# libLLVM ~45. Mesa must not be mapped at all. Now ~25 MiB idle (less while other programs share
# its libraries): the bound leaves room for a machine where none does, and fails an EGL window.
PSS_BOUND_MIB=40
cage_write_config auto
run_idle_case() {
    local log="$shots/idle-auto.log"
    cage_env headless
    (cd "$work" && timeout 30 "${run_as[@]}" env "${cage_environment[@]}" \
        cage -d -- "$work/okienko-kiosk" --config "$work/kiosk-auto.toml") >"$log" 2>&1 &
    local runner=$!
    wait_for_first_frame "$log" "$work/kiosk-auto.toml"
    local pid=$kiosk_pid
    local problems=()
    if [[ -z "$pid" ]]; then
        problems+=("no first frame")
    else
        sleep 1 # the attract screen settled, as a resident first sees it
        local pss_kib gl_mapped
        pss_kib=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
        gl_mapped=$(grep -oE 'lib(EGL|GL|GLX|LLVM)[^/ ]*\.so[^/ ]*|[a-z0-9_]+_dri\.so' "/proc/$pid/maps" | sort -u | tr '\n' ' ' || true)
        kill "$pid" 2>/dev/null || true
        grep -q "shared memory (wl_shm)" "$log" || problems+=("frames not shown as shared memory")
        grep -q "renderer software" "$log" || problems+=("not drawn by the software renderer")
        grep -q "Wayland window is made without EGL" "$log" || problems+=("the window was made with EGL")
        [[ -z "$gl_mapped" ]] || problems+=("GL libraries mapped: $gl_mapped")
        ((pss_kib <= PSS_BOUND_MIB * 1024)) || problems+=("PSS $((pss_kib / 1024)) MiB over $PSS_BOUND_MIB MiB")
        echo "     idle-auto: PSS $((pss_kib / 1024)) MiB; $(grep -o 'first frame presented.*' "$log")"
    fi
    wait "$runner" 2>/dev/null || true
    report idle-auto "$log" "(auto, 1280x720, shared-memory frames)"
}
run_idle_case

# Xvfb for the X11-backed outputs; -ac lets the kiosk's user connect.
Xvfb -displayfd 3 -screen 0 1920x1920x24 -ac -nolisten tcp 3>"$work/display" >"$shots/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -s "$work/display" ]] && break
    sleep 0.1
done
x11_display=":$(tr -d '[:space:]' <"$work/display")"
if [[ $x11_display == ":" ]]; then
    echo "FAIL: Xvfb did not start"
    cat "$shots/xvfb.log"
    exit 1
fi
# A real pointer, not the script's own taps: a click in cage's X11 window (1024×768 at the screen's
# corner) reaches the kiosk as Wayland pointer events through SDL, on the window made without EGL, and
# the attract screen, touched anywhere, opens the home screen.
run_pointer_case() {
    local name=pointer-click log="$shots/pointer-click.log"
    # The first screenshot says the attract screen is on the output; the click comes in the wait.
    printf 'expect-screen attract\nscreenshot %s\nwait 8000\nexpect-screen home\nscreenshot %s\n' \
        "$work/out/$name-attract.png" "$work/out/$name.png" >"$work/$name.kiosk"
    cage_env x11
    (cd "$work" && timeout 40 "${run_as[@]}" env "${cage_environment[@]}" \
        cage -d -- "$work/okienko-kiosk" --config "$work/kiosk-software.toml" --script "$work/$name.kiosk" \
        --failure-shot "$work/out/failed-$name.png") >"$log" 2>&1 &
    local runner=$!
    for _ in $(seq 150); do
        [[ -f "$work/out/$name-attract.png" ]] && break
        sleep 0.1
    done
    sleep 0.5
    DISPLAY="$x11_display" xdotool mousemove 400 600 sleep 0.2 click 1
    local status=0
    wait "$runner" || status=$?
    local problems=()
    grep -q "lines passed" "$log" || problems+=("the click did not open the home screen (cage exit $status)")
    grep -q "Wayland window is made without EGL" "$log" || problems+=("the window was made with EGL")
    cp "$work/out/$name.png" "$work/out/failed-$name.png" "$shots/" 2>/dev/null || true
    report "$name" "$log" "(a pointer click through cage opens the home screen)"
}
run_pointer_case

# The deployed loop (no script), idle: only the frame on screen is kept (one wl_shm buffer, not two);
# a click afterwards must still reach the screen: what cage shows (its X11 window, read with xwd)
# changes from the attract screen to the next one.
run_idle_click_case() {
    local name=idle-click log="$shots/idle-click.log"
    cage_env x11
    (cd "$work" && timeout 30 "${run_as[@]}" env "${cage_environment[@]}" \
        cage -d -- "$work/okienko-kiosk" --config "$work/kiosk-software.toml") >"$log" 2>&1 &
    local runner=$!
    wait_for_first_frame "$log" "$work/kiosk-software.toml"
    local pid=$kiosk_pid
    local problems=()
    if [[ -z "$pid" ]]; then
        problems+=("no first frame")
    else
        sleep 2.5 # idle for longer than the second after which the second buffer goes
        local buffers
        buffers=$(grep -c 'memfd:okienko-frame' "/proc/$pid/maps" || true)
        ((buffers == 1)) || problems+=("$buffers shared-memory buffers kept while idle, not 1")
        DISPLAY="$x11_display" xwd -root -silent >"$work/out/idle.xwd"
        DISPLAY="$x11_display" xdotool mousemove 400 600 sleep 0.2 click 1
        sleep 1.5
        DISPLAY="$x11_display" xwd -root -silent >"$work/out/after-click.xwd"
        cmp -s "$work/out/idle.xwd" "$work/out/after-click.xwd" &&
            problems+=("the output did not change after the click")
        kill "$pid" 2>/dev/null || true
    fi
    wait "$runner" 2>/dev/null || true
    report "$name" "$log" "(one buffer kept while idle; a click afterwards reaches the output)"
}
run_idle_click_case
run_case portrait-1080x1920-software software 1080x1920 x11
run_case portrait-1080x1920-accelerated accelerated 1080x1920 x11
run_case landscape-1920x1080-software software 1920x1080 x11

if ((failures > 0)); then
    echo "$failures run(s) failed; screenshots and logs in $shots"
    exit 1
fi
echo "all runs passed; screenshots in $shots"
