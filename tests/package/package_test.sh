#!/usr/bin/env bash
# The Debian packages on the machine the tests run on (root, usually without systemd as PID 1):
# built, checked by lintian, installed, run as their units would run them, upgraded and purged.
# One script, one step per ctest test (tests/package/CMakeLists.txt orders them with fixtures):
#   package_test.sh debs|lintian|install|upgrade|purge SOURCE_DIR BUILD_DIR
# install leaves a marker; upgrade and purge act only on an installation the test made, and purge
# (a fixture cleanup, run even when a step failed) leaves the machine as it found it. Steps that
# install exit 77 (skipped) when not root or when okienko packages were already installed.
set -euo pipefail
step=$1
source_dir=$2
build_dir=$3

debs="$build_dir/packages"
upgrade_debs="$debs/upgrade"
work="$build_dir/tests/package"
marker="$work/installed-by-test"
groups_made="$work/groups-made"
conf=/etc/okienko
kiosk_user=okienko-kiosk
central_user=okienko-central
notify_wait="$build_dir/tests/package/okienko-test-notify-wait"
mkdir -p "$work"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
say() { echo "== $*"; }

# expect_path PATH MODE OWNER GROUP
expect_path() {
    local actual
    actual=$(stat -c '%a %U %G' "$1") || fail "$1 is missing"
    [[ "$actual" == "$2 $3 $4" ]] || fail "$1 is '$actual', expected '$2 $3 $4'"
}

require_root() {
    if [[ $(id -u) -ne 0 ]]; then
        echo "skipped: installing packages needs root"
        exit 77
    fi
}

require_test_installation() {
    require_root
    if [[ ! -f "$marker" ]]; then
        echo "skipped: no installation made by package_install"
        exit 77
    fi
}

# The newest input of the packages: when nothing is newer than the .debs, they are current.
debs_current() {
    local deb
    for deb in "$debs"/okienko-kiosk_*.deb "$debs"/okienko-central_*.deb; do
        [[ -f "$deb" ]] || return 1
        if [[ -n $(find "$build_dir/kiosk/platform/okienko-kiosk" "$build_dir/server/okienko-central" \
            "$build_dir/CPackConfig.cmake" "$source_dir/packaging" "$source_dir/systemd" "$source_dir/assets" \
            -newer "$deb" -print -quit) ]]; then
            return 1
        fi
    done
}

step_debs() {
    # scripts/test packages the release build before ctest runs: reuse those .debs when current.
    if debs_current; then
        say "packages are current"
    else
        "$source_dir/scripts/package" --build-dir "$build_dir" --output "$debs"
    fi
    # The same packages with a higher version (<version>-1), for the upgrade.
    rm -rf "$upgrade_debs"
    "$source_dir/scripts/package" --build-dir "$build_dir" --output "$upgrade_debs" --release 1
    ls -l "$debs"/*.deb "$upgrade_debs"/*.deb
}

step_lintian() {
    command -v lintian >/dev/null || fail "lintian is not installed (scripts/bootstrap installs it)"
    # Errors fail; warnings are listed. The packages' own overrides say why a tag is accepted.
    lintian --fail-on error --display-level '>=warning' "$debs"/okienko-kiosk_*.deb "$debs"/okienko-central_*.deb
}

# The installed server unit's ExecStartPre and ExecStart, as its user with its umask, with the
# installed configuration and a certificate made here; it must answer over HTTPS.
# Prints nothing; with a token, also checks that the token is accepted.
run_server() {
    local token=${1:-} log="$work/central.log" pid code
    (
        umask 0077
        setpriv --reuid=$central_user --regid=$central_user --init-groups \
            /usr/bin/okienko-central --config $conf/central.toml init
    ) || fail "init as $central_user failed"
    (
        umask 0077
        exec setsid setpriv --reuid=$central_user --regid=$central_user --init-groups \
            /usr/bin/okienko-central --config $conf/central.toml serve
    ) >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        grep -q '^listening on' "$log" && break
        sleep 0.1
    done
    code=$(curl -sS --cacert "$work/pki/ca.crt" -o /dev/null -w '%{http_code}' https://localhost:8443/panel/login) ||
        true
    local authorised=200
    if [[ -n "$token" ]]; then
        authorised=$(curl -sS --cacert "$work/pki/ca.crt" -o /dev/null -w '%{http_code}' \
            -H "Authorization: Bearer $token" https://localhost:8443/api/v1/changes) || true
    fi
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" || true
    cat "$log"
    [[ "$code" == 200 ]] || fail "the server did not answer over HTTPS (GET /panel/login: '$code')"
    [[ "$authorised" == 200 ]] || fail "the kiosk's token was refused (GET /api/v1/changes: '$authorised')"
}

# The installed kiosk unit's ExecStart under cage headless, as the kiosk user: it must say READY=1
# (its first frame is on the screen) on a notify socket the test owns.
run_kiosk() {
    local exec_start runtime="$work/kiosk-runtime"
    exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/okienko-kiosk.service)
    [[ "$exec_start" == "/usr/bin/cage -d -- /usr/bin/okienko-kiosk --config /etc/okienko/kiosk.toml" ]] ||
        fail "unexpected ExecStart: $exec_start"
    rm -rf "$runtime"
    install -d -m 0700 -o $kiosk_user -g $kiosk_user "$runtime"
    # shellcheck disable=SC2086 # ExecStart's words
    (
        umask 0077
        env -i PATH=/usr/bin:/bin HOME=/var/lib/okienko-kiosk XDG_RUNTIME_DIR="$runtime" \
            WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland \
            "$notify_wait" READY=1 30 \
            setpriv --reuid=$kiosk_user --regid=$kiosk_user --init-groups $exec_start
    ) || fail "the kiosk under cage never said READY=1"
    rm -rf "$runtime"
}

step_install() {
    require_root
    if dpkg-query -W -f='${Status}' okienko-kiosk okienko-central 2>/dev/null | grep -q 'ok installed'; then
        echo "skipped: okienko packages are installed on this machine; the test leaves them alone"
        exit 77
    fi
    # What purge must restore: the users and the groups the kiosk's sysusers.d file may add.
    : >"$groups_made"
    local group
    for group in video render input $kiosk_user $central_user; do
        getent group "$group" >/dev/null || echo "$group" >>"$groups_made"
    done
    touch "$marker"

    say "apt-get install"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "$debs"/okienko-central_*.deb "$debs"/okienko-kiosk_*.deb >"$work/apt-install.log" 2>&1 ||
        { cat "$work/apt-install.log"; fail "apt-get install"; }

    say "users, directories, configuration"
    getent passwd $central_user | grep -q ':/var/lib/okienko:/usr/sbin/nologin$' || fail "user $central_user"
    getent passwd $kiosk_user | grep -q ':/var/lib/okienko-kiosk:/usr/sbin/nologin$' || fail "user $kiosk_user"
    id -nG $kiosk_user | tr ' ' '\n' | grep -qx render || fail "$kiosk_user is not in the render group"
    expect_path /var/lib/okienko 700 $central_user $central_user
    expect_path /var/backups/okienko 700 $central_user $central_user
    expect_path /var/lib/okienko-kiosk 700 $kiosk_user $kiosk_user
    expect_path $conf 755 root root
    expect_path $conf/central.toml 640 root $central_user
    expect_path $conf/kiosk.toml 640 root $kiosk_user
    dpkg-query -W -f='${Conffiles}\n' okienko-central | grep -q "$conf/central.toml" || fail "central.toml conffile"
    dpkg-query -W -f='${Conffiles}\n' okienko-kiosk | grep -q "$conf/kiosk.toml" || fail "kiosk.toml conffile"
    [[ -L /usr/share/okienko/assets/fonts/DejaVuSans.ttf && -f /usr/share/okienko/assets/fonts/DejaVuSans.ttf ]] ||
        fail "the kiosk's font link is broken"
    [[ -f /usr/share/okienko/catalog/lapy.json ]] || fail "the seed catalogue for import-catalog"
    # Services wait for the operator; the timers the server package ships (backups) are on.
    local timer
    for timer in /lib/systemd/system/okienko-*.timer; do
        [[ -e "$timer" ]] || continue
        [[ -L "/etc/systemd/system/timers.target.wants/$(basename "$timer")" ]] || fail "$timer is not enabled"
    done
    [[ ! -e /etc/systemd/system/multi-user.target.wants/okienko-central.service ]] ||
        fail "okienko-central.service was enabled before it has a certificate"

    say "--version"
    local version
    version=$(sed -n 's/^project(okienko VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
    [[ $(okienko-central --version) == "okienko-central $version" ]] || fail "okienko-central --version"
    [[ $(okienko-kiosk --version) == "okienko-kiosk $version" ]] || fail "okienko-kiosk --version"

    say "an un-enrolled kiosk is refused"
    local check
    check=$(okienko-kiosk --check-config $conf/kiosk.toml) && fail "check-config accepted an un-enrolled kiosk"
    echo "$check"
    grep -q 'not enrolled: run okienko-kiosk --enrol' <<<"$check" || fail "check-config does not say the kiosk is not enrolled"

    say "systemd-analyze"
    local unit exposure limit
    for unit in okienko-central.service okienko-kiosk.service; do
        systemd-analyze verify "/lib/systemd/system/$unit" || fail "systemd-analyze verify $unit"
        exposure=$(systemd-analyze security --offline=yes "/lib/systemd/system/$unit" |
            sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
        limit=2.0
        if [[ $unit == okienko-kiosk.service ]]; then limit=2.5; fi
        echo "$unit: exposure $exposure (limit $limit)"
        awk -v e="$exposure" -v l="$limit" 'BEGIN { exit !(e != "" && e <= l) }' || fail "$unit exposure $exposure > $limit"
    done

    say "the server unit's commands, as $central_user"
    rm -rf "$work/pki" && mkdir -p "$work/pki"
    (
        cd "$work/pki"
        openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj "/CN=Okienko package test CA" \
            -keyout ca.key -out ca.crt 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=localhost" -keyout server.key -out server.csr \
            2>/dev/null
        printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=CA:FALSE" \
            "extendedKeyUsage=serverAuth" >server.ext
        openssl x509 -req -sha256 -days 2 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
            -extfile server.ext -out server.crt 2>/dev/null
    )
    install -m 0644 "$work/pki/server.crt" $conf/central.crt
    install -m 0640 -g $central_user "$work/pki/server.key" $conf/central.key
    # The operator's steps (packaging/central.toml's header): check, start the unit (its init makes
    # the database under UMask=0077), import the catalogue as the service user.
    okienko-central --config $conf/central.toml check-config
    run_server
    expect_path /var/lib/okienko/central.db 600 $central_user $central_user
    runuser -u $central_user -- okienko-central --config $conf/central.toml \
        import-catalog /usr/share/okienko/catalog/lapy.json
    local db_file
    for db_file in /var/lib/okienko/*; do
        expect_path "$db_file" 600 $central_user $central_user
    done

    say "the kiosk unit's command, as $kiosk_user under cage"
    # The enrolment's part, by hand: the kiosk's id.
    sed -i 's/^# id = .*/id = "package-test"/' $conf/kiosk.toml
    okienko-kiosk --check-config $conf/kiosk.toml
    run_kiosk
    expect_path /var/lib/okienko-kiosk/kiosk.sqlite3 600 $kiosk_user $kiosk_user
}

step_upgrade() {
    require_test_installation
    say "data before the upgrade: a kiosk registered on the server"
    local token uids_before
    token=$(runuser -u $central_user -- okienko-central --config $conf/central.toml add-kiosk package-upgrade)
    uids_before=$(id $central_user; id $kiosk_user)

    say "apt-get install of $(basename "$upgrade_debs"/okienko-central_*.deb) over the installed packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "$upgrade_debs"/okienko-central_*.deb "$upgrade_debs"/okienko-kiosk_*.deb >"$work/apt-upgrade.log" 2>&1 ||
        { cat "$work/apt-upgrade.log"; fail "apt-get install (upgrade)"; }
    [[ $(dpkg-query -W -f='${Version}' okienko-central) == *-1 ]] || fail "okienko-central was not upgraded"
    [[ $(dpkg-query -W -f='${Version}' okienko-kiosk) == *-1 ]] || fail "okienko-kiosk was not upgraded"

    say "kept: users, the edited conffile, modes, data"
    [[ $(id $central_user; id $kiosk_user) == "$uids_before" ]] || fail "the service users changed"
    grep -q '^id = "package-test"' $conf/kiosk.toml || fail "the edit of kiosk.toml was lost"
    expect_path $conf/kiosk.toml 640 root $kiosk_user
    expect_path $conf/central.toml 640 root $central_user
    expect_path /var/lib/okienko 700 $central_user $central_user
    expect_path /var/lib/okienko-kiosk/kiosk.sqlite3 600 $kiosk_user $kiosk_user
    # The server starts on the kept database (init applies what migrations there are) and knows the kiosk.
    run_server "$token"
}

step_purge() {
    if [[ ! -f "$marker" ]]; then
        echo "nothing to purge: the test installed nothing"
        exit 0
    fi
    require_root
    # A step killed at its time limit can leave a server or a kiosk running as the service users,
    # which exist only because package_install made them (the marker): those processes are the test's.
    local pids
    pids=$(pgrep -u "$kiosk_user,$central_user" || true)
    if [[ -n "$pids" ]]; then
        echo "stopping what a step left running: ${pids//$'\n'/ }"
        # shellcheck disable=SC2086 # one pid a word
        kill -KILL $pids 2>/dev/null || true
        sleep 0.5
    fi
    say "apt-get purge"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -q okienko-kiosk okienko-central >"$work/apt-purge.log" 2>&1 ||
        { cat "$work/apt-purge.log"; fail "apt-get purge"; }

    say "what purge leaves"
    local problems=()
    local path
    for path in /usr/bin/okienko-kiosk /usr/bin/okienko-central /usr/share/okienko /lib/systemd/system/okienko-kiosk.service \
        /lib/systemd/system/okienko-central.service /usr/lib/sysusers.d/okienko-kiosk.conf /var/lib/okienko \
        /var/lib/okienko-kiosk /var/backups/okienko $conf/kiosk.toml $conf/central.toml \
        /etc/systemd/system/timers.target.wants/okienko-*.timer /var/lib/systemd/deb-systemd-helper-enabled/okienko-*; do
        if [[ -e "$path" ]]; then problems+=("$path is still there"); fi
    done
    # Left on purpose (postrm): the service users, and what the administrator put in /etc/okienko.
    getent passwd $central_user >/dev/null || problems+=("purge removed the user $central_user")
    local left
    left=$(find $conf -mindepth 1 -printf '%f\n' 2>/dev/null | sort | tr '\n' ' ')
    [[ -z "$left" || "$left" == "central.crt central.key " ]] || problems+=("$conf holds: $left")

    say "the machine as it was"
    rm -f $conf/central.crt $conf/central.key
    rmdir $conf 2>/dev/null || true
    userdel $kiosk_user 2>/dev/null || true
    userdel $central_user 2>/dev/null || true
    local group
    while read -r group; do
        if [[ -n "$group" ]]; then groupdel "$group" 2>/dev/null || true; fi
    done <"$groups_made"
    rm -rf "$work/pki" "$marker" "$groups_made"

    if ((${#problems[@]} > 0)); then
        printf '%s\n' "${problems[@]}" >&2
        fail "purge left things behind"
    fi
}

"step_$step"
