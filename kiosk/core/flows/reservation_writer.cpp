// Reservation and waiting-list persistence (see reservation_writer.hpp).
#include "kiosk/core/flows/reservation_writer.hpp"

#include "kiosk/core/flows/kiosk_sql.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/domain/language.hpp"
#include "shared/protocol/payloads.hpp"

#include <optional>
#include <string>

namespace okienko::kiosk
{
namespace
{

constexpr std::string_view kStore = "reservation_writer";

std::optional<std::string> optionalText(const std::string& s)
{
    if (s.empty())
        return std::nullopt;
    return s;
}

} // namespace

Status<db::Error> writeReservation(db::Database& db, const domain::Reservation& r)
{
    return storeWithEvent(
        db, protocol::makeReservationCreated(r), sync::OutboxSubject{sync::SubjectKind::Reservation, r.id},
        [&]
        {
            const domain::Person& p = r.person;
            return db::exec(
                db,
                "INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, person_name, "
                "person_phone, address_street, address_postal_code, address_city, on_behalf_of, residency_declared, "
                "clause_acknowledged, language, kiosk_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                r.id, r.code, r.typeId, r.period.first.iso(), r.period.days, std::string(domain::toCode(r.status)),
                p.name, p.phone, p.address.street, p.address.postalCode, p.address.city, optionalText(r.onBehalfOf),
                r.residencyDeclared ? 1 : 0, r.clauseAcknowledged ? 1 : 0,
                std::string(domain::languageCode(r.language)), r.kioskId, r.createdAt);
        });
}

Status<db::Error> writeWaitlistEntry(db::Database& db, const domain::WaitlistJoin& w)
{
    return storeWithEvent(db, protocol::makeWaitlistJoined(w),
                          sync::OutboxSubject{sync::SubjectKind::WaitlistEntry, w.id},
                          [&]
                          {
                              return db::exec(db,
                                              "INSERT INTO waitlist_entries(id, code, type_id, wanted_from, loan_days, "
                                              "name, phone, language, kiosk_id, created_at) VALUES (?1, ?2, ?3, ?4, "
                                              "?5, ?6, ?7, ?8, ?9, ?10)",
                                              w.id, w.code, w.typeId, w.wantedFrom.iso(), w.loanDays, w.name, w.phone,
                                              std::string(domain::languageCode(w.language)), w.kioskId, w.createdAt);
                          });
}

Result<std::vector<domain::Reservation>, db::Error> loadLocalReservations(db::Database& db)
{
    std::vector<domain::Reservation> out;
    auto read =
        db::forEachRow(db, "SELECT id, code, type_id, pick_up_date, loan_days, status FROM reservations ORDER BY rowid",
                       [&](db::Row& row) -> Status<db::Error>
                       {
                           domain::Reservation r;
                           r.id = row.text();
                           r.code = row.text();
                           r.typeId = row.text();
                           const std::string day = row.text();
                           const int days = row.integer();
                           const std::string status = row.text();
                           if (!row.ok())
                               return makeErr(db::badData(kStore, "reservation row"));
                           const auto first = parseIsoDate(day);
                           const auto parsed = domain::fromCode<domain::ReservationStatus>(status);
                           if (!first || !parsed)
                               return makeErr(db::badData(kStore, "reservation date or status"));
                           r.period = DateRange{*first, days};
                           r.status = *parsed;
                           out.push_back(std::move(r));
                           return {};
                       });
    if (!read.ok())
        return makeErr(read.error());
    return out;
}

Result<std::vector<domain::Loan>, db::Error> loadLocalLoans(db::Database& db)
{
    std::vector<domain::Loan> out;
    auto read = db::forEachRow(
        db, "SELECT id, inventory_number, type_id, start_date, due_date, returned_on FROM loans ORDER BY rowid",
        [&](db::Row& row) -> Status<db::Error>
        {
            domain::Loan loan;
            loan.id = row.text();
            loan.inventoryNumber = row.text();
            loan.typeId = row.text();
            const std::string start = row.text();
            const std::string due = row.text();
            const std::optional<std::string> returned = row.optionalText();
            if (!row.ok())
                return makeErr(db::badData(kStore, "loan row"));
            const auto startDate = parseIsoDate(start);
            const auto dueDate = parseIsoDate(due);
            if (!startDate || !dueDate)
                return makeErr(db::badData(kStore, "loan dates"));
            loan.start = *startDate;
            loan.due = *dueDate;
            if (returned)
            {
                const auto back = parseIsoDate(*returned);
                if (!back)
                    return makeErr(db::badData(kStore, "loan return date"));
                loan.returnedOn = *back;
            }
            out.push_back(std::move(loan));
            return {};
        });
    if (!read.ok())
        return makeErr(read.error());
    return out;
}

Result<bool, db::Error> referenceCodeTaken(db::Database& db, std::string_view code)
{
    return db::exists(db,
                      "SELECT 1 WHERE EXISTS(SELECT 1 FROM reservations WHERE code = ?1) OR "
                      "EXISTS(SELECT 1 FROM callback_requests WHERE code = ?1) OR "
                      "EXISTS(SELECT 1 FROM waitlist_entries WHERE code = ?1)",
                      code);
}

} // namespace okienko::kiosk
