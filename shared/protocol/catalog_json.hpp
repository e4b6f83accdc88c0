// Catalogue entities as JSON in exactly the shape of the catalogue file (docs/catalog-format.md),
// so a change pulled from the server and a file staff edit by hand are one format. Encoders write
// what the loader reads; decoders run the loader itself (shared/catalog/catalog_loader) over a
// one-entity document, so a pulled entity is checked by precisely the rules a file is checked by.
#pragma once

#include "shared/domain/catalog.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/result.hpp"

namespace okienko::protocol
{

/// Entities as kiosks get them: without the coordinators' note (`internal_note`), which a resident
/// must never see and an older kiosk's loader would refuse as an unknown key.
Json encodeMunicipality(const domain::Municipality& municipality);
Json encodeService(const domain::Service& service);
/// The same with the note: a catalogue file, the panel's forms.
Json encodeMunicipalityWithNote(const domain::Municipality& municipality);
Json encodeServiceWithNote(const domain::Service& service);
Json encodeFeeTable(const domain::FeeTable& table);
Json encodeEquipmentType(const domain::EquipmentType& type);
Json encodeUnit(const domain::EquipmentUnit& unit);
Json encodeCounsellingKind(const domain::CounsellingKind& kind);
Json encodeEmergencyNumber(const domain::EmergencyNumber& number);
Json encodeAnnouncement(const domain::Announcement& announcement);
/// An item of `areas` / `target_groups` (decision 0012).
Json encodeArea(const domain::AreaDefinition& area);
Json encodeTargetGroup(const domain::TargetGroupDefinition& group);
/// The whole catalogue as a catalogue file, notes included; parseCatalog(encodeCatalog(c).dump()) == c.
Json encodeCatalog(const domain::Catalog& catalog);
/// The same with `areas` and `target_groups` written even when they are the shipped lists: the
/// documents the panel edits and the import merges, where each area and group is an entry.
Json encodeCatalogWithLists(const domain::Catalog& catalog);

/// Each decoder validates with the catalogue loader's rules. A reference to another entity
/// (a service's fee_table_id, a unit's type_id) is checked for its form only: the entity it names
/// arrives in its own change; so are a service's areas and target groups, which are decoded with
/// placeholder definitions of the ids they name. Error paths are relative to the entity ("$.name.pl").
Result<domain::Municipality, ProtocolError> decodeMunicipality(const Json& value);
Result<domain::Service, ProtocolError> decodeService(const Json& value);
Result<domain::FeeTable, ProtocolError> decodeFeeTable(const Json& value);
Result<domain::EquipmentType, ProtocolError> decodeEquipmentType(const Json& value);
Result<domain::EquipmentUnit, ProtocolError> decodeUnit(const Json& value);
Result<domain::CounsellingKind, ProtocolError> decodeCounsellingKind(const Json& value);
Result<domain::EmergencyNumber, ProtocolError> decodeEmergencyNumber(const Json& value);
Result<domain::Announcement, ProtocolError> decodeAnnouncement(const Json& value);
Result<domain::AreaDefinition, ProtocolError> decodeArea(const Json& value);
Result<domain::TargetGroupDefinition, ProtocolError> decodeTargetGroup(const Json& value);

} // namespace okienko::protocol
