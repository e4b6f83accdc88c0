// Catalogue entities ⇄ catalogue-file JSON. Optional keys the file may leave out are left out when
// they hold their default, so an encoded entity looks like what a person would write.
#include "shared/protocol/catalog_json.hpp"

#include "shared/catalog/catalog_loader.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/codes.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

namespace okienko::protocol
{

namespace
{
Json text(const domain::LocalizedText& t)
{
    Json j{{"pl", t.pl}};
    if (!t.uk.empty())
        j["uk"] = t.uk;
    if (!t.en.empty())
        j["en"] = t.en;
    return j;
}

void optionalText(Json& j, const char* key, const domain::LocalizedText& t)
{
    if (!t.empty())
        j[key] = text(t);
}

void optionalList(Json& j, const char* key, const domain::LocalizedList& l)
{
    if (l.pl.empty() && l.uk.empty() && l.en.empty())
        return;
    Json out = Json::object();
    if (!l.pl.empty())
        out["pl"] = l.pl;
    if (!l.uk.empty())
        out["uk"] = l.uk;
    if (!l.en.empty())
        out["en"] = l.en;
    j[key] = std::move(out);
}

void optionalDate(Json& j, const char* key, const std::optional<Date>& d)
{
    if (d)
        j[key] = d->iso();
}

// --- decoding through the loader ---
// A single entity is checked by wrapping it in the smallest valid catalogue document and running the
// file loader on it, so an entity from the server obeys exactly the rules of a catalogue file. The
// placeholders below only complete that document (and satisfy references); they are never kept.

const Json& placeholderMunicipality()
{
    static const Json placeholder{
        {"id", "placeholder"}, {"name", {{"pl", "placeholder"}}}, {"cus_name", {{"pl", "placeholder"}}}};
    return placeholder;
}

Json placeholderFeeTable(const std::string& id)
{
    return Json{{"id", id},
                {"title", {{"pl", "placeholder"}}},
                {"bands", Json::array({Json{{"up_to_percent", 100}, {"single_percent", 0}, {"family_percent", 0}}})}};
}

Json placeholderEquipmentType(const std::string& id)
{
    return Json{{"id", id},
                {"category", "mobility"},
                {"name", {{"pl", "placeholder"}}},
                {"description", {{"pl", "placeholder"}}},
                {"default_loan_days", 1},
                {"max_loan_days", 1}};
}

/// Definitions of every well-formed id a service's `key` fields name, so the loader accepts them;
/// whether the catalogue defines them is checked where the whole catalogue is.
void addPlaceholderDefinitions(Json& doc, const Json& service, std::string_view listKey,
                               std::initializer_list<std::string_view> keys)
{
    Json list = Json::array();
    std::vector<std::string> seen;
    auto add = [&](const Json& v)
    {
        if (!v.is_string() || !domain::isCatalogueSlug(v.get_ref<const std::string&>()))
            return;
        const std::string& id = v.get_ref<const std::string&>();
        if (std::find(seen.begin(), seen.end(), id) != seen.end())
            return;
        seen.push_back(id);
        list.push_back(Json{{"id", id}, {"name", {{"pl", "placeholder"}}}});
    };
    for (std::string_view key : keys)
    {
        auto it = service.find(std::string(key));
        if (it == service.end())
            continue;
        if (it->is_array())
            for (const Json& v : *it)
                add(v);
        else
            add(*it);
    }
    if (!list.empty())
        doc[std::string(listKey)] = std::move(list);
}

ProtocolErrorCode mapCode(catalog::CatalogErrorCode code)
{
    using C = catalog::CatalogErrorCode;
    switch (code)
    {
    case C::MalformedJson:
        return ProtocolErrorCode::MalformedJson;
    case C::InvalidUtf8:
        return ProtocolErrorCode::InvalidUtf8;
    case C::WrongType:
        return ProtocolErrorCode::WrongType;
    case C::MissingField:
        return ProtocolErrorCode::MissingField;
    case C::UnknownKey:
        return ProtocolErrorCode::UnknownField;
    case C::TooLong:
        return ProtocolErrorCode::TooLong;
    case C::OutOfRange:
        return ProtocolErrorCode::OutOfRange;
    case C::BadDate:
        return ProtocolErrorCode::BadDate;
    default:
        return ProtocolErrorCode::BadValue;
    }
}

/// Puts `entity` into a minimal valid catalogue document under `listKey` (or as the municipality),
/// adds placeholders for what it references, parses with the loader and hands the result to `pick`.
template <typename T>
Result<T, ProtocolError> decodeVia(const Json& entity, std::string_view listKey,
                                   const std::function<T(const domain::Catalog&)>& pick)
{
    if (!entity.is_object())
        return makeErr(ProtocolError{ProtocolErrorCode::WrongType, "$", "expected an object"});
    Json doc{{"format_version", 1}, {"municipality", placeholderMunicipality()}, {"services", Json::array()}};
    std::string prefix;
    if (listKey == "municipality")
    {
        doc["municipality"] = entity;
        prefix = "$.municipality";
    }
    else
    {
        doc[std::string(listKey)] = Json::array({entity});
        prefix = "$." + std::string(listKey) + "[0]";
    }
    if (listKey == "services")
    {
        auto fee = entity.find("fee");
        if (fee != entity.end() && fee->is_object())
        {
            auto ref = fee->find("fee_table_id");
            if (ref != fee->end() && ref->is_string())
                doc["fee_tables"] = Json::array({placeholderFeeTable(ref->get<std::string>())});
        }
        addPlaceholderDefinitions(doc, entity, "areas", {"primary_area", "areas"});
        addPlaceholderDefinitions(doc, entity, "target_groups", {"target_groups"});
    }
    if (listKey == "units")
    {
        auto ref = entity.find("type_id");
        if (ref != entity.end() && ref->is_string())
            doc["equipment_types"] = Json::array({placeholderEquipmentType(ref->get<std::string>())});
    }

    auto parsed = catalog::parseCatalog(doc.dump());
    if (parsed)
        return pick(*parsed);
    for (const auto& e : parsed.error())
    {
        if (e.path.rfind(prefix, 0) == 0)
        {
            std::string path = "$" + e.path.substr(prefix.size());
            return makeErr(
                ProtocolError{mapCode(e.code), path, std::string(catalog::errorCodeName(e.code)) + ": " + e.message});
        }
    }
    const auto& first = parsed.error().front();
    return makeErr(ProtocolError{mapCode(first.code), "$", std::string(catalog::errorCodeName(first.code))});
}
} // namespace

Json encodeMunicipality(const domain::Municipality& m)
{
    Json j{{"id", m.id}, {"name", text(m.name)}, {"cus_name", text(m.cusName)}};
    if (!m.address.empty())
        j["address"] = m.address;
    if (!m.phone.empty())
        j["phone"] = m.phone;
    if (!m.email.empty())
        j["email"] = m.email;
    optionalText(j, "opening_hours", m.openingHours);
    if (m.contactToBeConfirmed)
        j["contact_to_be_confirmed"] = true;
    return j;
}

Json encodeService(const domain::Service& s)
{
    Json areas = Json::array();
    for (const auto& a : s.areas)
        areas.push_back(std::string(domain::areaCode(a)));
    Json groups = Json::array();
    for (const auto& g : s.targetGroups)
        groups.push_back(std::string(domain::targetGroupCode(g)));
    Json fee{{"kind", domain::toCode(s.fee.kind)}, {"text", text(s.fee.text)}};
    if (!s.fee.feeTableId.empty())
        fee["fee_table_id"] = s.fee.feeTableId;
    Json j{{"id", s.id},
           {"status", domain::toCode(s.status)},
           {"name", text(s.name)},
           {"summary", text(s.summary)},
           {"description", text(s.description)},
           {"primary_area", domain::areaCode(s.primaryArea)},
           {"areas", std::move(areas)},
           {"target_groups", std::move(groups)},
           {"delivered_by", text(s.deliveredBy)},
           {"place", text(s.place)},
           {"hours", text(s.hours)},
           {"contact", text(s.contact)},
           {"eligibility", text(s.eligibility)},
           {"qualification_mode", text(s.qualificationMode)},
           {"fee", std::move(fee)},
           {"documents", text(s.documents)},
           {"personal_data", text(s.personalData)},
           {"kiosk_action", domain::toCode(s.kioskAction)},
           {"sources", s.sources}};
    optionalList(j, "tags", s.tags);
    optionalText(j, "capacity", s.capacity);
    if (s.toBeConfirmed)
        j["to_be_confirmed"] = true;
    optionalDate(j, "valid_from", s.validFrom);
    optionalDate(j, "valid_to", s.validTo);
    return j;
}

Json encodeMunicipalityWithNote(const domain::Municipality& m)
{
    Json j = encodeMunicipality(m);
    if (!m.internalNote.empty())
        j["internal_note"] = m.internalNote;
    return j;
}

Json encodeServiceWithNote(const domain::Service& s)
{
    Json j = encodeService(s);
    if (!s.internalNote.empty())
        j["internal_note"] = s.internalNote;
    return j;
}

Json encodeFeeTable(const domain::FeeTable& t)
{
    Json bands = Json::array();
    for (const auto& b : t.bands)
        bands.push_back(Json{{"up_to_percent", b.upToPercent},
                             {"single_percent", b.singlePercent},
                             {"family_percent", b.familyPercent}});
    Json j{{"id", t.id}, {"title", text(t.title)}, {"bands", std::move(bands)}};
    if (t.criterionSingleGrosze != 0)
        j["criterion_single_grosze"] = t.criterionSingleGrosze;
    if (t.criterionFamilyGrosze != 0)
        j["criterion_family_grosze"] = t.criterionFamilyGrosze;
    optionalText(j, "criterion_note", t.criterionNote);
    optionalText(j, "above_last_band", t.aboveLastBand);
    optionalText(j, "payment_rule", t.paymentRule);
    return j;
}

Json encodeEquipmentType(const domain::EquipmentType& t)
{
    Json j{{"id", t.id},
           {"category", domain::toCode(t.category)},
           {"name", text(t.name)},
           {"description", text(t.description)},
           {"default_loan_days", t.defaultLoanDays},
           {"max_loan_days", t.maxLoanDays}};
    if (!t.pictogram.empty())
        j["pictogram"] = t.pictogram;
    if (!t.attributes.empty())
    {
        Json attrs = Json::array();
        for (const auto& a : t.attributes)
            attrs.push_back(Json{{"key", a.key}, {"label", text(a.label)}, {"value", text(a.value)}});
        j["attributes"] = std::move(attrs);
    }
    optionalList(j, "what_to_bring", t.whatToBring);
    optionalText(j, "notes", t.notes);
    return j;
}

Json encodeUnit(const domain::EquipmentUnit& u)
{
    Json j{{"inventory_number", u.inventoryNumber}, {"type_id", u.typeId}, {"state", domain::toCode(u.state)}};
    if (!u.notes.empty())
        j["notes"] = u.notes;
    return j;
}

Json encodeCounsellingKind(const domain::CounsellingKind& k)
{
    return Json{{"id", k.id}, {"name", text(k.name)}, {"description", text(k.description)}};
}

Json encodeEmergencyNumber(const domain::EmergencyNumber& n)
{
    Json j{{"number", n.number}, {"name", text(n.name)}};
    optionalText(j, "hours", n.hours);
    if (n.verifyLocally)
        j["verify_locally"] = true;
    return j;
}

Json encodeAnnouncement(const domain::Announcement& a)
{
    Json j{{"id", a.id}, {"title", text(a.title)}, {"body", text(a.body)}};
    optionalDate(j, "valid_from", a.validFrom);
    optionalDate(j, "valid_to", a.validTo);
    return j;
}

namespace
{
template <typename Definition> Json encodeDefinition(const Definition& d)
{
    Json j{{"id", std::string(d.id.id())}, {"name", text(d.name)}};
    if (!d.pictogram.empty())
        j["pictogram"] = d.pictogram;
    if (d.retired)
        j["retired"] = true;
    return j;
}
} // namespace

Json encodeArea(const domain::AreaDefinition& area)
{
    return encodeDefinition(area);
}

Json encodeTargetGroup(const domain::TargetGroupDefinition& group)
{
    return encodeDefinition(group);
}

Json encodeCatalog(const domain::Catalog& c)
{
    auto list = [](const auto& items, auto encode)
    {
        Json out = Json::array();
        for (const auto& item : items)
            out.push_back(encode(item));
        return out;
    };
    Json j{{"format_version", c.formatVersion},
           {"municipality", encodeMunicipalityWithNote(c.municipality)},
           {"services", list(c.services, encodeServiceWithNote)}};
    if (!c.feeTables.empty())
        j["fee_tables"] = list(c.feeTables, encodeFeeTable);
    if (!c.equipmentTypes.empty())
        j["equipment_types"] = list(c.equipmentTypes, encodeEquipmentType);
    if (!c.units.empty())
        j["units"] = list(c.units, encodeUnit);
    if (!c.counsellingKinds.empty())
        j["counselling_kinds"] = list(c.counsellingKinds, encodeCounsellingKind);
    if (!c.emergencyNumbers.empty())
        j["emergency_numbers"] = list(c.emergencyNumbers, encodeEmergencyNumber);
    if (!c.announcements.empty())
        j["announcements"] = list(c.announcements, encodeAnnouncement);
    // The shipped lists are what a file without its own lists means: written only when changed.
    if (c.areas != domain::shippedAreaDefinitions())
        j["areas"] = list(c.areas, encodeArea);
    if (c.targetGroups != domain::shippedTargetGroupDefinitions())
        j["target_groups"] = list(c.targetGroups, encodeTargetGroup);
    return j;
}

Json encodeCatalogWithLists(const domain::Catalog& c)
{
    Json j = encodeCatalog(c);
    Json areas = Json::array();
    for (const auto& a : c.areas)
        areas.push_back(encodeArea(a));
    Json groups = Json::array();
    for (const auto& g : c.targetGroups)
        groups.push_back(encodeTargetGroup(g));
    j["areas"] = std::move(areas);
    j["target_groups"] = std::move(groups);
    return j;
}

Result<domain::Municipality, ProtocolError> decodeMunicipality(const Json& v)
{
    return decodeVia<domain::Municipality>(v, "municipality", [](const domain::Catalog& c) { return c.municipality; });
}

Result<domain::Service, ProtocolError> decodeService(const Json& v)
{
    return decodeVia<domain::Service>(v, "services", [](const domain::Catalog& c) { return c.services.front(); });
}

Result<domain::FeeTable, ProtocolError> decodeFeeTable(const Json& v)
{
    return decodeVia<domain::FeeTable>(v, "fee_tables", [](const domain::Catalog& c) { return c.feeTables.front(); });
}

Result<domain::EquipmentType, ProtocolError> decodeEquipmentType(const Json& v)
{
    return decodeVia<domain::EquipmentType>(v, "equipment_types",
                                            [](const domain::Catalog& c) { return c.equipmentTypes.front(); });
}

Result<domain::EquipmentUnit, ProtocolError> decodeUnit(const Json& v)
{
    return decodeVia<domain::EquipmentUnit>(v, "units", [](const domain::Catalog& c) { return c.units.front(); });
}

Result<domain::CounsellingKind, ProtocolError> decodeCounsellingKind(const Json& v)
{
    return decodeVia<domain::CounsellingKind>(v, "counselling_kinds",
                                              [](const domain::Catalog& c) { return c.counsellingKinds.front(); });
}

Result<domain::EmergencyNumber, ProtocolError> decodeEmergencyNumber(const Json& v)
{
    return decodeVia<domain::EmergencyNumber>(v, "emergency_numbers",
                                              [](const domain::Catalog& c) { return c.emergencyNumbers.front(); });
}

Result<domain::Announcement, ProtocolError> decodeAnnouncement(const Json& v)
{
    return decodeVia<domain::Announcement>(v, "announcements",
                                           [](const domain::Catalog& c) { return c.announcements.front(); });
}

Result<domain::AreaDefinition, ProtocolError> decodeArea(const Json& v)
{
    return decodeVia<domain::AreaDefinition>(v, "areas", [](const domain::Catalog& c) { return c.areas.front(); });
}

Result<domain::TargetGroupDefinition, ProtocolError> decodeTargetGroup(const Json& v)
{
    return decodeVia<domain::TargetGroupDefinition>(v, "target_groups",
                                                    [](const domain::Catalog& c) { return c.targetGroups.front(); });
}

} // namespace okienko::protocol
