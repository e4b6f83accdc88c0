// The catalogue file loader (shared/catalog, docs/catalog-format.md) and the panel's per-entry
// checks. Invariants: every error has a JSON path and formats; a catalogue that loads, sent to a
// kiosk as the protocol's entities, decodes back equal (the server never sends what it loaded in a
// form the kiosk refuses).
#include "shared/catalog/catalog_loader.hpp"

#include "fuzz/fuzz_check.hpp"
#include "shared/protocol/catalog_json.hpp"

using namespace okienko;

namespace
{

template <typename Item, typename Encode, typename Decode>
void checkSentAsChanges(const std::vector<Item>& items, Encode encode, Decode decode)
{
    for (const auto& item : items)
    {
        auto decoded = decode(encode(item));
        FUZZ_CHECK(decoded.ok());
        FUZZ_CHECK(*decoded == item);
    }
}

void checkErrors(const catalog::CatalogErrors& errors)
{
    FUZZ_CHECK(!errors.empty());
    FUZZ_CHECK(errors.size() <= catalog::kMaxCatalogErrors + 1);
    for (const auto& error : errors)
    {
        FUZZ_CHECK(!error.path.empty());
        (void)catalog::formatCatalogError(error);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto json = fuzz::asText(data, size);
    auto loaded = catalog::parseCatalog(json);
    if (!loaded)
        checkErrors(loaded.error());
    else
    {
        const domain::Catalog& c = *loaded;
        auto municipality = protocol::decodeMunicipality(protocol::encodeMunicipalityWithNote(c.municipality));
        FUZZ_CHECK(municipality.ok() && *municipality == c.municipality);
        checkSentAsChanges(c.services, protocol::encodeServiceWithNote, protocol::decodeService);
        checkSentAsChanges(c.feeTables, protocol::encodeFeeTable, protocol::decodeFeeTable);
        checkSentAsChanges(c.equipmentTypes, protocol::encodeEquipmentType, protocol::decodeEquipmentType);
        checkSentAsChanges(c.units, protocol::encodeUnit, protocol::decodeUnit);
        checkSentAsChanges(c.counsellingKinds, protocol::encodeCounsellingKind, protocol::decodeCounsellingKind);
        checkSentAsChanges(c.emergencyNumbers, protocol::encodeEmergencyNumber, protocol::decodeEmergencyNumber);
        checkSentAsChanges(c.announcements, protocol::encodeAnnouncement, protocol::decodeAnnouncement);
        checkSentAsChanges(c.areas, protocol::encodeArea, protocol::decodeArea);
        checkSentAsChanges(c.targetGroups, protocol::encodeTargetGroup, protocol::decodeTargetGroup);
        // The file encoding keeps the catalogue's own lists (and leaves out the shipped ones).
        auto again = catalog::parseCatalog(protocol::encodeCatalog(c).dump());
        FUZZ_CHECK(again.ok() && again->areas == c.areas && again->targetGroups == c.targetGroups);
    }
    if (auto service = catalog::parseServiceEntry(json); !service)
        checkErrors(service.error());
    if (auto announcement = catalog::parseAnnouncementEntry(json); !announcement)
        checkErrors(announcement.error());
    return 0;
}
