// Loan desk persistence (see loan_desk_store.hpp).
#include "kiosk/core/staff/loan_desk_store.hpp"

#include "kiosk/sync/outbox.hpp"
#include "shared/db/statement.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>
#include <map>

namespace okienko::kiosk
{
namespace
{

/// Binds in order and runs; the first failure wins.
template <typename... Values> Status<db::Error> runWith(db::Statement& st, const Values&... values)
{
    int index = 0;
    Status<db::Error> failed;
    auto bindOne = [&](const auto& v)
    {
        ++index;
        if (!failed.ok())
            return;
        if (auto s = st.bind(index, v); !s.ok())
            failed = s;
    };
    (bindOne(values), ...);
    if (!failed.ok())
        return failed;
    return st.run();
}

/// Runs one statement with `values`; the number of rows it changed.
template <typename... Values>
Result<std::int64_t, db::Error> change(db::Database& db, std::string_view sql, const Values&... values)
{
    auto st = db.prepare(sql);
    if (!st.ok())
        return makeErr(st.error());
    if (auto s = runWith(st.value(), values...); !s.ok())
        return makeErr(s.error());
    return db.changes();
}

db::Error badData(const std::string& what)
{
    return db::makeError(db::ErrorKind::BadData, what, "loan_desk_store");
}

db::Error notOpen(const std::string& what)
{
    return db::makeError(db::ErrorKind::NotFound, what, "loan_desk_store");
}

Status<db::Error> enqueue(db::Database& db, db::Transaction& tx, const protocol::Event& event)
{
    sync::Outbox outbox(db);
    auto queued = outbox.enqueue(tx, event.type, event.payload.dump(), sync::OutboxSubject{}, event.id);
    if (!queued.ok())
        return makeErr(queued.error());
    return {};
}

// Local rows first (their personal columns may be erased: the server's fill them), then server rows
// that have no local row. A server row stays out while this kiosk's check-in of it is unsent: the
// sync worker may pull the row again before the server has heard of the return.
constexpr const char* kOpenLoans =
    "SELECT l.id, l.inventory_number, l.type_id, l.start_date, "
    "MAX(l.due_date, COALESCE(s.due_date, l.due_date)), COALESCE(l.borrower_name, s.borrower_name, ''), "
    "COALESCE(l.borrower_phone, s.borrower_phone, ''), 1 "
    "FROM loans l LEFT JOIN staff_loans s ON s.loan_id = l.id WHERE l.returned_on IS NULL "
    "UNION ALL "
    "SELECT s.loan_id, s.inventory_number, s.type_id, s.start_date, s.due_date, s.borrower_name, s.borrower_phone, 0 "
    "FROM staff_loans s WHERE NOT EXISTS (SELECT 1 FROM loans l WHERE l.id = s.loan_id) "
    "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.type = 'loan.checked_in' AND o.state = 'pending' "
    "AND json_extract(o.payload, '$.loan_id') = s.loan_id)";

} // namespace

std::string normaliseInventoryNumber(std::string_view typed)
{
    const auto first = typed.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = typed.find_last_not_of(" \t\r\n");
    std::string out(typed.substr(first, last - first + 1));
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

domain::UnitState unitStateAfterReturn(domain::ReturnCondition condition)
{
    return condition == domain::ReturnCondition::NeedsRepair ? domain::UnitState::Repair : domain::UnitState::Cleaning;
}

Result<std::vector<DeskLoan>, db::Error> loadOpenLoans(db::Database& db, Date today)
{
    auto st = db.prepare(kOpenLoans);
    if (!st.ok())
        return makeErr(st.error());
    std::vector<DeskLoan> out;
    while (true)
    {
        auto step = st.value().step();
        if (!step.ok())
            return makeErr(step.error());
        if (step.value() == db::Step::Done)
            break;
        db::Statement& s = st.value();
        auto id = s.columnText(0);
        auto inv = s.columnText(1);
        auto type = s.columnText(2);
        auto start = s.columnText(3);
        auto due = s.columnText(4);
        auto name = s.columnText(5);
        auto phone = s.columnText(6);
        auto local = s.columnBool(7);
        if (!id.ok() || !inv.ok() || !type.ok() || !start.ok() || !due.ok() || !name.ok() || !phone.ok() || !local.ok())
            return makeErr(badData("open loan row"));
        const auto startDate = parseIsoDate(start.value());
        const auto dueDate = parseIsoDate(due.value());
        if (!startDate || !dueDate)
            return makeErr(badData("open loan dates"));
        DeskLoan l;
        l.loanId = std::move(id.value());
        l.inventoryNumber = std::move(inv.value());
        l.typeId = std::move(type.value());
        l.start = *startDate;
        l.due = *dueDate;
        l.name = std::move(name.value());
        l.phone = std::move(phone.value());
        l.local = local.value();
        l.daysOverdue = static_cast<int>(std::max<std::int64_t>(0, today.toDays() - dueDate->toDays()));
        out.push_back(std::move(l));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DeskLoan& a, const DeskLoan& b)
                     {
                         if (a.due != b.due)
                             return a.due < b.due;
                         return a.inventoryNumber < b.inventoryNumber;
                     });
    return out;
}

Result<std::vector<DeskUnit>, db::Error> loadDeskUnits(db::Database& db, Date today)
{
    auto loans = loadOpenLoans(db, today);
    if (!loans.ok())
        return makeErr(loans.error());
    std::map<std::string, Date> dueOf;
    for (const DeskLoan& l : loans.value())
        dueOf.emplace(l.inventoryNumber, l.due); // sorted by due: the earliest due of a unit lent twice
    auto st = db.prepare("SELECT inventory_number, type_id, state FROM equipment_units ORDER BY position");
    if (!st.ok())
        return makeErr(st.error());
    std::vector<DeskUnit> out;
    while (true)
    {
        auto step = st.value().step();
        if (!step.ok())
            return makeErr(step.error());
        if (step.value() == db::Step::Done)
            break;
        auto inv = st.value().columnText(0);
        auto type = st.value().columnText(1);
        auto state = st.value().columnText(2);
        if (!inv.ok() || !type.ok() || !state.ok())
            return makeErr(badData("unit row"));
        const auto unitState = domain::fromCode<domain::UnitState>(state.value());
        if (!unitState)
            return makeErr(badData("unit state"));
        DeskUnit u;
        u.inventoryNumber = std::move(inv.value());
        u.typeId = std::move(type.value());
        u.state = *unitState;
        if (auto it = dueOf.find(u.inventoryNumber); it != dueOf.end())
            u.due = it->second;
        out.push_back(std::move(u));
    }
    return out;
}

Status<db::Error> writeCheckIn(db::Database& db, const CheckInRecord& r)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    auto local = change(db,
                        "UPDATE loans SET returned_on = ?1, return_condition = ?2, return_notes = ?3 "
                        "WHERE id = ?4 AND returned_on IS NULL",
                        r.returnedOn.iso(), std::string(domain::toCode(r.condition)), r.notes, r.loanId);
    if (!local.ok())
        return makeErr(local.error());
    auto server = change(db, "DELETE FROM staff_loans WHERE loan_id = ?1", r.loanId);
    if (!server.ok())
        return makeErr(server.error());
    if (local.value() == 0 && server.value() == 0)
        return makeErr(notOpen("the loan is not open"));
    const domain::UnitState next = unitStateAfterReturn(r.condition);
    auto unit = change(db, "UPDATE equipment_units SET state = ?1 WHERE inventory_number = ?2",
                       std::string(domain::toCode(next)), r.inventoryNumber);
    if (!unit.ok())
        return makeErr(unit.error());
    const protocol::LoanCheckIn checkIn{r.loanId, r.returnedOn, r.condition, r.notes, r.staffId};
    if (auto s = enqueue(db, tx.value(), protocol::makeLoanCheckedIn(r.eventId, r.createdAt, checkIn)); !s.ok())
        return s;
    return tx.value().commit();
}

Status<db::Error> writeExtension(db::Database& db, const ExtensionRecord& r)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    auto local =
        change(db, "UPDATE loans SET due_date = ?1 WHERE id = ?2 AND returned_on IS NULL", r.due.iso(), r.loanId);
    if (!local.ok())
        return makeErr(local.error());
    auto server = change(db, "UPDATE staff_loans SET due_date = ?1 WHERE loan_id = ?2", r.due.iso(), r.loanId);
    if (!server.ok())
        return makeErr(server.error());
    if (local.value() == 0 && server.value() == 0)
        return makeErr(notOpen("the loan is not open"));
    const protocol::LoanExtension extension{r.loanId, r.due, r.staffId};
    if (auto s = enqueue(db, tx.value(), protocol::makeLoanExtended(r.eventId, r.createdAt, extension)); !s.ok())
        return s;
    return tx.value().commit();
}

Status<db::Error> writeUnitState(db::Database& db, const UnitStateRecord& r)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    auto changed = change(db, "UPDATE equipment_units SET state = ?1 WHERE inventory_number = ?2 AND state = ?3",
                          std::string(domain::toCode(r.to)), r.inventoryNumber, std::string(domain::toCode(r.from)));
    if (!changed.ok())
        return makeErr(changed.error());
    if (changed.value() == 0)
        return makeErr(notOpen("the unit is not in the expected state"));
    const protocol::UnitStateChange c{r.inventoryNumber, r.to, "", r.staffId};
    if (auto s = enqueue(db, tx.value(), protocol::makeUnitStateChanged(r.eventId, r.createdAt, c)); !s.ok())
        return s;
    return tx.value().commit();
}

} // namespace okienko::kiosk
