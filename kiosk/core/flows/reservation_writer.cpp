// Reservation and waiting-list persistence (see reservation_writer.hpp).
#include "kiosk/core/flows/reservation_writer.hpp"

#include "kiosk/sync/outbox.hpp"
#include "shared/db/statement.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/domain/language.hpp"
#include "shared/protocol/payloads.hpp"

#include <optional>
#include <string>

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

std::optional<std::string> optionalText(const std::string& s)
{
    if (s.empty())
        return std::nullopt;
    return s;
}

db::Error badData(const std::string& what)
{
    return db::makeError(db::ErrorKind::BadData, what, "reservation_writer");
}

} // namespace

Status<db::Error> writeReservation(db::Database& db, const domain::Reservation& r)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    auto st = db.prepare(
        "INSERT INTO reservations(id, code, type_id, pick_up_date, loan_days, status, person_name, person_phone, "
        "address_street, address_postal_code, address_city, on_behalf_of, residency_declared, clause_acknowledged, "
        "language, kiosk_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
        "?16, ?17)");
    if (!st.ok())
        return makeErr(st.error());
    const domain::Person& p = r.person;
    if (auto s = runWith(st.value(), r.id, r.code, r.typeId, r.period.first.iso(), r.period.days,
                         std::string(domain::toCode(r.status)), p.name, p.phone, p.address.street, p.address.postalCode,
                         p.address.city, optionalText(r.onBehalfOf), r.residencyDeclared ? 1 : 0,
                         r.clauseAcknowledged ? 1 : 0, std::string(domain::languageCode(r.language)), r.kioskId,
                         r.createdAt);
        !s.ok())
        return s;
    const protocol::Event event = protocol::makeReservationCreated(r);
    sync::Outbox outbox(db);
    auto queued = outbox.enqueue(tx.value(), event.type, event.payload.dump(),
                                 sync::OutboxSubject{sync::SubjectKind::Reservation, r.id}, r.id);
    if (!queued.ok())
        return makeErr(queued.error());
    return tx.value().commit();
}

Status<db::Error> writeWaitingListCallback(db::Database& db, const domain::CallbackRequest& c)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
        return makeErr(tx.error());
    auto st = db.prepare("INSERT INTO callback_requests(id, code, phone, day, day_part, topic_service_id, "
                         "equipment_type_id, first_name, status, failed_attempts, language, kiosk_id, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12)");
    if (!st.ok())
        return makeErr(st.error());
    if (auto s = runWith(st.value(), c.id, c.code, c.phone, c.day.iso(), std::string(domain::toCode(c.dayPart)),
                         c.topicServiceId, c.equipmentTypeId, optionalText(c.firstName),
                         std::string(domain::toCode(c.status)), std::string(domain::languageCode(c.language)),
                         c.kioskId, c.createdAt);
        !s.ok())
        return s;
    const protocol::Event event = protocol::makeCallbackRequested(c);
    sync::Outbox outbox(db);
    auto queued = outbox.enqueue(tx.value(), event.type, event.payload.dump(),
                                 sync::OutboxSubject{sync::SubjectKind::CallbackRequest, c.id}, c.id);
    if (!queued.ok())
        return makeErr(queued.error());
    return tx.value().commit();
}

Result<std::vector<domain::Reservation>, db::Error> loadLocalReservations(db::Database& db)
{
    auto st = db.prepare("SELECT id, code, type_id, pick_up_date, loan_days, status FROM reservations ORDER BY rowid");
    if (!st.ok())
        return makeErr(st.error());
    std::vector<domain::Reservation> out;
    while (true)
    {
        auto step = st.value().step();
        if (!step.ok())
            return makeErr(step.error());
        if (step.value() == db::Step::Done)
            break;
        db::Statement& s = st.value();
        auto id = s.columnText(0);
        auto code = s.columnText(1);
        auto type = s.columnText(2);
        auto day = s.columnText(3);
        auto days = s.columnInt(4);
        auto status = s.columnText(5);
        if (!id.ok() || !code.ok() || !type.ok() || !day.ok() || !days.ok() || !status.ok())
            return makeErr(badData("reservation row"));
        const auto first = parseIsoDate(day.value());
        const auto st2 = domain::fromCode<domain::ReservationStatus>(status.value());
        if (!first || !st2)
            return makeErr(badData("reservation date or status"));
        domain::Reservation r;
        r.id = id.value();
        r.code = code.value();
        r.typeId = type.value();
        r.period = DateRange{*first, days.value()};
        r.status = *st2;
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<domain::Loan>, db::Error> loadLocalLoans(db::Database& db)
{
    auto st =
        db.prepare("SELECT id, inventory_number, type_id, start_date, due_date, returned_on FROM loans ORDER BY rowid");
    if (!st.ok())
        return makeErr(st.error());
    std::vector<domain::Loan> out;
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
        auto returned = s.columnOptionalText(5);
        if (!id.ok() || !inv.ok() || !type.ok() || !start.ok() || !due.ok() || !returned.ok())
            return makeErr(badData("loan row"));
        const auto startDate = parseIsoDate(start.value());
        const auto dueDate = parseIsoDate(due.value());
        if (!startDate || !dueDate)
            return makeErr(badData("loan dates"));
        domain::Loan loan;
        loan.id = id.value();
        loan.inventoryNumber = inv.value();
        loan.typeId = type.value();
        loan.start = *startDate;
        loan.due = *dueDate;
        if (returned.value())
        {
            const auto back = parseIsoDate(*returned.value());
            if (!back)
                return makeErr(badData("loan return date"));
            loan.returnedOn = *back;
        }
        out.push_back(std::move(loan));
    }
    return out;
}

Result<bool, db::Error> referenceCodeTaken(db::Database& db, std::string_view code)
{
    auto st = db.prepare("SELECT EXISTS(SELECT 1 FROM reservations WHERE code = ?1) OR "
                         "EXISTS(SELECT 1 FROM callback_requests WHERE code = ?1)");
    if (!st.ok())
        return makeErr(st.error());
    if (auto b = st.value().bind(1, code); !b.ok())
        return makeErr(b.error());
    auto step = st.value().step();
    if (!step.ok())
        return makeErr(step.error());
    auto taken = st.value().columnBool(0);
    if (!taken.ok())
        return makeErr(taken.error());
    return taken.value();
}

} // namespace okienko::kiosk
