# shellcheck shell=bash
# Sourced by the cage tests: the tools they need, the unprivileged user cage runs as (it refuses
# root), a work directory that user can read, and the kiosk configuration they run with.

# Exits 77 (skipped) unless every named tool is installed.
cage_require_tools() {
    local tool
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "SKIP: $tool is not installed (scripts/bootstrap installs it)"
            exit 77
        fi
    done
}

# Sets user, run_as (the command prefix that runs as that user) and work (a new directory holding
# a copy of KIOSK, the Vulkan stub built beside it, ASSETS, xdg/ for XDG_RUNTIME_DIR and out/ the
# user may write).
# usage: cage_prepare_work KIOSK_BINARY ASSETS_DIR MKTEMP_TEMPLATE
# shellcheck disable=SC2034 # run_as and user are for the sourcing script
cage_prepare_work() {
    run_as=()
    user=$(id -un)
    if [[ $(id -u) -eq 0 ]]; then
        user=okienko-cagetest
        if ! id "$user" >/dev/null 2>&1; then
            # Another cage test may create it at the same moment: then it exists all the same.
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user" ||
                id "$user" >/dev/null
        fi
        run_as=(runuser -u "$user" --)
    fi
    work=$(mktemp -d "$3")
    chmod 755 "$work"
    # Everything the kiosk reads must be readable by its user; a checkout under /root is not.
    cp -r "$2" "$work/assets"
    cp "$1" "$work/okienko-kiosk"
    # The stub Vulkan loader that keeps EGL out of the kiosk's Wayland window (decision 0016), where
    # the kiosk looks first: beside its executable.
    local stub
    stub="$(dirname "$1")/libokienko-vulkan-stub.so"
    if [[ -f "$stub" ]]; then cp "$stub" "$work/"; fi
    mkdir -m 700 "$work/xdg"
    mkdir "$work/out"
    chmod -R a+rX "$work/assets"
    if [[ $(id -u) -eq 0 ]]; then chown "$user" "$work/xdg" "$work/out"; fi
}

# Writes $work/kiosk-RENDERER.toml: a portrait 1080×1920 fullscreen kiosk, whatever the output is.
cage_write_config() { # renderer
    cat >"$work/kiosk-$1.toml" <<EOF
[kiosk]
id = "cage-test"
name = "Cage test kiosk"

[display]
fullscreen = true
width = 1080
height = 1920
panel_width_mm = 268.0
renderer = "$1"

[ui]
languages = ["pl", "uk", "en"]
default_language = "pl"

[data]
directory = "$work/out/data-$1"
assets = "$work/assets"
catalog = "$work/assets/catalog/lapy.json"
EOF
}
