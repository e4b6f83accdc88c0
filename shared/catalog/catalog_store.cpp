// Writing a domain::Catalog into the migration-1 tables and reading it back. Column order in each
// INSERT matches the order of the Writer calls, and each SELECT the order of the Reader calls.
#include "shared/catalog/catalog_store.hpp"

#include "shared/catalog/catalog_schema.hpp"
#include "shared/db/query.hpp"
#include "shared/db/statement.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace okienko::catalog
{

namespace
{
using db::Error;
using domain::LocalizedList;
using domain::LocalizedText;

/// Binds parameters 1, 2, 3, … in call order; the first failure sticks and is returned by run().
class Writer
{
  public:
    /// Every catalogue row names its site: parameter 1 of each INSERT, bound again after each run.
    Writer(db::Statement& stmt, std::string_view site) : m_stmt(stmt), m_site(site) { text(m_site); }

    Writer& text(std::string_view v)
    {
        if (m_status.ok())
            m_status = m_stmt.bindText(++m_index, v);
        return *this;
    }
    Writer& integer(std::int64_t v)
    {
        if (m_status.ok())
            m_status = m_stmt.bindInt64(++m_index, v);
        return *this;
    }
    Writer& boolean(bool v) { return integer(v ? 1 : 0); }
    Writer& loc(const LocalizedText& t) { return text(t.pl).text(t.uk).text(t.en); }
    /// Empty text is stored as NULL (an absent reference).
    Writer& reference(const std::string& id)
    {
        if (!id.empty())
            return text(id);
        if (m_status.ok())
            m_status = m_stmt.bindNull(++m_index);
        return *this;
    }
    Writer& date(const std::optional<Date>& d)
    {
        if (d)
            return text(d->iso());
        if (m_status.ok())
            m_status = m_stmt.bindNull(++m_index);
        return *this;
    }

    Status<Error> run()
    {
        Status<Error> result = m_status.ok() ? m_stmt.run() : m_status;
        m_stmt.clearBindings();
        m_index = 0;
        m_status = {};
        text(m_site);
        return result;
    }

  private:
    db::Statement& m_stmt;
    std::string_view m_site;
    int m_index = 0;
    Status<Error> m_status;
};

/// Reads the catalogue's column forms (three-language texts, codes, dates) from a row in call order;
/// a value that does not decode marks the row bad, naming the column — never the stored value.
class Reader
{
  public:
    explicit Reader(db::Row& row) : m_row(row) {}

    std::string text() { return m_row.text(); }
    int integer() { return m_row.integer(); }
    std::int64_t int64() { return m_row.int64(); }
    bool boolean() { return m_row.flag(); }
    LocalizedText loc()
    {
        LocalizedText t;
        t.pl = text();
        t.uk = text();
        t.en = text();
        return t;
    }
    /// NULL reads as "".
    std::string reference() { return m_row.optionalText().value_or(std::string()); }
    std::optional<Date> date()
    {
        const int column = m_row.column();
        auto text = m_row.optionalText();
        if (!text)
            return std::nullopt;
        auto parsed = parseIsoDate(*text);
        if (!parsed)
            fail(column, "a YYYY-MM-DD date");
        return parsed;
    }
    template <typename E> E code(E fallback)
    {
        const int column = m_row.column();
        auto parsed = domain::fromCode<E>(text());
        if (!parsed)
            fail(column, "a known code");
        return parsed.value_or(fallback);
    }
    domain::Area area()
    {
        const int column = m_row.column();
        auto parsed = domain::parseArea(text());
        if (!parsed)
            fail(column, "an area code");
        return parsed.value_or(domain::Area::SocialAssistance);
    }
    domain::TargetGroup targetGroup()
    {
        const int column = m_row.column();
        auto parsed = domain::parseTargetGroup(text());
        if (!parsed)
            fail(column, "a target-group code");
        return parsed.value_or(domain::TargetGroup::AllResidents);
    }
    domain::Language language()
    {
        const int column = m_row.column();
        auto parsed = domain::parseLanguage(text());
        if (!parsed)
            fail(column, "a language code");
        return parsed.value_or(domain::Language::Pl);
    }

    bool ok() const { return m_row.ok(); }

  private:
    void fail(int column, const char* expected)
    {
        m_row.fail("column " + m_row.columnName(column) + ": expected " + expected);
    }

    db::Row& m_row;
};

// Children first; the foreign keys are deferred, so the order only saves cascade work.
constexpr const char* kDeleteAll[] = {
    "DELETE FROM service_areas WHERE site_id = ?1",
    "DELETE FROM service_target_groups WHERE site_id = ?1",
    "DELETE FROM service_tags WHERE site_id = ?1",
    "DELETE FROM service_sources WHERE site_id = ?1",
    "DELETE FROM services WHERE site_id = ?1",
    "DELETE FROM fee_bands WHERE site_id = ?1",
    "DELETE FROM fee_tables WHERE site_id = ?1",
    "DELETE FROM equipment_attributes WHERE site_id = ?1",
    "DELETE FROM equipment_what_to_bring WHERE site_id = ?1",
    "DELETE FROM equipment_units WHERE site_id = ?1",
    "DELETE FROM equipment_types WHERE site_id = ?1",
    "DELETE FROM counselling_kinds WHERE site_id = ?1",
    "DELETE FROM emergency_numbers WHERE site_id = ?1",
    "DELETE FROM announcements WHERE site_id = ?1",
    "DELETE FROM municipality WHERE site_id = ?1",
    "DELETE FROM catalog_meta WHERE site_id = ?1",
    "DELETE FROM catalog_areas WHERE site_id = ?1",
    "DELETE FROM catalog_target_groups WHERE site_id = ?1",
};

constexpr const char* kInsertMeta = "INSERT INTO catalog_meta(site_id, id, format_version) VALUES (?, 1, ?)";

constexpr const char* kInsertMunicipality =
    "INSERT INTO municipality(site_id, id, municipality_id, name_pl, name_uk, name_en, cus_name_pl, cus_name_uk, "
    "cus_name_en,"
    " address, phone, email, opening_hours_pl, opening_hours_uk, opening_hours_en, contact_to_be_confirmed,"
    " internal_note) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertFeeTable =
    "INSERT INTO fee_tables(site_id, id, position, title_pl, title_uk, title_en, criterion_single_grosze,"
    " criterion_family_grosze, criterion_note_pl, criterion_note_uk, criterion_note_en, above_last_band_pl,"
    " above_last_band_uk, above_last_band_en, payment_rule_pl, payment_rule_uk, payment_rule_en)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertFeeBand =
    "INSERT INTO fee_bands(site_id, fee_table_id, position, up_to_percent, single_percent, family_percent)"
    " VALUES (?, ?, ?, ?, ?, ?)";

constexpr const char* kServiceColumns =
    "id, position, status, name_pl, name_uk, name_en, summary_pl, summary_uk, summary_en, description_pl,"
    " description_uk, description_en, primary_area, delivered_by_pl, delivered_by_uk, delivered_by_en, place_pl,"
    " place_uk, place_en, hours_pl, hours_uk, hours_en, contact_pl, contact_uk, contact_en, eligibility_pl,"
    " eligibility_uk, eligibility_en, qualification_mode_pl, qualification_mode_uk, qualification_mode_en,"
    " fee_kind, fee_text_pl, fee_text_uk, fee_text_en, fee_table_id, documents_pl, documents_uk, documents_en,"
    " personal_data_pl, personal_data_uk, personal_data_en, capacity_pl, capacity_uk, capacity_en, kiosk_action,"
    " to_be_confirmed, valid_from, valid_to, internal_note";

constexpr const char* kInsertService =
    "INSERT INTO services(site_id, id, position, status, name_pl, name_uk, name_en, summary_pl, summary_uk, summary_en,"
    " description_pl, description_uk, description_en, primary_area, delivered_by_pl, delivered_by_uk,"
    " delivered_by_en, place_pl, place_uk, place_en, hours_pl, hours_uk, hours_en, contact_pl, contact_uk,"
    " contact_en, eligibility_pl, eligibility_uk, eligibility_en, qualification_mode_pl, qualification_mode_uk,"
    " qualification_mode_en, fee_kind, fee_text_pl, fee_text_uk, fee_text_en, fee_table_id, documents_pl,"
    " documents_uk, documents_en, personal_data_pl, personal_data_uk, personal_data_en, capacity_pl, capacity_uk,"
    " capacity_en, kiosk_action, to_be_confirmed, valid_from, valid_to, internal_note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertServiceArea =
    "INSERT INTO service_areas(site_id, service_id, position, area) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertServiceTargetGroup =
    "INSERT INTO service_target_groups(site_id, service_id, position, target_group) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertServiceTag =
    "INSERT INTO service_tags(site_id, service_id, lang, position, tag) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kInsertServiceSource =
    "INSERT INTO service_sources(site_id, service_id, position, source) VALUES (?, ?, ?, ?)";

constexpr const char* kInsertEquipmentType =
    "INSERT INTO equipment_types(site_id, id, position, category, name_pl, name_uk, name_en, description_pl,"
    " description_uk, description_en, pictogram, default_loan_days, max_loan_days, notes_pl, notes_uk, notes_en)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAttribute = "INSERT INTO equipment_attributes(site_id, type_id, position, key, label_pl, "
                                         "label_uk, label_en, value_pl, value_uk,"
                                         " value_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertWhatToBring =
    "INSERT INTO equipment_what_to_bring(site_id, type_id, lang, position, item) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kInsertUnit =
    "INSERT INTO equipment_units(site_id, inventory_number, position, type_id, state, notes) VALUES (?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertCounsellingKind =
    "INSERT INTO counselling_kinds(site_id, id, position, name_pl, name_uk, name_en, description_pl, description_uk,"
    " description_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertEmergencyNumber =
    "INSERT INTO emergency_numbers(site_id, position, number, name_pl, name_uk, name_en, hours_pl, hours_uk, hours_en,"
    " verify_locally) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAnnouncement = "INSERT INTO announcements(site_id, id, position, title_pl, title_uk, "
                                            "title_en, body_pl, body_uk, body_en, valid_from,"
                                            " valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertArea =
    "INSERT INTO catalog_areas(site_id, id, position, name_pl, name_uk, name_en, pictogram,"
    " retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertTargetGroup =
    "INSERT INTO catalog_target_groups(site_id, id, position, name_pl, name_uk, name_en, pictogram, retired)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/// Inserts one row per (language, item) of a localized list.
Status<Error> writeList(db::Statement& stmt, std::string_view site, const std::string& ownerId,
                        const LocalizedList& list)
{
    Writer w(stmt, site);
    for (domain::Language lang : domain::kAllLanguages)
    {
        const auto& items = list.raw(lang);
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            w.text(ownerId).text(domain::languageCode(lang)).integer(static_cast<std::int64_t>(i)).text(items[i]);
            if (auto s = w.run(); !s)
                return s;
        }
    }
    return {};
}

/// Prepared statements of the import, made once and reused for every row.
struct ImportStatements
{
    db::Statement meta, municipality, feeTable, feeBand, service, serviceArea, serviceTargetGroup, serviceTag,
        serviceSource, equipmentType, attribute, whatToBring, unit, counsellingKind, emergencyNumber, announcement,
        area, targetGroup;
    std::string site;
};

Result<ImportStatements, Error> prepareImport(db::Database& db, std::string_view site)
{
    ImportStatements s;
    s.site = std::string(site);
    const std::pair<db::Statement*, const char*> all[] = {
        {&s.meta, kInsertMeta},
        {&s.municipality, kInsertMunicipality},
        {&s.feeTable, kInsertFeeTable},
        {&s.feeBand, kInsertFeeBand},
        {&s.service, kInsertService},
        {&s.serviceArea, kInsertServiceArea},
        {&s.serviceTargetGroup, kInsertServiceTargetGroup},
        {&s.serviceTag, kInsertServiceTag},
        {&s.serviceSource, kInsertServiceSource},
        {&s.equipmentType, kInsertEquipmentType},
        {&s.attribute, kInsertAttribute},
        {&s.whatToBring, kInsertWhatToBring},
        {&s.unit, kInsertUnit},
        {&s.counsellingKind, kInsertCounsellingKind},
        {&s.emergencyNumber, kInsertEmergencyNumber},
        {&s.announcement, kInsertAnnouncement},
        {&s.area, kInsertArea},
        {&s.targetGroup, kInsertTargetGroup},
    };
    for (const auto& [target, sql] : all)
    {
        auto stmt = db.prepare(sql);
        if (!stmt)
            return makeErr(stmt.error());
        *target = std::move(stmt).value();
    }
    return s;
}

Status<Error> writeService(ImportStatements& st, const domain::Service& v, std::int64_t position)
{
    Writer w(st.service, st.site);
    w.text(v.id).integer(position).text(domain::toCode(v.status)).loc(v.name).loc(v.summary).loc(v.description);
    w.text(domain::areaCode(v.primaryArea)).loc(v.deliveredBy).loc(v.place).loc(v.hours).loc(v.contact);
    w.loc(v.eligibility).loc(v.qualificationMode);
    w.text(domain::toCode(v.fee.kind)).loc(v.fee.text).reference(v.fee.feeTableId);
    w.loc(v.documents).loc(v.personalData).loc(v.capacity);
    w.text(domain::toCode(v.kioskAction)).boolean(v.toBeConfirmed).date(v.validFrom).date(v.validTo);
    w.text(v.internalNote);
    if (auto s = w.run(); !s)
        return s;

    Writer area(st.serviceArea, st.site);
    for (std::size_t i = 0; i < v.areas.size(); ++i)
    {
        area.text(v.id).integer(static_cast<std::int64_t>(i)).text(domain::areaCode(v.areas[i]));
        if (auto s = area.run(); !s)
            return s;
    }
    Writer group(st.serviceTargetGroup, st.site);
    for (std::size_t i = 0; i < v.targetGroups.size(); ++i)
    {
        group.text(v.id).integer(static_cast<std::int64_t>(i)).text(domain::targetGroupCode(v.targetGroups[i]));
        if (auto s = group.run(); !s)
            return s;
    }
    if (auto s = writeList(st.serviceTag, st.site, v.id, v.tags); !s)
        return s;
    Writer source(st.serviceSource, st.site);
    for (std::size_t i = 0; i < v.sources.size(); ++i)
    {
        source.text(v.id).integer(static_cast<std::int64_t>(i)).text(v.sources[i]);
        if (auto s = source.run(); !s)
            return s;
    }
    return {};
}

Status<Error> writeEquipmentType(ImportStatements& st, const domain::EquipmentType& v, std::int64_t position)
{
    Writer w(st.equipmentType, st.site);
    w.text(v.id).integer(position).text(domain::toCode(v.category)).loc(v.name).loc(v.description);
    w.text(v.pictogram).integer(v.defaultLoanDays).integer(v.maxLoanDays).loc(v.notes);
    if (auto s = w.run(); !s)
        return s;
    Writer attr(st.attribute, st.site);
    for (std::size_t i = 0; i < v.attributes.size(); ++i)
    {
        const auto& a = v.attributes[i];
        attr.text(v.id).integer(static_cast<std::int64_t>(i)).text(a.key).loc(a.label).loc(a.value);
        if (auto s = attr.run(); !s)
            return s;
    }
    return writeList(st.whatToBring, st.site, v.id, v.whatToBring);
}

template <typename Definition>
Status<Error> writeDefinitions(db::Statement& stmt, std::string_view site, const std::vector<Definition>& list)
{
    for (std::size_t i = 0; i < list.size(); ++i)
    {
        const auto& d = list[i];
        Writer w(stmt, site);
        w.text(d.id.id()).integer(static_cast<std::int64_t>(i)).loc(d.name).text(d.pictogram);
        if (auto s = w.boolean(d.retired).run(); !s)
            return s;
    }
    return {};
}

Status<Error> writeAll(db::Database& db, std::string_view site, const domain::Catalog& c)
{
    for (const char* sql : kDeleteAll)
        if (auto s = db::exec(db, sql, site); !s)
            return s;

    auto prepared = prepareImport(db, site);
    if (!prepared)
        return makeErr(prepared.error());
    ImportStatements& st = *prepared;

    if (auto s = Writer(st.meta, st.site).integer(c.formatVersion).run(); !s)
        return s;
    const auto& m = c.municipality;
    Writer muni(st.municipality, st.site);
    muni.text(m.id).loc(m.name).loc(m.cusName).text(m.address).text(m.phone).text(m.email).loc(m.openingHours);
    if (auto s = muni.boolean(m.contactToBeConfirmed).text(m.internalNote).run(); !s)
        return s;

    for (std::size_t i = 0; i < c.feeTables.size(); ++i)
    {
        const auto& t = c.feeTables[i];
        Writer w(st.feeTable, st.site);
        w.text(t.id).integer(static_cast<std::int64_t>(i)).loc(t.title);
        w.integer(t.criterionSingleGrosze).integer(t.criterionFamilyGrosze).loc(t.criterionNote);
        w.loc(t.aboveLastBand).loc(t.paymentRule);
        if (auto s = w.run(); !s)
            return s;
        Writer band(st.feeBand, st.site);
        for (std::size_t b = 0; b < t.bands.size(); ++b)
        {
            const auto& fb = t.bands[b];
            band.text(t.id).integer(static_cast<std::int64_t>(b)).integer(fb.upToPercent);
            band.integer(fb.singlePercent).integer(fb.familyPercent);
            if (auto s = band.run(); !s)
                return s;
        }
    }
    for (std::size_t i = 0; i < c.services.size(); ++i)
        if (auto s = writeService(st, c.services[i], static_cast<std::int64_t>(i)); !s)
            return s;
    for (std::size_t i = 0; i < c.equipmentTypes.size(); ++i)
        if (auto s = writeEquipmentType(st, c.equipmentTypes[i], static_cast<std::int64_t>(i)); !s)
            return s;
    for (std::size_t i = 0; i < c.units.size(); ++i)
    {
        const auto& u = c.units[i];
        Writer w(st.unit, st.site);
        w.text(u.inventoryNumber).integer(static_cast<std::int64_t>(i)).text(u.typeId);
        if (auto s = w.text(domain::toCode(u.state)).text(u.notes).run(); !s)
            return s;
    }
    for (std::size_t i = 0; i < c.counsellingKinds.size(); ++i)
    {
        const auto& k = c.counsellingKinds[i];
        Writer w(st.counsellingKind, st.site);
        if (auto s = w.text(k.id).integer(static_cast<std::int64_t>(i)).loc(k.name).loc(k.description).run(); !s)
            return s;
    }
    for (std::size_t i = 0; i < c.emergencyNumbers.size(); ++i)
    {
        const auto& n = c.emergencyNumbers[i];
        Writer w(st.emergencyNumber, st.site);
        w.integer(static_cast<std::int64_t>(i)).text(n.number).loc(n.name).loc(n.hours);
        if (auto s = w.boolean(n.verifyLocally).run(); !s)
            return s;
    }
    for (std::size_t i = 0; i < c.announcements.size(); ++i)
    {
        const auto& a = c.announcements[i];
        Writer w(st.announcement, st.site);
        w.text(a.id).integer(static_cast<std::int64_t>(i)).loc(a.title).loc(a.body);
        if (auto s = w.date(a.validFrom).date(a.validTo).run(); !s)
            return s;
    }
    if (auto s = writeDefinitions(st.area, st.site, c.areas); !s)
        return s;
    return writeDefinitions(st.targetGroup, st.site, c.targetGroups);
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Runs `stmt` again (parameter 1 bound to `ownerId` unless null) and calls `read(reader)` per row;
/// the statements are prepared once and reused for every owner.
template <typename Read>
Status<Error> forEachRow(std::string_view site, db::Statement& stmt, const std::string* ownerId, Read&& read)
{
    stmt.reset();
    Status<Error> walked = stmt.bindText(1, site);
    if (walked && ownerId != nullptr)
        walked = stmt.bindText(2, *ownerId);
    if (walked)
        walked = db::forEachRow(stmt,
                                [&](db::Row& row)
                                {
                                    Reader r(row);
                                    read(r);
                                });
    stmt.reset();
    return walked;
}

Status<Error> readList(std::string_view site, db::Statement& stmt, const std::string& ownerId, LocalizedList& list)
{
    return forEachRow(site, stmt, &ownerId,
                      [&](Reader& r)
                      {
                          const auto lang = r.language();
                          std::string item = r.text();
                          if (r.ok())
                              list.raw(lang).push_back(std::move(item));
                      });
}

/// One of the catalogue's own lists (`table`); `id` reads the row's id.
template <typename Definition, typename ReadId>
Status<Error> readDefinitionList(db::Database& db, std::string_view site, const char* table, ReadId id,
                                 std::vector<Definition>& out)
{
    auto rows = db.prepare(std::string("SELECT id, name_pl, name_uk, name_en, pictogram, retired FROM ") + table +
                           " WHERE site_id = ?1 ORDER BY position");
    if (!rows)
        return makeErr(rows.error());
    return forEachRow(site, *rows, nullptr,
                      [&](Reader& r)
                      {
                          const auto parsed = id(r);
                          domain::LocalizedText name = r.loc();
                          std::string pictogram = r.text();
                          const bool retired = r.boolean();
                          out.push_back({parsed, std::move(name), std::move(pictogram), retired});
                      });
}

/// The catalogue's areas and groups; empty tables (written before decision 0012) leave the shipped
/// lists `c` was made with.
Status<Error> readDefinitions(db::Database& db, std::string_view site, domain::Catalog& c)
{
    std::vector<domain::AreaDefinition> areas;
    if (auto s = readDefinitionList(
            db, site, "catalog_areas", [](Reader& r) { return r.area(); }, areas);
        !s)
        return s;
    std::vector<domain::TargetGroupDefinition> groups;
    if (auto s = readDefinitionList(
            db, site, "catalog_target_groups", [](Reader& r) { return r.targetGroup(); }, groups);
        !s)
        return s;
    if (!areas.empty())
        c.areas = std::move(areas);
    if (!groups.empty())
        c.targetGroups = std::move(groups);
    return {};
}

Result<domain::Catalog, Error> readAll(db::Database& db, std::string_view site)
{
    domain::Catalog c;

    auto meta = db::queryOne(
        db, "SELECT format_version FROM catalog_meta WHERE site_id = ?1", [](db::Row& r) { return r.integer(); }, site);
    if (!meta)
        return makeErr(meta.error());
    if (!*meta)
        return makeErr(db::makeError(db::ErrorKind::NotFound, "no catalogue has been imported", "catalog_meta"));
    c.formatVersion = **meta;

    auto muni = db.prepare("SELECT municipality_id, name_pl, name_uk, name_en, cus_name_pl, cus_name_uk, cus_name_en,"
                           " address, phone, email, opening_hours_pl, opening_hours_uk, opening_hours_en,"
                           " contact_to_be_confirmed, internal_note FROM municipality WHERE site_id = ?1");
    if (!muni)
        return makeErr(muni.error());
    if (auto s = forEachRow(site, *muni, nullptr,
                            [&](Reader& r)
                            {
                                auto& m = c.municipality;
                                m.id = r.text();
                                m.name = r.loc();
                                m.cusName = r.loc();
                                m.address = r.text();
                                m.phone = r.text();
                                m.email = r.text();
                                m.openingHours = r.loc();
                                m.contactToBeConfirmed = r.boolean();
                                m.internalNote = r.text();
                            });
        !s)
        return makeErr(s.error());

    // Fee tables and their bands.
    auto feeTables =
        db.prepare("SELECT id, title_pl, title_uk, title_en, criterion_single_grosze, criterion_family_grosze,"
                   " criterion_note_pl, criterion_note_uk, criterion_note_en, above_last_band_pl, above_last_band_uk,"
                   " above_last_band_en, payment_rule_pl, payment_rule_uk, payment_rule_en FROM fee_tables WHERE "
                   "site_id = ?1 ORDER BY position");
    auto feeBands = db.prepare("SELECT up_to_percent, single_percent, family_percent FROM fee_bands"
                               " WHERE site_id = ?1 AND fee_table_id = ?2 ORDER BY position");
    if (!feeTables)
        return makeErr(feeTables.error());
    if (!feeBands)
        return makeErr(feeBands.error());
    if (auto s = forEachRow(site, *feeTables, nullptr,
                            [&](Reader& r)
                            {
                                domain::FeeTable t;
                                t.id = r.text();
                                t.title = r.loc();
                                t.criterionSingleGrosze = r.int64();
                                t.criterionFamilyGrosze = r.int64();
                                t.criterionNote = r.loc();
                                t.aboveLastBand = r.loc();
                                t.paymentRule = r.loc();
                                c.feeTables.push_back(std::move(t));
                            });
        !s)
        return makeErr(s.error());
    for (auto& t : c.feeTables)
    {
        if (auto s = forEachRow(site, *feeBands, &t.id,
                                [&](Reader& r)
                                {
                                    domain::FeeBand b;
                                    b.upToPercent = r.integer();
                                    b.singlePercent = r.integer();
                                    b.familyPercent = r.integer();
                                    t.bands.push_back(b);
                                });
            !s)
            return makeErr(s.error());
    }

    // Services and their lists.
    auto services =
        db.prepare(std::string("SELECT ") + kServiceColumns + " FROM services WHERE site_id = ?1 ORDER BY position");
    auto areas = db.prepare("SELECT area FROM service_areas WHERE site_id = ?1 AND service_id = ?2 ORDER BY position");
    auto groups = db.prepare(
        "SELECT target_group FROM service_target_groups WHERE site_id = ?1 AND service_id = ?2 ORDER BY position");
    auto tags =
        db.prepare("SELECT lang, tag FROM service_tags WHERE site_id = ?1 AND service_id = ?2 ORDER BY lang, position");
    auto sources =
        db.prepare("SELECT source FROM service_sources WHERE site_id = ?1 AND service_id = ?2 ORDER BY position");
    for (const auto* p : {&services, &areas, &groups, &tags, &sources})
        if (!*p)
            return makeErr(p->error());
    if (auto s = forEachRow(site, *services, nullptr,
                            [&](Reader& r)
                            {
                                domain::Service v;
                                v.id = r.text();
                                (void)r.integer(); // position: the ORDER BY already used it
                                v.status = r.code(domain::ServiceStatus::Active);
                                v.name = r.loc();
                                v.summary = r.loc();
                                v.description = r.loc();
                                v.primaryArea = r.area();
                                v.deliveredBy = r.loc();
                                v.place = r.loc();
                                v.hours = r.loc();
                                v.contact = r.loc();
                                v.eligibility = r.loc();
                                v.qualificationMode = r.loc();
                                v.fee.kind = r.code(domain::FeeKind::Unspecified);
                                v.fee.text = r.loc();
                                v.fee.feeTableId = r.reference();
                                v.documents = r.loc();
                                v.personalData = r.loc();
                                v.capacity = r.loc();
                                v.kioskAction = r.code(domain::KioskAction::None);
                                v.toBeConfirmed = r.boolean();
                                v.validFrom = r.date();
                                v.validTo = r.date();
                                v.internalNote = r.text();
                                c.services.push_back(std::move(v));
                            });
        !s)
        return makeErr(s.error());
    for (auto& v : c.services)
    {
        Status<Error> s = forEachRow(site, *areas, &v.id, [&](Reader& r) { v.areas.push_back(r.area()); });
        if (s)
            s = forEachRow(site, *groups, &v.id, [&](Reader& r) { v.targetGroups.push_back(r.targetGroup()); });
        if (s)
            s = readList(site, *tags, v.id, v.tags);
        if (s)
            s = forEachRow(site, *sources, &v.id, [&](Reader& r) { v.sources.push_back(r.text()); });
        if (!s)
            return makeErr(s.error());
    }

    // Equipment types, their attributes and what to bring; then units.
    auto types = db.prepare("SELECT id, category, name_pl, name_uk, name_en, description_pl, description_uk,"
                            " description_en, pictogram, default_loan_days, max_loan_days, notes_pl, notes_uk, notes_en"
                            " FROM equipment_types WHERE site_id = ?1 ORDER BY position");
    auto attributes = db.prepare("SELECT key, label_pl, label_uk, label_en, value_pl, value_uk, value_en"
                                 " FROM equipment_attributes WHERE site_id = ?1 AND type_id = ?2 ORDER BY position");
    auto bring = db.prepare(
        "SELECT lang, item FROM equipment_what_to_bring WHERE site_id = ?1 AND type_id = ?2 ORDER BY lang, position");
    auto units = db.prepare(
        "SELECT inventory_number, type_id, state, notes FROM equipment_units WHERE site_id = ?1 ORDER BY position");
    for (const auto* p : {&types, &attributes, &bring, &units})
        if (!*p)
            return makeErr(p->error());
    if (auto s = forEachRow(site, *types, nullptr,
                            [&](Reader& r)
                            {
                                domain::EquipmentType t;
                                t.id = r.text();
                                t.category = r.code(domain::EquipmentCategory::Mobility);
                                t.name = r.loc();
                                t.description = r.loc();
                                t.pictogram = r.text();
                                t.defaultLoanDays = r.integer();
                                t.maxLoanDays = r.integer();
                                t.notes = r.loc();
                                c.equipmentTypes.push_back(std::move(t));
                            });
        !s)
        return makeErr(s.error());
    for (auto& t : c.equipmentTypes)
    {
        Status<Error> s = forEachRow(site, *attributes, &t.id,
                                     [&](Reader& r)
                                     {
                                         domain::EquipmentAttribute a;
                                         a.key = r.text();
                                         a.label = r.loc();
                                         a.value = r.loc();
                                         t.attributes.push_back(std::move(a));
                                     });
        if (s)
            s = readList(site, *bring, t.id, t.whatToBring);
        if (!s)
            return makeErr(s.error());
    }
    if (auto s = forEachRow(site, *units, nullptr,
                            [&](Reader& r)
                            {
                                domain::EquipmentUnit u;
                                u.inventoryNumber = r.text();
                                u.typeId = r.text();
                                u.state = r.code(domain::UnitState::Available);
                                u.notes = r.text();
                                c.units.push_back(std::move(u));
                            });
        !s)
        return makeErr(s.error());

    // Counselling kinds, emergency numbers, announcements.
    auto kinds = db.prepare("SELECT id, name_pl, name_uk, name_en, description_pl, description_uk, description_en"
                            " FROM counselling_kinds WHERE site_id = ?1 ORDER BY position");
    auto numbers = db.prepare("SELECT number, name_pl, name_uk, name_en, hours_pl, hours_uk, hours_en,"
                              " verify_locally FROM emergency_numbers WHERE site_id = ?1 ORDER BY position");
    auto notices = db.prepare("SELECT id, title_pl, title_uk, title_en, body_pl, body_uk, body_en, valid_from,"
                              " valid_to FROM announcements WHERE site_id = ?1 ORDER BY position");
    for (const auto* p : {&kinds, &numbers, &notices})
        if (!*p)
            return makeErr(p->error());
    Status<Error> s = forEachRow(site, *kinds, nullptr,
                                 [&](Reader& r)
                                 {
                                     domain::CounsellingKind k;
                                     k.id = r.text();
                                     k.name = r.loc();
                                     k.description = r.loc();
                                     c.counsellingKinds.push_back(std::move(k));
                                 });
    if (s)
        s = forEachRow(site, *numbers, nullptr,
                       [&](Reader& r)
                       {
                           domain::EmergencyNumber n;
                           n.number = r.text();
                           n.name = r.loc();
                           n.hours = r.loc();
                           n.verifyLocally = r.boolean();
                           c.emergencyNumbers.push_back(std::move(n));
                       });
    if (s)
        s = forEachRow(site, *notices, nullptr,
                       [&](Reader& r)
                       {
                           domain::Announcement a;
                           a.id = r.text();
                           a.title = r.loc();
                           a.body = r.loc();
                           a.validFrom = r.date();
                           a.validTo = r.date();
                           c.announcements.push_back(std::move(a));
                       });
    if (!s)
        return makeErr(s.error());
    if (auto lists = readDefinitions(db, site, c); !lists)
        return makeErr(lists.error());
    return c;
}

} // namespace

Status<db::Error> replaceCatalog(db::Database& db, std::string_view site, const domain::Catalog& catalog)
{
    if (!db.inTransaction())
        return makeErr(
            db::makeError(db::ErrorKind::Misuse, "replaceCatalog needs an open write transaction", "replaceCatalog"));
    return writeAll(db, site, catalog);
}

Status<db::Error> replaceCatalog(db::Database& db, const domain::Catalog& catalog)
{
    return replaceCatalog(db, kSingleSite, catalog);
}

Status<db::Error> importCatalog(db::Database& db, const domain::Catalog& catalog)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate);
    if (!tx)
        return makeErr(tx.error());
    if (auto s = writeAll(db, kSingleSite, catalog); !s)
        return s;
    return tx->commit();
}

Result<bool, db::Error> hasCatalog(db::Database& db, std::string_view site)
{
    auto n = db::queryInt64(db, "SELECT count(*) FROM catalog_meta WHERE site_id = ?1", site);
    if (!n)
        return makeErr(n.error());
    return n->value_or(0) > 0;
}

Result<bool, db::Error> hasCatalog(db::Database& db)
{
    return hasCatalog(db, kSingleSite);
}

Result<domain::Catalog, db::Error> loadCatalog(db::Database& db, std::string_view site)
{
    if (db.inTransaction())
        return readAll(db, site);
    // A deferred transaction gives one snapshot: a sync committing a new catalogue meanwhile
    // cannot leave us with services of one version and units of another.
    auto tx = db::Transaction::begin(db, db::TransactionMode::Deferred);
    if (!tx)
        return makeErr(tx.error());
    auto catalog = readAll(db, site);
    (void)tx->rollback(); // read-only: nothing to keep
    return catalog;
}

Result<domain::Catalog, db::Error> loadCatalog(db::Database& db)
{
    return loadCatalog(db, kSingleSite);
}

} // namespace okienko::catalog
