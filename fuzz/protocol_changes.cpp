// GET /api/v1/changes from the kiosk's side: the page, then each change's data by its entity (the
// decoders the kiosk's change applier calls). Invariants: the page round-trips, and the staff feed's
// notices (pickup, open_loan) decode back equal from their own encoding.
#include "fuzz/round_trip.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"

using namespace okienko::protocol;

namespace
{

template <typename Value, typename Encode, typename Decode>
void checkEntityRoundTrip(const Value& value, Encode encode, Decode decode)
{
    auto again = decode(encode(value), "$");
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(encode(*again) == encode(value));
}

void decodeData(const Change& change)
{
    if (change.op != ChangeOp::Upsert)
        return;
    const auto& d = change.data;
    const std::string_view e = change.entity;
    if (e == entity::kMunicipality)
        (void)decodeMunicipality(d);
    else if (e == entity::kService)
        (void)decodeService(d);
    else if (e == entity::kFeeTable)
        (void)decodeFeeTable(d);
    else if (e == entity::kEquipmentType)
        (void)decodeEquipmentType(d);
    else if (e == entity::kUnit)
        (void)decodeUnit(d);
    else if (e == entity::kCounsellingKind)
        (void)decodeCounsellingKind(d);
    else if (e == entity::kEmergencyNumber)
        (void)decodeEmergencyNumber(d);
    else if (e == entity::kAnnouncement)
        (void)decodeAnnouncement(d);
    else if (e == entity::kCounsellingSlot)
    {
        if (auto slot = decodeSlot(d))
            checkEntityRoundTrip(*slot, encodeSlot, decodeSlot);
    }
    else if (e == entity::kStaff)
    {
        if (auto staff = decodeStaff(d))
            checkEntityRoundTrip(*staff, encodeStaff, decodeStaff);
    }
    else if (e == entity::kReservation || e == entity::kCounsellingRequest || e == entity::kCallbackRequest)
    {
        if (auto update = decodeRequestStatus(d))
            checkEntityRoundTrip(*update, encodeRequestStatus, decodeRequestStatus);
    }
    else if (e == entity::kPickup)
    {
        if (auto pickup = decodePickup(d))
        {
            auto again = decodePickup(encodePickup(*pickup));
            FUZZ_CHECK(again.ok() && *again == *pickup);
        }
    }
    else if (e == entity::kOpenLoan)
    {
        if (auto loan = decodeOpenLoan(d))
        {
            auto again = decodeOpenLoan(encodeOpenLoan(*loan));
            FUZZ_CHECK(again.ok() && *again == *loan);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto body = okienko::fuzz::asText(data, size);
    okienko::fuzz::checkRoundTrip(body, decodeChangesPage, encodeChangesPage);
    if (auto page = decodeChangesPage(body))
        for (const auto& change : page->changes)
            decodeData(change);
    return 0;
}
