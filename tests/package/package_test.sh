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
with_cupsd="$build_dir/tests/package/okienko-test-with-cupsd"
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
        if [[ -n $(find "$build_dir/kiosk/okienko-kiosk" "$build_dir/server/okienko-central" \
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
# installed configuration: it must answer on its loopback port (plain HTTP behind the front), and
# through the front over HTTPS once the front runs. It keeps serving until stop_server.
start_server() {
    local log="$work/central.log" code
    (
        umask 0077
        setpriv --reuid=$central_user --regid=$central_user --init-groups \
            /usr/bin/okienko-central --config $conf/central.toml init
    ) || fail "init as $central_user failed"
    rm -f "$log" # the previous run's "listening on" must not count
    (
        umask 0077
        exec setsid setpriv --reuid=$central_user --regid=$central_user --init-groups \
            /usr/bin/okienko-central --config $conf/central.toml serve
    ) >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        grep -q '^listening on 127.0.0.1:8081$' "$log" && break
        sleep 0.1
    done
    code=$(curl -sS -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/panel/login) || true
    [[ "$code" == 200 ]] || { stop_server; fail "the server did not answer on 127.0.0.1:8081 (GET /panel/login: '$code')"; }
    if [[ -n "${front_pid:-}" ]]; then expect_front; fi
}

stop_server() {
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" || true
    cat "$work/central.log"
}

# The front answers over HTTPS with the installed certificate, and passes requests to the server.
expect_front() {
    local code
    code=$(curl -sS --cacert "$work/pki/ca.crt" -o /dev/null -w '%{http_code}' https://localhost:8443/panel/login) ||
        true
    [[ "$code" == 200 ]] || fail "the front did not answer over HTTPS (GET https://localhost:8443/panel/login: '$code')"
}

# Debian's nginx unit's command with the installed configuration (the enabled okienko-central site),
# in the foreground: there is no systemd to start it. Its pid is kept for purge, should a step die.
start_front() {
    /usr/sbin/nginx -g 'daemon off; master_process on;' >"$work/nginx.log" 2>&1 &
    front_pid=$!
    echo "$front_pid" >"$work/front.pid"
    for _ in $(seq 50); do
        curl -sS -o /dev/null --cacert "$work/pki/ca.crt" https://localhost:8443/ 2>/dev/null && break
        kill -0 "$front_pid" 2>/dev/null || { cat "$work/nginx.log"; fail "nginx did not start"; }
        sleep 0.1
    done
    expect_front
}

stop_front() {
    if [[ -n "${front_pid:-}" ]]; then
        kill -QUIT "$front_pid" 2>/dev/null || true
        wait "$front_pid" || true
    fi
    front_pid=""
    rm -f "$work/front.pid"
}

# GET /api/v1/changes with a kiosk's token: its HTTP status.
token_status() {
    curl -sS --cacert "$work/pki/ca.crt" -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" \
        https://localhost:8443/api/v1/changes || true
}

# The installed kiosk unit's ExecStart under cage headless, as the kiosk user: it must say READY=1
# (its first frame is on the screen) on a notify socket the test owns.
# With an argument, also waits until that shell command succeeds while the kiosk runs.
run_kiosk() {
    local exec_start runtime="$work/kiosk-runtime" until=()
    if [[ -n "${1:-}" ]]; then until=(--until "$1"); fi
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
            "$notify_wait" READY=1 30 "${until[@]}" \
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
    dpkg-query -W -f='${Conffiles}\n' okienko-central | grep -q /etc/nginx/sites-available/okienko-central ||
        fail "the nginx site is not a conffile"
    dpkg-query -W -f='${Depends}\n' okienko-central | grep -qw nginx || fail "okienko-central does not depend on nginx"
    # Not enabled by the package: nginx would not start before the certificate is in place.
    [[ ! -e /etc/nginx/sites-enabled/okienko-central ]] || fail "the nginx site was enabled before it has a certificate"
    dpkg-query -W -f='${Conffiles}\n' okienko-kiosk | grep -q "$conf/kiosk.toml" || fail "kiosk.toml conffile"
    # Where the kiosk looks for the stub Vulkan loader that keeps EGL out of its window (decision 0016).
    [[ -f /usr/lib/okienko-kiosk/libokienko-vulkan-stub.so ]] || fail "the kiosk's Vulkan stub is not installed"
    for voice_package in espeak-ng espeak-ng-data; do
        dpkg-query -W -f='${Depends}\n' okienko-kiosk | tr ',' '\n' | grep -qx " *$voice_package *" ||
            fail "okienko-kiosk does not depend on $voice_package"
    done
    # The voice runs as a program (decision 0009): nothing of GPL-3 espeak-ng is linked in.
    ! ldd /usr/bin/okienko-kiosk | grep -q espeak || fail "okienko-kiosk links libespeak-ng"
    # The installed kiosk speaks: the espeak-ng program and its Polish voice from the packages, into a file.
    okienko-kiosk --say "Dzień dobry" --lang pl --wav "$work/say.wav" >/dev/null || fail "okienko-kiosk --say"
    [[ $(stat -c %s "$work/say.wav") -gt 10000 ]] || fail "okienko-kiosk --say wrote no speech"
    # docs/operations.md's check of the sound card, as the kiosk's user: spoken (0) or, on a machine
    # without a sound card such as this one, 1 with the reason on the line.
    rc=0
    out=$(runuser -u okienko-kiosk -- okienko-kiosk --say "Dzień dobry, tu kiosk Okienko" --lang pl 2>&1) || rc=$?
    [[ $rc == 0 || ($rc == 1 && $out == *"no audio device"*) ]] || fail "okienko-kiosk --say as its user: $rc $out"
    rc=0
    out=$(runuser -u okienko-kiosk -- okienko-kiosk --say "Добрий день" --lang uk --rate 80 --volume 150 2>&1) || rc=$?
    [[ $rc == 0 || ($rc == 1 && $out == *"no audio device"*) ]] || fail "okienko-kiosk --say in Ukrainian: $rc $out"
    [[ -L /usr/share/okienko/assets/fonts/DejaVuSans.ttf && -f /usr/share/okienko/assets/fonts/DejaVuSans.ttf ]] ||
        fail "the kiosk's font link is broken"
    [[ -L /usr/share/okienko/assets/fonts/MaterialIcons-Regular.ttf &&
        -f /usr/share/okienko/assets/fonts/MaterialIcons-Regular.ttf ]] || fail "the kiosk's icon font link is broken"
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
    for unit in okienko-central.service okienko-central@.service okienko-kiosk.service; do
        systemd-analyze verify "/lib/systemd/system/$unit" || fail "systemd-analyze verify $unit"
        exposure=$(systemd-analyze security --offline=yes "/lib/systemd/system/$unit" |
            sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
        limit=2.0
        if [[ $unit == okienko-kiosk.service ]]; then limit=2.5; fi
        echo "$unit: exposure $exposure (limit $limit)"
        awk -v e="$exposure" -v l="$limit" 'BEGIN { exit !(e != "" && e <= l) }' || fail "$unit exposure $exposure > $limit"
    done

    # From here on, docs/operations.md's commands as it writes them (tests/package/operations_doc_test.sh
    # checks that each of its commands is here), with the test's host: localhost for
    # okienko.cus.example. systemctl's part is done by start_server/stop_server and run_kiosk, which
    # run the units' own commands.
    say "1. the server: certificate, check, start, catalogue, staff"
    rm -rf "$work/pki" && mkdir -p "$work/pki"
    (
        cd "$work/pki"
        openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 3650 -subj "/CN=CUS Okienko CA" -keyout ca.key -out ca.crt
        openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=localhost" -keyout central.key -out central.csr
        printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "extendedKeyUsage=serverAuth" >ext
        openssl x509 -req -sha256 -days 825 -in central.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile ext -out central.crt
        install -m 0644 ca.crt /etc/okienko/ca.crt
        install -m 0644 central.crt /etc/okienko/central.crt
        install -m 0640 -g okienko-central central.key /etc/okienko/central.key
    )
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml check-config
    start_server
    say "1. the HTTPS front: the packaged nginx site enabled, checked and started"
    ln -s /etc/nginx/sites-available/okienko-central /etc/nginx/sites-enabled/okienko-central
    nginx -t
    start_front
    expect_path /var/lib/okienko/central.db 600 $central_user $central_user
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml import-catalog /usr/share/okienko/catalog/lapy.json --apply
    # A second site with its own catalogue (decision 0015): a preview, then the import.
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml site add starachowice --name "Centrum Usług Społecznych w Starachowicach"
    local preview
    preview=$(runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml import-catalog /usr/share/okienko/catalog/starachowice.json --site starachowice)
    grep -q "into the catalogue of site starachowice" <<<"$preview" || fail "import-catalog --site does not preview the site's catalogue"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml import-catalog /usr/share/okienko/catalog/starachowice.json --site starachowice --apply
    printf '%s\n' 482193 'Zielone-okno-2026' | runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml add-staff --name "Anna Nowak" --role coordinator
    local staff_id
    staff_id=$(runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml list-staff | awk '/Anna Nowak/ { print $1 }')
    [[ -n "$staff_id" ]] || fail "list-staff does not list Anna Nowak"
    local db_file
    for db_file in /var/lib/okienko/*; do
        [[ "$db_file" == *.lock ]] || expect_path "$db_file" 600 $central_user $central_user
    done

    say "2. enrol a kiosk: one file from the server, one command on the kiosk"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml enrol-kiosk --id lapy-hol-1 --name "CUS Łapy — hol główny" --url https://localhost:8443 --ca /etc/okienko/ca.crt --out /tmp/lapy-hol-1.enrol --staff-work
    okienko-kiosk --enrol /tmp/lapy-hol-1.enrol
    rm /tmp/lapy-hol-1.enrol
    expect_path /etc/okienko/kiosk.token 600 $kiosk_user $kiosk_user
    expect_path /etc/okienko/kiosk-ca.crt 644 root root
    expect_path $conf/kiosk.toml 640 root $kiosk_user
    runuser -u okienko-kiosk -- okienko-kiosk --check-config /etc/okienko/kiosk.toml

    say "the kiosk unit's command, as $kiosk_user under cage: first frame, then its heartbeat on the server"
    local version
    version=$(okienko-kiosk --version | awk '{ print $2 }')
    run_kiosk "/usr/sbin/runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml list-kiosks | grep -q '^lapy-hol-1 .*active .* $version '"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml list-kiosks
    expect_path /var/lib/okienko-kiosk/kiosk.sqlite3 600 $kiosk_user $kiosk_user

    say "3. the printer: every slip through a private cupsd's raw queue"
    sed -i 's/^queue = ""/queue = "receipt"/' /etc/okienko/kiosk.toml
    "$with_cupsd" receipt runuser -u okienko-kiosk -- okienko-kiosk --config /etc/okienko/kiosk.toml --print-test receipt

    say "5. the clock the server's certificate depends on"
    openssl x509 -in /etc/okienko/central.crt -noout -enddate

    say "6. a new token for the kiosk"
    local old_token
    old_token=$(cat /etc/okienko/kiosk.token)
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml rotate-kiosk lapy-hol-1 --url https://localhost:8443 --ca /etc/okienko/ca.crt --out /tmp/lapy-hol-1.enrol
    [[ $(token_status "$old_token") == 401 ]] || fail "the rotated-out token is still accepted"
    okienko-kiosk --enrol /tmp/lapy-hol-1.enrol
    rm /tmp/lapy-hol-1.enrol
    [[ $(token_status "$(cat /etc/okienko/kiosk.token)") == 200 ]] || fail "the new token is refused"

    say "7. staff: deactivate, reactivate, reset"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml deactivate-staff "$staff_id"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml list-staff | grep "$staff_id" | grep -q inactive || fail "list-staff does not show the deactivation"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml reactivate-staff "$staff_id"
    printf '%s\n' 'Niebieskie-okno-2027' | runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml reset-password "$staff_id"
    printf '%s\n' 593047 | runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml reset-pin "$staff_id"

    say "8. backup while serving, then restore; and on a new machine"
    local backup_name
    backup_name=$(runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml backup | head -n 1)
    ls -l /var/backups/okienko/
    [[ "$backup_name" == /var/backups/okienko/central-*.db ]] || fail "backup printed '$backup_name'"
    expect_path "$backup_name" 600 $central_user $central_user
    backup_name=$(basename "$backup_name")
    local refused=0
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml restore /var/backups/okienko/"$backup_name" || refused=1
    [[ $refused == 1 ]] || fail "restore ran while the server was serving"
    stop_server
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml restore /var/backups/okienko/"$backup_name"
    # The new machine: the backup comes from elsewhere (here: moved away and back).
    mv /var/backups/okienko/"$backup_name" "$work/"
    (
        cd "$work"
        install -m 0600 -o okienko-central -g okienko-central "$backup_name" /var/backups/okienko/
    )
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml restore /var/backups/okienko/"$backup_name"
    start_server
    [[ $(token_status "$(cat /etc/okienko/kiosk.token)") == 200 ]] || fail "the restored server refuses the kiosk"

    say "6. a lost kiosk: revoked, refused from its next request"
    runuser -u okienko-central -- okienko-central --config /etc/okienko/central.toml revoke-kiosk lapy-hol-1
    [[ $(token_status "$(cat /etc/okienko/kiosk.token)") == 401 ]] || fail "a revoked kiosk's token is still accepted"
    stop_server
    stop_front
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
    grep -q '^id = "lapy-hol-1"' $conf/kiosk.toml || fail "the enrolment's edit of kiosk.toml was lost"
    expect_path $conf/kiosk.toml 640 root $kiosk_user
    expect_path $conf/central.toml 640 root $central_user
    expect_path /var/lib/okienko 700 $central_user $central_user
    expect_path /var/lib/okienko-kiosk/kiosk.sqlite3 600 $kiosk_user $kiosk_user
    # The server starts on the kept database (init applies what migrations there are) and knows the
    # kiosk, through the front the upgrade kept enabled.
    start_server
    start_front
    local status
    status=$(token_status "$token")
    stop_server
    stop_front
    [[ "$status" == 200 ]] || fail "the kiosk's token was refused after the upgrade (GET /api/v1/changes: '$status')"
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
    if [[ -f "$work/front.pid" ]]; then
        echo "stopping the nginx a step left running: $(cat "$work/front.pid")"
        kill -QUIT "$(cat "$work/front.pid")" 2>/dev/null || true
        rm -f "$work/front.pid"
    fi
    say "apt-get purge"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -q okienko-kiosk okienko-central >"$work/apt-purge.log" 2>&1 ||
        { cat "$work/apt-purge.log"; fail "apt-get purge"; }

    say "what purge leaves"
    local problems=()
    local path
    for path in /usr/bin/okienko-kiosk /usr/bin/okienko-central /usr/share/okienko /lib/systemd/system/okienko-kiosk.service \
        /lib/systemd/system/okienko-central.service /usr/lib/sysusers.d/okienko-kiosk.conf /var/lib/okienko \
        /var/lib/okienko-kiosk $conf/kiosk.toml $conf/central.toml \
        /etc/systemd/system/timers.target.wants/okienko-*.timer /var/lib/systemd/deb-systemd-helper-enabled/okienko-* \
        /etc/nginx/sites-available/okienko-central /etc/nginx/sites-enabled/okienko-central; do
        if [[ -e "$path" ]]; then problems+=("$path is still there"); fi
    done
    # Left on purpose (postrm): the backups (the test made some), nothing else in their directory,
    # the service users, and what the administrator put in /etc/okienko.
    local backup_file
    for backup_file in /var/backups/okienko/*; do
        if [[ -e "$backup_file" && $(basename "$backup_file") != central-*.db ]]; then
            problems+=("$backup_file is still there")
        fi
    done
    if [[ -L /etc/nginx/sites-enabled/okienko-central ]]; then problems+=("the nginx site's link is still enabled"); fi
    getent passwd $central_user >/dev/null || problems+=("purge removed the user $central_user")
    local left
    left=$(find $conf -mindepth 1 -printf '%f\n' 2>/dev/null | sort | tr '\n' ' ')
    local name
    for name in $left; do
        case "$name" in
        ca.crt | central.crt | central.key) ;; # the administrator's certificate, key and CA
        *) problems+=("$conf holds $name") ;;
        esac
    done

    say "the machine as it was"
    rm -rf /var/backups/okienko
    rm -f $conf/central.crt $conf/central.key $conf/ca.crt /tmp/lapy-hol-1.enrol
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
