#!/usr/bin/env bash
# docs/operations.md promises that every command it shows is one a test runs. This checks it: each
# command line of its ```sh blocks must appear, word for word, in the package test
# (tests/package/package_test.sh), which runs them on the installed packages — after the page's
# example values are replaced by the test's (its server is localhost; ids and file names are the
# ones the commands printed). The exceptions are the commands this machine cannot run, each with
# the reason and what the test runs in its place. Usage: operations_doc_test.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
doc="$source_dir/docs/operations.md"
test_script="$source_dir/tests/package/package_test.sh"

# One command a line: continuation lines joined, runs of blanks made one.
join_lines() {
    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]\+/ /g' -e 's/ $//'
}

doc_commands=$(awk '/^```sh$/ { inside = 1; next } /^```/ { inside = 0 } inside' "$doc" | join_lines |
    grep -v -e '^$' -e '^#' |
    sed -e 's|https://okienko\.cus\.example:8443|https://localhost:8443|g' \
        -e 's|/CN=okienko\.cus\.example|/CN=localhost|g' \
        -e 's|DNS:okienko\.cus\.example,IP:10\.0\.0\.5|DNS:localhost,IP:127.0.0.1|g' \
        -e 's|central-20261206T023000Z\.db|"$backup_name"|g' \
        -e 's|st-1a2b3c4d|"$staff_id"|g')
test_lines=$(join_lines <"$test_script")

# What this machine cannot run, and why; the test's stand-in is named.
exempt() {
    case "$1" in
    "systemctl "* | "journalctl "* | "timedatectl"*)
        echo "needs systemd as PID 1: the test runs the units' ExecStartPre/ExecStart as their users" ;;
    "apt install ./"* | "apt purge "*)
        echo "the test runs apt-get install -y / purge -y on the same .deb files" ;;
    "lpinfo -v" | "lpadmin -p receipt -E -v 'usb://"* | "cupsenable receipt" | "cupsaccept receipt")
        echo "a real printer's queue: the test's private cupsd adds the raw queue receipt itself" ;;
    "scripts/demo")
        echo "a source checkout's demo, not part of an installation" ;;
    *) return 1 ;;
    esac
}

checked=0
missing=()
while IFS= read -r command; do
    checked=$((checked + 1))
    if reason=$(exempt "$command"); then
        echo "exempt: $command  ($reason)"
    elif grep -F -q -- "$command" <<<"$test_lines"; then
        echo "run:    $command"
    else
        missing+=("$command")
    fi
done <<<"$doc_commands"

((checked > 20)) || { echo "FAIL: only $checked commands found in $doc: is its format still \`\`\`sh blocks?" >&2; exit 1; }
if ((${#missing[@]} > 0)); then
    echo "FAIL: docs/operations.md shows commands no test runs (add them to tests/package/package_test.sh):" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "every one of the $checked commands of docs/operations.md is run by the package test or exempt"
