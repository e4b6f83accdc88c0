// Check-out persistence (see check_out_writer.hpp).
#include "kiosk/core/staff/check_out_writer.hpp"

#include "kiosk/sync/outbox.hpp"
#include "shared/db/statement.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/protocol/payloads.hpp"

#include <algorithm>
#include <map>

namespace okienko::kiosk
{
namespace
{

db::Error badData(const std::string& what)
{
    return db::makeError(db::ErrorKind::BadData, what, "check_out_writer");
}

std::string_view trimmed(std::string_view s)
{
    const auto blank = [](char c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

/// Binds in order and runs; the first failure wins.
template <typename... Values> Status<db::Error> runWith(db::Database& db, std::string_view sql, const Values&... values)
{
    auto st = db.prepare(sql);
    if (!st.ok())
        return makeErr(st.error());
    int index = 0;
    Status<db::Error> failed;
    auto bindOne = [&](const auto& v)
    {
        ++index;
        if (!failed.ok())
            return;
        if (auto s = st.value().bind(index, v); !s.ok())
            failed = s;
    };
    (bindOne(values), ...);
    if (!failed.ok())
        return failed;
    return st.value().run();
}

/// Reads the rows of a pick-up query (reservation id, code, type, date, days, status, name, phone);
/// rows whose name or phone is NULL (erased) are skipped.
Status<db::Error> readPickups(db::Statement& st, std::vector<PickupRow>& out)
{
    while (true)
    {
        auto step = st.step();
        if (!step.ok())
            return makeErr(step.error());
        if (step.value() == db::Step::Done)
            return {};
        auto id = st.columnText(0);
        auto code = st.columnText(1);
        auto type = st.columnText(2);
        auto day = st.columnText(3);
        auto days = st.columnInt(4);
        auto status = st.columnText(5);
        auto name = st.columnOptionalText(6);
        auto phone = st.columnOptionalText(7);
        if (!id.ok() || !code.ok() || !type.ok() || !day.ok() || !days.ok() || !status.ok() || !name.ok() ||
            !phone.ok())
            return makeErr(badData("pick-up row"));
        if (!name.value() || !phone.value())
            continue;
        const auto date = parseIsoDate(day.value());
        const auto parsed = domain::fromCode<domain::ReservationStatus>(status.value());
        if (!date || !parsed)
            return makeErr(badData("pick-up date or status"));
        PickupRow row;
        row.reservationId = id.value();
        row.code = code.value();
        row.typeId = type.value();
        row.pickUpDate = *date;
        row.loanDays = days.value();
        row.status = *parsed;
        row.name = *name.value();
        row.phone = *phone.value();
        out.push_back(std::move(row));
    }
}

} // namespace

Result<std::optional<CheckOutUnitRecord>, db::Error> findCheckOutUnit(db::Database& db,
                                                                      std::string_view inventoryNumber)
{
    const std::string_view wanted = trimmed(inventoryNumber);
    auto st = db.prepare(
        "SELECT inventory_number, type_id, state FROM equipment_units WHERE inventory_number = ?1 COLLATE NOCASE");
    if (!st.ok())
        return makeErr(st.error());
    if (auto b = st.value().bind(1, wanted); !b.ok())
        return makeErr(b.error());
    auto step = st.value().step();
    if (!step.ok())
        return makeErr(step.error());
    if (step.value() == db::Step::Done)
        return std::optional<CheckOutUnitRecord>{};
    auto inv = st.value().columnText(0);
    auto type = st.value().columnText(1);
    auto state = st.value().columnText(2);
    if (!inv.ok() || !type.ok() || !state.ok())
        return makeErr(badData("unit row"));
    return std::optional<CheckOutUnitRecord>{CheckOutUnitRecord{inv.value(), type.value(), state.value()}};
}

Result<bool, db::Error> checkOutUnitHasOpenLoan(db::Database& db, std::string_view inventoryNumber)
{
    auto st = db.prepare("SELECT EXISTS(SELECT 1 FROM loans WHERE inventory_number = ?1 AND returned_on IS NULL) OR "
                         "EXISTS(SELECT 1 FROM staff_loans WHERE inventory_number = ?1)");
    if (!st.ok())
        return makeErr(st.error());
    if (auto b = st.value().bind(1, inventoryNumber); !b.ok())
        return makeErr(b.error());
    auto step = st.value().step();
    if (!step.ok())
        return makeErr(step.error());
    auto open = st.value().columnBool(0);
    if (!open.ok())
        return makeErr(open.error());
    return open.value();
}

Result<std::vector<PickupRow>, db::Error> loadCheckOutPickups(db::Database& db, Date lastDay)
{
    std::vector<PickupRow> server;
    {
        auto st = db.prepare("SELECT reservation_id, code, type_id, pick_up_date, loan_days, status, person_name, "
                             "person_phone FROM staff_pickups WHERE pick_up_date <= ?1");
        if (!st.ok())
            return makeErr(st.error());
        if (auto b = st.value().bind(1, lastDay.iso()); !b.ok())
            return makeErr(b.error());
        if (auto s = readPickups(st.value(), server); !s.ok())
            return makeErr(s.error());
    }
    std::vector<PickupRow> local;
    {
        const std::string awaiting = "'" + std::string(domain::toCode(domain::ReservationStatus::Provisional)) +
                                     "', '" + std::string(domain::toCode(domain::ReservationStatus::Held)) + "', '" +
                                     std::string(domain::toCode(domain::ReservationStatus::Confirmed)) + "'";
        auto st = db.prepare("SELECT id, code, type_id, pick_up_date, loan_days, status, person_name, person_phone "
                             "FROM reservations WHERE pick_up_date <= ?1 AND erased_at IS NULL AND status IN (" +
                             awaiting + ")");
        if (!st.ok())
            return makeErr(st.error());
        if (auto b = st.value().bind(1, lastDay.iso()); !b.ok())
            return makeErr(b.error());
        if (auto s = readPickups(st.value(), local); !s.ok())
            return makeErr(s.error());
    }
    // The server knows the reservation's latest status (a coordinator may have confirmed it).
    std::map<std::string, PickupRow> byId;
    for (PickupRow& r : local)
        byId[r.reservationId] = std::move(r);
    for (PickupRow& r : server)
        byId[r.reservationId] = std::move(r);
    std::vector<PickupRow> out;
    out.reserve(byId.size());
    for (auto& [id, row] : byId)
        out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(),
                     [](const PickupRow& a, const PickupRow& b)
                     {
                         if (a.pickUpDate != b.pickUpDate)
                             return a.pickUpDate < b.pickUpDate;
                         return a.code < b.code;
                     });
    return out;
}

Status<db::Error> writeCheckOut(db::Database& db, const domain::Loan& loan)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    // Checked inside the write transaction: another connection cannot lend the unit in between.
    auto open = checkOutUnitHasOpenLoan(db, loan.inventoryNumber);
    if (!open.ok())
        return makeErr(open.error());
    if (open.value())
        return makeErr(db::makeError(db::ErrorKind::NotFound, "the unit is on loan", "check_out_writer"));
    const std::string onLoan(domain::toCode(domain::UnitState::OnLoan));
    if (auto s = runWith(db, "UPDATE equipment_units SET state = ?2 WHERE inventory_number = ?1 AND state IN (?3, ?4)",
                         loan.inventoryNumber, onLoan, std::string(domain::toCode(domain::UnitState::Available)),
                         std::string(domain::toCode(domain::UnitState::Reserved)));
        !s.ok())
        return s;
    if (db.changes() != 1)
        return makeErr(db::makeError(db::ErrorKind::NotFound, "the unit is not available", "check_out_writer"));
    const domain::Person& b = loan.borrower;
    std::optional<std::string> pesel;
    if (!loan.pesel.empty())
        pesel = loan.pesel;
    if (auto s = runWith(db,
                         "INSERT INTO loans(id, inventory_number, type_id, reservation_id, borrower_name, "
                         "borrower_phone, address_street, address_postal_code, address_city, pesel, start_date, "
                         "due_date, staff_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                         "?13, ?14)",
                         loan.id, loan.inventoryNumber, loan.typeId, loan.reservationId, b.name, b.phone,
                         b.address.street, b.address.postalCode, b.address.city, pesel, loan.start.iso(),
                         loan.due.iso(), loan.staffId, loan.createdAt);
        !s.ok())
        return s;
    if (loan.reservationId)
    {
        const std::string pickedUp(domain::toCode(domain::ReservationStatus::PickedUp));
        if (auto s = runWith(db, "UPDATE reservations SET status = ?2 WHERE id = ?1", *loan.reservationId, pickedUp);
            !s.ok())
            return s;
        if (auto s = runWith(db, "DELETE FROM staff_pickups WHERE reservation_id = ?1", *loan.reservationId); !s.ok())
            return s;
    }
    const protocol::Event event = protocol::makeLoanCheckedOut(loan);
    sync::Outbox outbox(db);
    auto queued = outbox.enqueue(tx.value(), event.type, event.payload.dump(),
                                 sync::OutboxSubject{sync::SubjectKind::Loan, loan.id}, loan.id);
    if (!queued.ok())
        return makeErr(queued.error());
    return tx.value().commit();
}

} // namespace okienko::kiosk
