// The catalogue entities as the server sends them in changes (shared/protocol/catalog_json): any
// JSON value decoded as each entity. Invariant: what decodes, re-encoded, decodes back equal.
#include "fuzz/fuzz_check.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/json_reader.hpp"

using namespace okienko::protocol;

namespace
{

template <typename Decode, typename Encode> void checkEntity(const Json& value, Decode decode, Encode encode)
{
    auto first = decode(value);
    if (!first)
        return;
    auto again = decode(encode(*first));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *first);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto json = parseJson(okienko::fuzz::asText(data, size));
    if (!json)
        return 0;
    const Json& v = *json;
    checkEntity(v, decodeMunicipality, encodeMunicipalityWithNote);
    checkEntity(v, decodeService, encodeServiceWithNote);
    checkEntity(v, decodeFeeTable, encodeFeeTable);
    checkEntity(v, decodeEquipmentType, encodeEquipmentType);
    checkEntity(v, decodeUnit, encodeUnit);
    checkEntity(v, decodeCounsellingKind, encodeCounsellingKind);
    checkEntity(v, decodeEmergencyNumber, encodeEmergencyNumber);
    checkEntity(v, decodeAnnouncement, encodeAnnouncement);
    return 0;
}
