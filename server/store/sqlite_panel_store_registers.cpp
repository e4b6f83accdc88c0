// The registers' queries and changes on SQLite: one set of statements built from a RegisterTable
// (table and column names from the source code, values always bound), and the counselling
// register's booked meetings, their marks and the duty hours. Every change writes its
// register_edits row in the same transaction; the row keeps the entry's columns without PERSONAL
// ones, so the audit outlives both the entry and the retention job.
#include "server/store/sqlite_panel_store.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/db/query.hpp"
#include "shared/protocol/json_reader.hpp"

#include <charconv>
#include <utility>

namespace okienko::server
{

namespace
{
constexpr const char* kContext = "registers";

/// The register_edits row of one change.
Status<db::Error> recordEdit(db::Database& d, const std::string& registerId, const std::string& entryId,
                             const char* action, const std::string& staffId, const std::string& data, std::int64_t now)
{
    return db::exec(d,
                    "INSERT INTO register_edits(register, entry_id, action, staff_id, data, at) VALUES (?,?,?,?,?,?)",
                    registerId, entryId, action, staffId, data, now);
}

/// The written values without PERSONAL columns, as the audit row's JSON.
std::string auditData(const RegisterTable& table, const RegisterValues& values)
{
    protocol::Json data = protocol::Json::object();
    for (const auto& column : table.columns)
    {
        auto it = values.find(column.name);
        if (it == values.end() || column.personal)
            continue;
        data[column.name] = it->second ? protocol::Json(*it->second) : protocol::Json(nullptr);
    }
    return data.dump();
}

/// Binds `value` as the column's type: the panel checked it, so a value that does not parse is a
/// programming error, reported as bad data rather than stored as text.
Status<db::Error> bindValue(db::Statement& st, int index, const RegisterColumn& column,
                            const std::optional<std::string>& value)
{
    if (!value)
        return st.bind(index, nullptr);
    const char* begin = value->data();
    const char* end = begin + value->size();
    if (column.type == RegisterColumnType::Integer)
    {
        std::int64_t number = 0;
        auto [ptr, ec] = std::from_chars(begin, end, number);
        if (ec != std::errc() || ptr != end)
            return makeErr(db::badData(kContext, "not a whole number for " + column.name));
        return st.bind(index, number);
    }
    if (column.type == RegisterColumnType::Real)
    {
        double number = 0;
        auto [ptr, ec] = std::from_chars(begin, end, number);
        if (ec != std::errc() || ptr != end)
            return makeErr(db::badData(kContext, "not a number for " + column.name));
        return st.bind(index, number);
    }
    return st.bind(index, *value);
}

/// The table's columns present in `values`, in the table's order.
std::vector<const RegisterColumn*> writtenColumns(const RegisterTable& table, const RegisterValues& values)
{
    std::vector<const RegisterColumn*> out;
    for (const auto& column : table.columns)
        if (values.count(column.name) != 0)
            out.push_back(&column);
    return out;
}

/// Runs `sql` with the written columns' values bound from ?1 on, then `tail` after them.
template <typename... Tail>
Status<db::Error> execWithValues(db::Database& d, const std::string& sql,
                                 const std::vector<const RegisterColumn*>& columns, const RegisterValues& values,
                                 const Tail&... tail)
{
    auto st = db::query(d, sql);
    if (!st)
        return makeErr(st.error());
    int index = 0;
    for (const RegisterColumn* column : columns)
        if (auto bound = bindValue(*st, ++index, *column, values.at(column->name)); !bound)
            return bound;
    Status<db::Error> bound;
    ((bound = bound ? st->bind(++index, tail) : bound), ...);
    if (!bound)
        return bound;
    return st->run();
}

std::string selectRows(const RegisterTable& table)
{
    std::string sql = "SELECT t.id";
    for (const auto& column : table.columns)
        sql += ", CAST(t." + column.name + " AS TEXT)";
    return sql +
           ", COALESCE(c.name, t.created_by), t.created_at, COALESCE(u.name, t.updated_by, ''), "
           "COALESCE(t.updated_at, 0) FROM " +
           table.table + " t LEFT JOIN staff c ON c.id = t.created_by LEFT JOIN staff u ON u.id = t.updated_by";
}

RegisterRowView readRow(const RegisterTable& table, db::Row& r)
{
    RegisterRowView row;
    row.id = r.int64();
    for (const auto& column : table.columns)
        row.values[column.name] = r.optionalText();
    row.createdBy = r.text();
    row.createdAt = r.int64();
    row.updatedBy = r.text();
    row.updatedAt = r.int64();
    return row;
}
} // namespace

Result<std::vector<RegisterRowView>, db::Error>
SqlitePanelStore::registerRows(const RegisterTable& table, const std::string& from, const std::string& to)
{
    return readAll(
        m_store,
        selectRows(table) + " WHERE " + table.periodCondition + " AND " + m_scope.clause("t.site_id", "?3") +
            " ORDER BY " + table.orderBy + " LIMIT 2000",
        [&](db::Row& r) { return readRow(table, r); }, from, to, m_scope.bound());
}

Result<std::optional<RegisterRowView>, db::Error> SqlitePanelStore::registerRow(const RegisterTable& table,
                                                                                std::int64_t id)
{
    auto rows = readAll(
        m_store, selectRows(table) + " WHERE t.id = ? AND " + m_scope.clause("t.site_id"),
        [&](db::Row& r) { return readRow(table, r); }, id, m_scope.bound());
    if (!rows)
        return makeErr(rows.error());
    if (rows->empty())
        return std::optional<RegisterRowView>{};
    return std::optional<RegisterRowView>(std::move(rows->front()));
}

namespace
{
/// Gives a counselling register entry with a name the person key of an earlier entry with the same
/// name, or a new random one: the report counts persons by it, also after retention erased names.
Status<db::Error> keyCounsellingPerson(db::Database& d, std::int64_t id)
{
    return db::exec(
        d,
        "UPDATE counselling_register AS t SET person_key = COALESCE((SELECT o.person_key FROM "
        "counselling_register o WHERE o.id <> t.id AND o.person_key IS NOT NULL AND o.person_name IS NOT "
        "NULL AND lower(trim(o.person_name)) = lower(trim(t.person_name)) AND o.site_id = t.site_id ORDER BY o.id "
        "LIMIT 1), "
        "lower(hex(randomblob(16)))) WHERE t.id = ?1 AND t.person_name IS NOT NULL",
        id);
}
} // namespace

Result<RegisterWriteResult, db::Error> SqlitePanelStore::saveRegisterRow(const RegisterTable& table,
                                                                         const RegisterWrite& write)
{
    return writeWithOutcome(
        m_store, RegisterWriteResult::NotFound,
        [&](db::Database& d, RegisterWriteResult& result) -> Status<db::Error>
        {
            const auto columns = writtenColumns(table, write.values);
            std::int64_t id = write.id;
            if (id == 0)
            {
                std::string names, marks;
                for (const RegisterColumn* column : columns)
                {
                    names += column->name + ", ";
                    marks += "?, ";
                }
                if (auto s = execWithValues(d,
                                            "INSERT INTO " + table.table + "(" + names +
                                                "created_by, created_at, site_id) VALUES (" + marks + "?, ?, ?)",
                                            columns, write.values, write.staffId, write.now, site());
                    !s)
                    return s;
                id = d.lastInsertRowId();
                result = RegisterWriteResult::Added;
            }
            else
            {
                auto exists =
                    db::exists(d, "SELECT 1 FROM " + table.table + " WHERE id = ? AND " + m_scope.clause("site_id"), id,
                               m_scope.bound());
                if (!exists)
                    return makeErr(exists.error());
                if (!*exists)
                    return {};
                std::string sets;
                for (const RegisterColumn* column : columns)
                    sets += column->name + " = ?, ";
                if (auto s = execWithValues(
                        d, "UPDATE " + table.table + " SET " + sets + "updated_by = ?, updated_at = ? WHERE id = ?",
                        columns, write.values, write.staffId, write.now, id);
                    !s)
                    return s;
                result = RegisterWriteResult::Updated;
            }
            if (table.table == "counselling_register")
                if (auto s = keyCounsellingPerson(d, id); !s)
                    return s;
            return recordEdit(d, table.id, std::to_string(id), result == RegisterWriteResult::Added ? "add" : "update",
                              write.staffId, auditData(table, write.values), write.now);
        });
}

Result<RegisterWriteResult, db::Error> SqlitePanelStore::removeRegisterRow(const RegisterTable& table, std::int64_t id,
                                                                           const std::string& staffId, std::int64_t now)
{
    return writeWithOutcome(m_store, RegisterWriteResult::NotFound,
                            [&](db::Database& d, RegisterWriteResult& result) -> Status<db::Error>
                            {
                                auto removed = db::execChanges(
                                    d, "DELETE FROM " + table.table + " WHERE id = ? AND " + m_scope.clause("site_id"),
                                    id, m_scope.bound());
                                if (!removed)
                                    return makeErr(removed.error());
                                if (*removed == 0)
                                    return {};
                                result = RegisterWriteResult::Removed;
                                return recordEdit(d, table.id, std::to_string(id), "remove", staffId, "{}", now);
                            });
}

Result<std::vector<BookedMeetingView>, db::Error> SqlitePanelStore::bookedMeetings(const std::string& from,
                                                                                   const std::string& to)
{
    return readAll(
        m_store,
        "SELECT r.id, r.code, COALESCE(k.name_pl, r.kind_id), r.status, s.date, s.start_minute, s.duration_minutes, "
        "COALESCE(r.name, ''), COALESCE(g.id, 0), g.held, g.duration_minutes FROM counselling_requests r JOIN "
        "counselling_slots s ON s.id = r.slot_id LEFT JOIN counselling_kinds k ON k.site_id = r.site_id AND k.id = "
        "r.kind_id LEFT JOIN "
        "counselling_register g ON g.booking_ref = r.id WHERE r.status <> 'cancelled' AND s.date BETWEEN ? AND ? "
        "AND " +
            m_scope.clause("r.site_id") + " ORDER BY s.date, s.start_minute, r.code",
        [](db::Row& r)
        {
            BookedMeetingView m;
            m.requestId = r.text();
            m.code = r.text();
            m.kindName = r.text();
            m.status = r.text();
            m.date = r.text();
            m.start = r.integer();
            m.slotMinutes = r.integer();
            m.personName = r.text();
            m.registerId = r.int64();
            if (auto held = r.optionalInt64())
                m.held = *held != 0;
            if (auto minutes = r.optionalInt64())
                m.durationMinutes = static_cast<int>(*minutes);
            return m;
        },
        from, to, m_scope.bound());
}

Result<RegisterWriteResult, db::Error> SqlitePanelStore::markMeeting(const MeetingMark& mark)
{
    return writeWithOutcome(
        m_store, RegisterWriteResult::NotFound,
        [&](db::Database& d, RegisterWriteResult& result) -> Status<db::Error>
        {
            struct Booking
            {
                std::string date;
                std::optional<std::string> name;
            };
            auto booking = db::queryOne(
                d,
                "SELECT s.date, r.name FROM counselling_requests r JOIN counselling_slots s ON s.id = r.slot_id "
                "WHERE r.id = ? AND r.status <> 'cancelled' AND s.date <= ? AND " +
                    m_scope.clause("r.site_id"),
                [](db::Row& r)
                {
                    Booking b;
                    b.date = r.text();
                    b.name = r.optionalText();
                    return b;
                },
                mark.requestId, mark.today, m_scope.bound());
            if (!booking)
                return makeErr(booking.error());
            if (!*booking)
                return {};
            const std::optional<int> minutes = mark.held ? std::optional<int>(mark.minutes) : std::nullopt;
            const int held = mark.held ? 1 : 0;
            auto existing =
                db::queryInt64(d, "SELECT id FROM counselling_register WHERE booking_ref = ?", mark.requestId);
            if (!existing)
                return makeErr(existing.error());
            std::int64_t id = existing->value_or(0);
            if (id != 0)
            {
                if (auto s = db::exec(d,
                                      "UPDATE counselling_register SET held = ?, duration_minutes = ?, date = ?, "
                                      "updated_by = ?, updated_at = ? WHERE id = ?",
                                      held, minutes, (*booking)->date, mark.staffId, mark.now, id);
                    !s)
                    return s;
            }
            else
            {
                if (auto s = db::exec(
                        d,
                        "INSERT INTO counselling_register(date, duration_minutes, held, walk_in, "
                        "booking_ref, person_name, created_by, created_at, site_id) VALUES (?,?,?,0,?,?,?,?,?)",
                        (*booking)->date, minutes, held, mark.requestId, (*booking)->name, mark.staffId, mark.now,
                        site());
                    !s)
                    return s;
                id = d.lastInsertRowId();
                if (auto s = keyCounsellingPerson(d, id); !s)
                    return s;
            }
            result = RegisterWriteResult::Marked;
            protocol::Json data{{"date", (*booking)->date}, {"held", held}, {"booking_ref", mark.requestId}};
            data["duration_minutes"] = minutes ? protocol::Json(*minutes) : protocol::Json(nullptr);
            return recordEdit(d, "counselling_register", std::to_string(id), "mark", mark.staffId, data.dump(),
                              mark.now);
        });
}

Result<DutyHours, db::Error> SqlitePanelStore::dutyHours(const std::string& from, const std::string& to)
{
    auto rows = readAll(
        m_store,
        "SELECT COUNT(*), COALESCE(SUM(duration_minutes), 0) FROM counselling_slots WHERE date BETWEEN ? AND ? AND " +
            m_scope.clause("site_id"),
        [](db::Row& r) {
            return DutyHours{r.int64(), r.int64()};
        },
        from, to, m_scope.bound());
    if (!rows)
        return makeErr(rows.error());
    return rows->empty() ? DutyHours{} : rows->front();
}

} // namespace okienko::server
