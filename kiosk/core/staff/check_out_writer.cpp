// Check-out persistence (see check_out_writer.hpp).
#include "kiosk/core/staff/check_out_writer.hpp"

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

constexpr std::string_view kStore = "check_out_writer";

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

/// Appends the rows of a pick-up query (reservation id, code, type, date, days, status, name, phone)
/// whose pick-up date is up to `lastDay` (?1); rows whose name or phone is NULL (erased) are skipped.
Status<db::Error> readPickups(db::Database& db, std::string_view sql, Date lastDay, std::vector<PickupRow>& out)
{
    return db::forEachRow(
        db, sql,
        [&](db::Row& row) -> Status<db::Error>
        {
            PickupRow pickup;
            pickup.reservationId = row.text();
            pickup.code = row.text();
            pickup.typeId = row.text();
            const std::string day = row.text();
            pickup.loanDays = row.integer();
            const std::string status = row.text();
            const std::optional<std::string> name = row.optionalText();
            const std::optional<std::string> phone = row.optionalText();
            if (!row.ok())
                return makeErr(db::badData(kStore, "pick-up row"));
            if (!name || !phone)
                return {};
            const auto date = parseIsoDate(day);
            const auto parsed = domain::fromCode<domain::ReservationStatus>(status);
            if (!date || !parsed)
                return makeErr(db::badData(kStore, "pick-up date or status"));
            pickup.pickUpDate = *date;
            pickup.status = *parsed;
            pickup.name = *name;
            pickup.phone = *phone;
            out.push_back(std::move(pickup));
            return {};
        },
        lastDay.iso());
}

} // namespace

Result<std::optional<CheckOutUnitRecord>, db::Error> findCheckOutUnit(db::Database& db,
                                                                      std::string_view inventoryNumber)
{
    return db::queryOne(
        db, "SELECT inventory_number, type_id, state FROM equipment_units WHERE inventory_number = ?1 COLLATE NOCASE",
        [](db::Row& row)
        {
            CheckOutUnitRecord unit;
            unit.inventoryNumber = row.text();
            unit.typeId = row.text();
            unit.stateCode = row.text();
            return unit;
        },
        trimmed(inventoryNumber));
}

Result<bool, db::Error> checkOutUnitHasOpenLoan(db::Database& db, std::string_view inventoryNumber)
{
    return db::exists(db,
                      "SELECT 1 WHERE EXISTS(SELECT 1 FROM loans WHERE inventory_number = ?1 AND returned_on IS NULL) "
                      "OR EXISTS(SELECT 1 FROM staff_loans WHERE inventory_number = ?1)",
                      inventoryNumber);
}

Result<std::vector<PickupRow>, db::Error> loadCheckOutPickups(db::Database& db, Date lastDay)
{
    std::vector<PickupRow> server;
    if (auto s = readPickups(db,
                             "SELECT reservation_id, code, type_id, pick_up_date, loan_days, status, person_name, "
                             "person_phone FROM staff_pickups WHERE pick_up_date <= ?1",
                             lastDay, server);
        !s.ok())
        return makeErr(s.error());
    std::vector<PickupRow> local;
    const std::string awaiting = "'" + std::string(domain::toCode(domain::ReservationStatus::Provisional)) + "', '" +
                                 std::string(domain::toCode(domain::ReservationStatus::Held)) + "', '" +
                                 std::string(domain::toCode(domain::ReservationStatus::Confirmed)) + "'";
    if (auto s = readPickups(db,
                             "SELECT id, code, type_id, pick_up_date, loan_days, status, person_name, person_phone "
                             "FROM reservations WHERE pick_up_date <= ?1 AND erased_at IS NULL AND status IN (" +
                                 awaiting + ")",
                             lastDay, local);
        !s.ok())
        return makeErr(s.error());
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
    return storeWithEvent(
        db, protocol::makeLoanCheckedOut(loan), sync::OutboxSubject{sync::SubjectKind::Loan, loan.id},
        [&]() -> Status<db::Error>
        {
            // Checked inside the write transaction: another connection cannot lend the unit in between.
            auto open = checkOutUnitHasOpenLoan(db, loan.inventoryNumber);
            if (!open.ok())
                return makeErr(open.error());
            if (open.value())
                return makeErr(db::notFound(kStore, "the unit is on loan"));
            auto unit = db::execChanges(
                db, "UPDATE equipment_units SET state = ?2 WHERE inventory_number = ?1 AND state IN (?3, ?4)",
                loan.inventoryNumber, std::string(domain::toCode(domain::UnitState::OnLoan)),
                std::string(domain::toCode(domain::UnitState::Available)),
                std::string(domain::toCode(domain::UnitState::Reserved)));
            if (!unit.ok())
                return makeErr(unit.error());
            if (unit.value() != 1)
                return makeErr(db::notFound(kStore, "the unit is not available"));
            const domain::Person& b = loan.borrower;
            std::optional<std::string> pesel;
            if (!loan.pesel.empty())
                pesel = loan.pesel;
            if (auto s = db::exec(db,
                                  "INSERT INTO loans(id, inventory_number, type_id, reservation_id, borrower_name, "
                                  "borrower_phone, address_street, address_postal_code, address_city, pesel, "
                                  "start_date, due_date, staff_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                  "?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                  loan.id, loan.inventoryNumber, loan.typeId, loan.reservationId, b.name, b.phone,
                                  b.address.street, b.address.postalCode, b.address.city, pesel, loan.start.iso(),
                                  loan.due.iso(), loan.staffId, loan.createdAt);
                !s.ok())
                return s;
            if (!loan.reservationId)
                return {};
            if (auto s = db::exec(db, "UPDATE reservations SET status = ?2 WHERE id = ?1", *loan.reservationId,
                                  std::string(domain::toCode(domain::ReservationStatus::PickedUp)));
                !s.ok())
                return s;
            return db::exec(db, "DELETE FROM staff_pickups WHERE reservation_id = ?1", *loan.reservationId);
        });
}

} // namespace okienko::kiosk
