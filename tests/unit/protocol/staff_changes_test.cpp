// The staff-mode entities of GET /api/v1/changes (pickup, open_loan): both round-trip through a
// whole changes page, and every field a kiosk would store is refused with its own path and code
// when it is missing, of the wrong type or out of its rules.
#include "shared/protocol/changes.hpp"
#include "shared/util/uuid.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace okienko;
using namespace okienko::protocol;

namespace
{
PickupNotice samplePickup()
{
    PickupNotice p;
    p.reservationId = newUuid();
    p.code = "R-7K4-29Q-X4Z";
    p.typeId = "wozek-inwalidzki";
    p.pickUpDate = Date{2030, 6, 20};
    p.loanDays = 30;
    p.status = domain::ReservationStatus::Held;
    p.name = "Zofia Wiśniewska";
    p.phone = "600123456";
    return p;
}

OpenLoanNotice sampleLoan()
{
    OpenLoanNotice l;
    l.loanId = newUuid();
    l.inventoryNumber = "LAP-WI-001";
    l.typeId = "wozek-inwalidzki";
    l.start = Date{2030, 6, 20};
    l.due = Date{2030, 7, 20};
    l.name = "Jan Kowalski";
    l.phone = "600987654";
    return l;
}

/// Decoding `j` fails with `code` at `path`.
template <typename Decode>
void expectRefused(Decode decode, const Json& j, ProtocolErrorCode code, const std::string& path,
                   const std::string& what)
{
    auto r = decode(j, "$.changes[0].data");
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().code, code) << what << ": " << r.error().describe();
    EXPECT_EQ(r.error().path, path) << what << ": " << r.error().describe();
}
} // namespace

TEST(ProtocolStaffChanges, PickupFieldsAreRefusedWithTheirPaths)
{
    const auto decode = [](const Json& j, const std::string& path)
    {
        return decodePickup(j, path);
    };
    const Json good = encodePickup(samplePickup());
    const std::string base = "$.changes[0].data.";
    for (const char* key :
         {"reservation_id", "code", "type_id", "pick_up_date", "loan_days", "status", "name", "phone"})
    {
        Json j = good;
        j.erase(key);
        expectRefused(decode, j, ProtocolErrorCode::MissingField, base + key, std::string("missing ") + key);
        j = good;
        j[key] = Json::array();
        expectRefused(decode, j, ProtocolErrorCode::WrongType, base + key, std::string("array as ") + key);
    }
    struct Bad
    {
        const char* key;
        Json value;
        ProtocolErrorCode code;
    };
    const Bad bad[] = {
        {"reservation_id", "5C1D2A0E-0000-4000-8000-000000000000", ProtocolErrorCode::BadUuid},
        {"reservation_id", "not-a-uuid", ProtocolErrorCode::BadUuid},
        {"code", "R 7K4", ProtocolErrorCode::BadValue},
        {"code", "", ProtocolErrorCode::BadValue},
        {"type_id", "Wozek", ProtocolErrorCode::BadValue},
        {"pick_up_date", "2030-02-30", ProtocolErrorCode::BadDate},
        {"pick_up_date", "20.06.2030", ProtocolErrorCode::BadDate},
        {"loan_days", 0, ProtocolErrorCode::OutOfRange},
        {"loan_days", 367, ProtocolErrorCode::OutOfRange},
        {"loan_days", 3.5, ProtocolErrorCode::OutOfRange}, // the reader: not a whole number in range
        {"loan_days", "30", ProtocolErrorCode::WrongType},
        // Only reservations awaiting hand-over are sent as upserts; anything else is a server bug.
        {"status", "picked-up", ProtocolErrorCode::BadValue},
        {"status", "expired", ProtocolErrorCode::BadValue},
        {"status", "lost", ProtocolErrorCode::BadValue},
        {"name", "", ProtocolErrorCode::BadValue},
        {"name", std::string(121, 'a'), ProtocolErrorCode::TooLong},
        {"name", "Jan\x01", ProtocolErrorCode::BadValue},
        {"phone", "", ProtocolErrorCode::BadValue},
        {"phone", std::string(33, '6'), ProtocolErrorCode::TooLong},
    };
    for (const auto& b : bad)
    {
        Json j = good;
        j[b.key] = b.value;
        expectRefused(decode, j, b.code, base + b.key, std::string(b.key) + " = " + b.value.dump());
    }
    expectRefused(decode, Json::array(), ProtocolErrorCode::WrongType, "$.changes[0].data", "not an object");
}

TEST(ProtocolStaffChanges, OpenLoanFieldsAreRefusedWithTheirPaths)
{
    const auto decode = [](const Json& j, const std::string& path)
    {
        return decodeOpenLoan(j, path);
    };
    const Json good = encodeOpenLoan(sampleLoan());
    const std::string base = "$.changes[0].data.";
    for (const char* key : {"loan_id", "inventory_number", "type_id", "start_date", "due_date", "name", "phone"})
    {
        Json j = good;
        j.erase(key);
        expectRefused(decode, j, ProtocolErrorCode::MissingField, base + key, std::string("missing ") + key);
        j = good;
        j[key] = 7;
        expectRefused(decode, j, ProtocolErrorCode::WrongType, base + key, std::string("number as ") + key);
    }
    struct Bad
    {
        const char* key;
        Json value;
        ProtocolErrorCode code;
    };
    const Bad bad[] = {
        {"loan_id", "x", ProtocolErrorCode::BadUuid},
        {"inventory_number", "lap-wi-001", ProtocolErrorCode::BadValue},
        {"inventory_number", "LAP WI 001", ProtocolErrorCode::BadValue},
        {"type_id", "-wozek", ProtocolErrorCode::BadValue},
        {"start_date", "2030-13-01", ProtocolErrorCode::BadDate},
        {"due_date", "2030-06-19", ProtocolErrorCode::BadValue}, // before the start
        {"name", std::string(121, 'a'), ProtocolErrorCode::TooLong},
        {"phone", "600\t123", ProtocolErrorCode::BadValue},
    };
    for (const auto& b : bad)
    {
        Json j = good;
        j[b.key] = b.value;
        expectRefused(decode, j, b.code, base + b.key, std::string(b.key) + " = " + b.value.dump());
    }
    expectRefused(decode, Json(nullptr), ProtocolErrorCode::WrongType, "$.changes[0].data", "null");
}

TEST(ProtocolStaffChanges, BothRoundTripThroughAChangesPage)
{
    const PickupNotice pickup = samplePickup();
    OpenLoanNotice loan = sampleLoan();
    loan.due = loan.start; // a one-day loan is allowed
    ChangesPage page{"e-5", false, {}};
    page.changes.push_back(
        Change{3, std::string(entity::kPickup), pickup.reservationId, ChangeOp::Upsert, encodePickup(pickup)});
    page.changes.push_back(
        Change{4, std::string(entity::kOpenLoan), loan.loanId, ChangeOp::Upsert, encodeOpenLoan(loan)});
    page.changes.push_back(
        Change{5, std::string(entity::kPickup), pickup.reservationId, ChangeOp::Delete, Json::object()});
    auto back = decodeChangesPage(encodeChangesPage(page));
    ASSERT_TRUE(back.ok()) << back.error().describe();
    ASSERT_EQ(back->changes.size(), 3u);
    EXPECT_EQ(back->changes[0].entity, "pickup");
    EXPECT_EQ(back->changes[1].entity, "open_loan");
    auto p = decodePickup(back->changes[0].data);
    ASSERT_TRUE(p.ok()) << p.error().describe();
    EXPECT_EQ(*p, pickup);
    auto l = decodeOpenLoan(back->changes[1].data);
    ASSERT_TRUE(l.ok()) << l.error().describe();
    EXPECT_EQ(*l, loan);
    EXPECT_EQ(back->changes[2].op, ChangeOp::Delete);

    // The wire names are part of the contract (docs/protocol.md).
    const Json wire = encodePickup(pickup);
    EXPECT_EQ(wire["status"], "held");
    EXPECT_EQ(wire["pick_up_date"], "2030-06-20");
    EXPECT_EQ(wire.size(), 8u);
    EXPECT_EQ(encodeOpenLoan(loan).size(), 7u);
    // A newer server may add fields; the kiosk ignores them.
    Json extended = encodeOpenLoan(loan);
    extended["note"] = "x";
    EXPECT_TRUE(decodeOpenLoan(extended).ok());
    // A loan whose borrower's details the server no longer holds still decodes (staff can check it in).
    loan.name.clear();
    loan.phone.clear();
    EXPECT_EQ(*decodeOpenLoan(encodeOpenLoan(loan)), loan);
}
