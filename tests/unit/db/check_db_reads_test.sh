#!/usr/bin/env bash
# The database-reads check (scripts/check-db-reads) on small made-up trees: reads through db::Row
# pass; a direct db::Statement column read fails, checked or not, and is named by file and line;
# shared/db itself, tests and comments are not checked.
# Usage: check_db_reads_test.sh PATH/TO/check-db-reads
set -euo pipefail
check=$1
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

mkdir -p "$tree/kiosk" "$tree/server" "$tree/shared/db" "$tree/tests"
cat >"$tree/kiosk/good.cpp" <<'CPP'
// columnText(0).value() in a comment is not a read
auto n = db::queryOne(d, "SELECT name FROM t", [](db::Row& r) { return r.text(); });
CPP
cat >"$tree/shared/db/query.cpp" <<'CPP'
std::string Row::text() { return take(m_st.columnText(m_column)); }
CPP
cat >"$tree/tests/fixture.cpp" <<'CPP'
EXPECT_EQ(st->columnText(0).value(), "x");
CPP
"$check" "$tree" >/dev/null || fail "a clean tree was refused"

cat >"$tree/server/bad.cpp" <<'CPP'
void f()
{
    auto name = st.columnText(0).value();
    auto when = st->
        columnOptionalInt64(1);
    bool gone = st.isNull(2).value();
}
CPP
if out=$("$check" "$tree" 2>&1); then
    fail "direct column reads were not refused"
fi
grep -q '^server/bad.cpp:3: .*columnText' <<<"$out" || fail "no file:line for the unchecked read: $out"
grep -q '^server/bad.cpp:5: .*columnOptionalInt64' <<<"$out" || fail "no file:line for the split read: $out"
grep -q '^server/bad.cpp:6: .*isNull' <<<"$out" || fail "no file:line for isNull: $out"
grep -q '3 direct column read' <<<"$out" || fail "wrong count: $out"
echo "check-db-reads: ok"
