// Loan desk persistence (see loan_desk_store.hpp).
#include "kiosk/core/staff/loan_desk_store.hpp"

#include "kiosk/core/flows/kiosk_sql.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/payloads.hpp"

#include <algorithm>
#include <map>

namespace okienko::kiosk
{
namespace
{

constexpr std::string_view kStore = "loan_desk_store";

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
    std::vector<DeskLoan> out;
    auto read = db::forEachRow(db, kOpenLoans,
                               [&](db::Row& row) -> Status<db::Error>
                               {
                                   DeskLoan l;
                                   l.loanId = row.text();
                                   l.inventoryNumber = row.text();
                                   l.typeId = row.text();
                                   const std::string start = row.text();
                                   const std::string due = row.text();
                                   l.name = row.text();
                                   l.phone = row.text();
                                   l.local = row.flag();
                                   if (!row.ok())
                                       return makeErr(db::badData(kStore, "open loan row"));
                                   const auto startDate = parseIsoDate(start);
                                   const auto dueDate = parseIsoDate(due);
                                   if (!startDate || !dueDate)
                                       return makeErr(db::badData(kStore, "open loan dates"));
                                   l.start = *startDate;
                                   l.due = *dueDate;
                                   l.daysOverdue =
                                       static_cast<int>(std::max<std::int64_t>(0, today.toDays() - dueDate->toDays()));
                                   out.push_back(std::move(l));
                                   return {};
                               });
    if (!read.ok())
        return makeErr(read.error());
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
    std::vector<DeskUnit> out;
    auto read = db::forEachRow(db, "SELECT inventory_number, type_id, state FROM equipment_units ORDER BY position",
                               [&](db::Row& row) -> Status<db::Error>
                               {
                                   DeskUnit u;
                                   u.inventoryNumber = row.text();
                                   u.typeId = row.text();
                                   const std::string state = row.text();
                                   if (!row.ok())
                                       return makeErr(db::badData(kStore, "unit row"));
                                   const auto unitState = domain::fromCode<domain::UnitState>(state);
                                   if (!unitState)
                                       return makeErr(db::badData(kStore, "unit state"));
                                   u.state = *unitState;
                                   if (auto it = dueOf.find(u.inventoryNumber); it != dueOf.end())
                                       u.due = it->second;
                                   out.push_back(std::move(u));
                                   return {};
                               });
    if (!read.ok())
        return makeErr(read.error());
    return out;
}

Status<db::Error> writeCheckIn(db::Database& db, const CheckInRecord& r)
{
    const protocol::LoanCheckIn checkIn{r.loanId, r.returnedOn, r.condition, r.notes, r.staffId};
    return storeWithEvent(
        db, protocol::makeLoanCheckedIn(r.eventId, r.createdAt, checkIn), sync::OutboxSubject{},
        [&]() -> Status<db::Error>
        {
            auto local =
                db::execChanges(db,
                                "UPDATE loans SET returned_on = ?1, return_condition = ?2, return_notes = ?3 "
                                "WHERE id = ?4 AND returned_on IS NULL",
                                r.returnedOn.iso(), std::string(domain::toCode(r.condition)), r.notes, r.loanId);
            if (!local.ok())
                return makeErr(local.error());
            auto server = db::execChanges(db, "DELETE FROM staff_loans WHERE loan_id = ?1", r.loanId);
            if (!server.ok())
                return makeErr(server.error());
            if (local.value() == 0 && server.value() == 0)
                return makeErr(db::notFound(kStore, "the loan is not open"));
            return db::exec(db, "UPDATE equipment_units SET state = ?1 WHERE inventory_number = ?2",
                            std::string(domain::toCode(unitStateAfterReturn(r.condition))), r.inventoryNumber);
        });
}

Status<db::Error> writeExtension(db::Database& db, const ExtensionRecord& r)
{
    const protocol::LoanExtension extension{r.loanId, r.due, r.staffId};
    return storeWithEvent(
        db, protocol::makeLoanExtended(r.eventId, r.createdAt, extension), sync::OutboxSubject{},
        [&]() -> Status<db::Error>
        {
            auto local = db::execChanges(db, "UPDATE loans SET due_date = ?1 WHERE id = ?2 AND returned_on IS NULL",
                                         r.due.iso(), r.loanId);
            if (!local.ok())
                return makeErr(local.error());
            auto server =
                db::execChanges(db, "UPDATE staff_loans SET due_date = ?1 WHERE loan_id = ?2", r.due.iso(), r.loanId);
            if (!server.ok())
                return makeErr(server.error());
            if (local.value() == 0 && server.value() == 0)
                return makeErr(db::notFound(kStore, "the loan is not open"));
            return {};
        });
}

Status<db::Error> writeUnitState(db::Database& db, const UnitStateRecord& r)
{
    const protocol::UnitStateChange change{r.inventoryNumber, r.to, "", r.staffId};
    return storeWithEvent(
        db, protocol::makeUnitStateChanged(r.eventId, r.createdAt, change), sync::OutboxSubject{},
        [&]() -> Status<db::Error>
        {
            auto changed = db::execChanges(
                db, "UPDATE equipment_units SET state = ?1 WHERE inventory_number = ?2 AND state = ?3",
                std::string(domain::toCode(r.to)), r.inventoryNumber, std::string(domain::toCode(r.from)));
            if (!changed.ok())
                return makeErr(changed.error());
            if (changed.value() == 0)
                return makeErr(db::notFound(kStore, "the unit is not in the expected state"));
            return {};
        });
}

} // namespace okienko::kiosk
