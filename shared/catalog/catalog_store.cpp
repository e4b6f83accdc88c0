// Writing a domain::Catalog into the migration-1 tables and reading it back. Column order in each
// INSERT matches the order of the Writer calls, and each SELECT the order of the Reader calls.
#include "shared/catalog/catalog_store.hpp"

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
    explicit Writer(db::Statement& stmt) : m_stmt(stmt) {}

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
        return result;
    }

  private:
    db::Statement& m_stmt;
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
    "DELETE FROM service_areas",
    "DELETE FROM service_target_groups",
    "DELETE FROM service_tags",
    "DELETE FROM service_sources",
    "DELETE FROM services",
    "DELETE FROM fee_bands",
    "DELETE FROM fee_tables",
    "DELETE FROM equipment_attributes",
    "DELETE FROM equipment_what_to_bring",
    "DELETE FROM equipment_units",
    "DELETE FROM equipment_types",
    "DELETE FROM counselling_kinds",
    "DELETE FROM emergency_numbers",
    "DELETE FROM announcements",
    "DELETE FROM municipality",
    "DELETE FROM catalog_meta",
    "DELETE FROM catalog_areas",
    "DELETE FROM catalog_target_groups",
};

constexpr const char* kInsertMeta = "INSERT INTO catalog_meta(id, format_version) VALUES (1, ?)";

constexpr const char* kInsertMunicipality =
    "INSERT INTO municipality(id, municipality_id, name_pl, name_uk, name_en, cus_name_pl, cus_name_uk, cus_name_en,"
    " address, phone, email, opening_hours_pl, opening_hours_uk, opening_hours_en, contact_to_be_confirmed,"
    " internal_note) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertFeeTable =
    "INSERT INTO fee_tables(id, position, title_pl, title_uk, title_en, criterion_single_grosze,"
    " criterion_family_grosze, criterion_note_pl, criterion_note_uk, criterion_note_en, above_last_band_pl,"
    " above_last_band_uk, above_last_band_en, payment_rule_pl, payment_rule_uk, payment_rule_en)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertFeeBand =
    "INSERT INTO fee_bands(fee_table_id, position, up_to_percent, single_percent, family_percent)"
    " VALUES (?, ?, ?, ?, ?)";

constexpr const char* kServiceColumns =
    "id, position, status, name_pl, name_uk, name_en, summary_pl, summary_uk, summary_en, description_pl,"
    " description_uk, description_en, primary_area, delivered_by_pl, delivered_by_uk, delivered_by_en, place_pl,"
    " place_uk, place_en, hours_pl, hours_uk, hours_en, contact_pl, contact_uk, contact_en, eligibility_pl,"
    " eligibility_uk, eligibility_en, qualification_mode_pl, qualification_mode_uk, qualification_mode_en,"
    " fee_kind, fee_text_pl, fee_text_uk, fee_text_en, fee_table_id, documents_pl, documents_uk, documents_en,"
    " personal_data_pl, personal_data_uk, personal_data_en, capacity_pl, capacity_uk, capacity_en, kiosk_action,"
    " to_be_confirmed, valid_from, valid_to, internal_note";

constexpr const char* kInsertService =
    "INSERT INTO services(id, position, status, name_pl, name_uk, name_en, summary_pl, summary_uk, summary_en,"
    " description_pl, description_uk, description_en, primary_area, delivered_by_pl, delivered_by_uk,"
    " delivered_by_en, place_pl, place_uk, place_en, hours_pl, hours_uk, hours_en, contact_pl, contact_uk,"
    " contact_en, eligibility_pl, eligibility_uk, eligibility_en, qualification_mode_pl, qualification_mode_uk,"
    " qualification_mode_en, fee_kind, fee_text_pl, fee_text_uk, fee_text_en, fee_table_id, documents_pl,"
    " documents_uk, documents_en, personal_data_pl, personal_data_uk, personal_data_en, capacity_pl, capacity_uk,"
    " capacity_en, kiosk_action, to_be_confirmed, valid_from, valid_to, internal_note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertServiceArea = "INSERT INTO service_areas(service_id, position, area) VALUES (?, ?, ?)";
constexpr const char* kInsertServiceTargetGroup =
    "INSERT INTO service_target_groups(service_id, position, target_group) VALUES (?, ?, ?)";
constexpr const char* kInsertServiceTag =
    "INSERT INTO service_tags(service_id, lang, position, tag) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertServiceSource =
    "INSERT INTO service_sources(service_id, position, source) VALUES (?, ?, ?)";

constexpr const char* kInsertEquipmentType =
    "INSERT INTO equipment_types(id, position, category, name_pl, name_uk, name_en, description_pl,"
    " description_uk, description_en, pictogram, default_loan_days, max_loan_days, notes_pl, notes_uk, notes_en)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAttribute =
    "INSERT INTO equipment_attributes(type_id, position, key, label_pl, label_uk, label_en, value_pl, value_uk,"
    " value_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertWhatToBring =
    "INSERT INTO equipment_what_to_bring(type_id, lang, position, item) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertUnit =
    "INSERT INTO equipment_units(inventory_number, position, type_id, state, notes) VALUES (?, ?, ?, ?, ?)";

constexpr const char* kInsertCounsellingKind =
    "INSERT INTO counselling_kinds(id, position, name_pl, name_uk, name_en, description_pl, description_uk,"
    " description_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertEmergencyNumber =
    "INSERT INTO emergency_numbers(position, number, name_pl, name_uk, name_en, hours_pl, hours_uk, hours_en,"
    " verify_locally) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertAnnouncement =
    "INSERT INTO announcements(id, position, title_pl, title_uk, title_en, body_pl, body_uk, body_en, valid_from,"
    " valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertArea = "INSERT INTO catalog_areas(id, position, name_pl, name_uk, name_en, pictogram,"
                                    " retired) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertTargetGroup =
    "INSERT INTO catalog_target_groups(id, position, name_pl, name_uk, name_en, pictogram, retired)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";

/// Inserts one row per (language, item) of a localized list.
Status<Error> writeList(db::Statement& stmt, const std::string& ownerId, const LocalizedList& list)
{
    Writer w(stmt);
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
};

Result<ImportStatements, Error> prepareImport(db::Database& db)
{
    ImportStatements s;
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
    Writer w(st.service);
    w.text(v.id).integer(position).text(domain::toCode(v.status)).loc(v.name).loc(v.summary).loc(v.description);
    w.text(domain::areaCode(v.primaryArea)).loc(v.deliveredBy).loc(v.place).loc(v.hours).loc(v.contact);
    w.loc(v.eligibility).loc(v.qualificationMode);
    w.text(domain::toCode(v.fee.kind)).loc(v.fee.text).reference(v.fee.feeTableId);
    w.loc(v.documents).loc(v.personalData).loc(v.capacity);
    w.text(domain::toCode(v.kioskAction)).boolean(v.toBeConfirmed).date(v.validFrom).date(v.validTo);
    w.text(v.internalNote);
    if (auto s = w.run(); !s)
        return s;

    Writer area(st.serviceArea);
    for (std::size_t i = 0; i < v.areas.size(); ++i)
    {
        area.text(v.id).integer(static_cast<std::int64_t>(i)).text(domain::areaCode(v.areas[i]));
        if (auto s = area.run(); !s)
            return s;
    }
    Writer group(st.serviceTargetGroup);
    for (std::size_t i = 0; i < v.targetGroups.size(); ++i)
    {
        group.text(v.id).integer(static_cast<std::int64_t>(i)).text(domain::targetGroupCode(v.targetGroups[i]));
        if (auto s = group.run(); !s)
            return s;
    }
    if (auto s = writeList(st.serviceTag, v.id, v.tags); !s)
        return s;
    Writer source(st.serviceSource);
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
    Writer w(st.equipmentType);
    w.text(v.id).integer(position).text(domain::toCode(v.category)).loc(v.name).loc(v.description);
    w.text(v.pictogram).integer(v.defaultLoanDays).integer(v.maxLoanDays).loc(v.notes);
    if (auto s = w.run(); !s)
        return s;
    Writer attr(st.attribute);
    for (std::size_t i = 0; i < v.attributes.size(); ++i)
    {
        const auto& a = v.attributes[i];
        attr.text(v.id).integer(static_cast<std::int64_t>(i)).text(a.key).loc(a.label).loc(a.value);
        if (auto s = attr.run(); !s)
            return s;
    }
    return writeList(st.whatToBring, v.id, v.whatToBring);
}

template <typename Definition> Status<Error> writeDefinitions(db::Statement& stmt, const std::vector<Definition>& list)
{
    for (std::size_t i = 0; i < list.size(); ++i)
    {
        const auto& d = list[i];
        Writer w(stmt);
        w.text(d.id.id()).integer(static_cast<std::int64_t>(i)).loc(d.name).text(d.pictogram);
        if (auto s = w.boolean(d.retired).run(); !s)
            return s;
    }
    return {};
}

Status<Error> writeAll(db::Database& db, const domain::Catalog& c)
{
    for (const char* sql : kDeleteAll)
        if (auto s = db::exec(db, sql); !s)
            return s;

    auto prepared = prepareImport(db);
    if (!prepared)
        return makeErr(prepared.error());
    ImportStatements& st = *prepared;

    if (auto s = Writer(st.meta).integer(c.formatVersion).run(); !s)
        return s;
    const auto& m = c.municipality;
    Writer muni(st.municipality);
    muni.text(m.id).loc(m.name).loc(m.cusName).text(m.address).text(m.phone).text(m.email).loc(m.openingHours);
    if (auto s = muni.boolean(m.contactToBeConfirmed).text(m.internalNote).run(); !s)
        return s;

    for (std::size_t i = 0; i < c.feeTables.size(); ++i)
    {
        const auto& t = c.feeTables[i];
        Writer w(st.feeTable);
        w.text(t.id).integer(static_cast<std::int64_t>(i)).loc(t.title);
        w.integer(t.criterionSingleGrosze).integer(t.criterionFamilyGrosze).loc(t.criterionNote);
        w.loc(t.aboveLastBand).loc(t.paymentRule);
        if (auto s = w.run(); !s)
            return s;
        Writer band(st.feeBand);
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
        Writer w(st.unit);
        w.text(u.inventoryNumber).integer(static_cast<std::int64_t>(i)).text(u.typeId);
        if (auto s = w.text(domain::toCode(u.state)).text(u.notes).run(); !s)
            return s;
    }
    for (std::size_t i = 0; i < c.counsellingKinds.size(); ++i)
    {
        const auto& k = c.counsellingKinds[i];
        Writer w(st.counsellingKind);
        if (auto s = w.text(k.id).integer(static_cast<std::int64_t>(i)).loc(k.name).loc(k.description).run(); !s)
            return s;
    }
    for (std::size_t i = 0; i < c.emergencyNumbers.size(); ++i)
    {
        const auto& n = c.emergencyNumbers[i];
        Writer w(st.emergencyNumber);
        w.integer(static_cast<std::int64_t>(i)).text(n.number).loc(n.name).loc(n.hours);
        if (auto s = w.boolean(n.verifyLocally).run(); !s)
            return s;
    }
    for (std::size_t i = 0; i < c.announcements.size(); ++i)
    {
        const auto& a = c.announcements[i];
        Writer w(st.announcement);
        w.text(a.id).integer(static_cast<std::int64_t>(i)).loc(a.title).loc(a.body);
        if (auto s = w.date(a.validFrom).date(a.validTo).run(); !s)
            return s;
    }
    if (auto s = writeDefinitions(st.area, c.areas); !s)
        return s;
    return writeDefinitions(st.targetGroup, c.targetGroups);
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Runs `stmt` again (parameter 1 bound to `ownerId` unless null) and calls `read(reader)` per row;
/// the statements are prepared once and reused for every owner.
template <typename Read> Status<Error> forEachRow(db::Statement& stmt, const std::string* ownerId, Read&& read)
{
    stmt.reset();
    Status<Error> walked;
    if (ownerId != nullptr)
        walked = stmt.bindText(1, *ownerId);
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

Status<Error> readList(db::Statement& stmt, const std::string& ownerId, LocalizedList& list)
{
    return forEachRow(stmt, &ownerId,
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
Status<Error> readDefinitionList(db::Database& db, const char* table, ReadId id, std::vector<Definition>& out)
{
    auto rows = db.prepare(std::string("SELECT id, name_pl, name_uk, name_en, pictogram, retired FROM ") + table +
                           " ORDER BY position");
    if (!rows)
        return makeErr(rows.error());
    return forEachRow(*rows, nullptr,
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
Status<Error> readDefinitions(db::Database& db, domain::Catalog& c)
{
    std::vector<domain::AreaDefinition> areas;
    if (auto s = readDefinitionList(
            db, "catalog_areas", [](Reader& r) { return r.area(); }, areas);
        !s)
        return s;
    std::vector<domain::TargetGroupDefinition> groups;
    if (auto s = readDefinitionList(
            db, "catalog_target_groups", [](Reader& r) { return r.targetGroup(); }, groups);
        !s)
        return s;
    if (!areas.empty())
        c.areas = std::move(areas);
    if (!groups.empty())
        c.targetGroups = std::move(groups);
    return {};
}

Result<domain::Catalog, Error> readAll(db::Database& db)
{
    domain::Catalog c;

    auto meta = db::queryOne(db, "SELECT format_version FROM catalog_meta WHERE id = 1",
                             [](db::Row& r) { return r.integer(); });
    if (!meta)
        return makeErr(meta.error());
    if (!*meta)
        return makeErr(db::makeError(db::ErrorKind::NotFound, "no catalogue has been imported", "catalog_meta"));
    c.formatVersion = **meta;

    auto muni = db.prepare("SELECT municipality_id, name_pl, name_uk, name_en, cus_name_pl, cus_name_uk, cus_name_en,"
                           " address, phone, email, opening_hours_pl, opening_hours_uk, opening_hours_en,"
                           " contact_to_be_confirmed, internal_note FROM municipality WHERE id = 1");
    if (!muni)
        return makeErr(muni.error());
    if (auto s = forEachRow(*muni, nullptr,
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
    auto feeTables = db.prepare(
        "SELECT id, title_pl, title_uk, title_en, criterion_single_grosze, criterion_family_grosze,"
        " criterion_note_pl, criterion_note_uk, criterion_note_en, above_last_band_pl, above_last_band_uk,"
        " above_last_band_en, payment_rule_pl, payment_rule_uk, payment_rule_en FROM fee_tables ORDER BY position");
    auto feeBands = db.prepare("SELECT up_to_percent, single_percent, family_percent FROM fee_bands"
                               " WHERE fee_table_id = ?1 ORDER BY position");
    if (!feeTables)
        return makeErr(feeTables.error());
    if (!feeBands)
        return makeErr(feeBands.error());
    if (auto s = forEachRow(*feeTables, nullptr,
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
        if (auto s = forEachRow(*feeBands, &t.id,
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
    auto services = db.prepare(std::string("SELECT ") + kServiceColumns + " FROM services ORDER BY position");
    auto areas = db.prepare("SELECT area FROM service_areas WHERE service_id = ?1 ORDER BY position");
    auto groups = db.prepare("SELECT target_group FROM service_target_groups WHERE service_id = ?1 ORDER BY position");
    auto tags = db.prepare("SELECT lang, tag FROM service_tags WHERE service_id = ?1 ORDER BY lang, position");
    auto sources = db.prepare("SELECT source FROM service_sources WHERE service_id = ?1 ORDER BY position");
    for (const auto* p : {&services, &areas, &groups, &tags, &sources})
        if (!*p)
            return makeErr(p->error());
    if (auto s = forEachRow(*services, nullptr,
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
        Status<Error> s = forEachRow(*areas, &v.id, [&](Reader& r) { v.areas.push_back(r.area()); });
        if (s)
            s = forEachRow(*groups, &v.id, [&](Reader& r) { v.targetGroups.push_back(r.targetGroup()); });
        if (s)
            s = readList(*tags, v.id, v.tags);
        if (s)
            s = forEachRow(*sources, &v.id, [&](Reader& r) { v.sources.push_back(r.text()); });
        if (!s)
            return makeErr(s.error());
    }

    // Equipment types, their attributes and what to bring; then units.
    auto types = db.prepare("SELECT id, category, name_pl, name_uk, name_en, description_pl, description_uk,"
                            " description_en, pictogram, default_loan_days, max_loan_days, notes_pl, notes_uk, notes_en"
                            " FROM equipment_types ORDER BY position");
    auto attributes = db.prepare("SELECT key, label_pl, label_uk, label_en, value_pl, value_uk, value_en"
                                 " FROM equipment_attributes WHERE type_id = ?1 ORDER BY position");
    auto bring =
        db.prepare("SELECT lang, item FROM equipment_what_to_bring WHERE type_id = ?1 ORDER BY lang, position");
    auto units = db.prepare("SELECT inventory_number, type_id, state, notes FROM equipment_units ORDER BY position");
    for (const auto* p : {&types, &attributes, &bring, &units})
        if (!*p)
            return makeErr(p->error());
    if (auto s = forEachRow(*types, nullptr,
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
        Status<Error> s = forEachRow(*attributes, &t.id,
                                     [&](Reader& r)
                                     {
                                         domain::EquipmentAttribute a;
                                         a.key = r.text();
                                         a.label = r.loc();
                                         a.value = r.loc();
                                         t.attributes.push_back(std::move(a));
                                     });
        if (s)
            s = readList(*bring, t.id, t.whatToBring);
        if (!s)
            return makeErr(s.error());
    }
    if (auto s = forEachRow(*units, nullptr,
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
                            " FROM counselling_kinds ORDER BY position");
    auto numbers = db.prepare("SELECT number, name_pl, name_uk, name_en, hours_pl, hours_uk, hours_en,"
                              " verify_locally FROM emergency_numbers ORDER BY position");
    auto notices = db.prepare("SELECT id, title_pl, title_uk, title_en, body_pl, body_uk, body_en, valid_from,"
                              " valid_to FROM announcements ORDER BY position");
    for (const auto* p : {&kinds, &numbers, &notices})
        if (!*p)
            return makeErr(p->error());
    Status<Error> s = forEachRow(*kinds, nullptr,
                                 [&](Reader& r)
                                 {
                                     domain::CounsellingKind k;
                                     k.id = r.text();
                                     k.name = r.loc();
                                     k.description = r.loc();
                                     c.counsellingKinds.push_back(std::move(k));
                                 });
    if (s)
        s = forEachRow(*numbers, nullptr,
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
        s = forEachRow(*notices, nullptr,
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
    if (auto lists = readDefinitions(db, c); !lists)
        return makeErr(lists.error());
    return c;
}

} // namespace

Status<db::Error> replaceCatalog(db::Database& db, const domain::Catalog& catalog)
{
    if (!db.inTransaction())
        return makeErr(
            db::makeError(db::ErrorKind::Misuse, "replaceCatalog needs an open write transaction", "replaceCatalog"));
    return writeAll(db, catalog);
}

Status<db::Error> importCatalog(db::Database& db, const domain::Catalog& catalog)
{
    auto tx = db::Transaction::begin(db, db::TransactionMode::Immediate);
    if (!tx)
        return makeErr(tx.error());
    if (auto s = writeAll(db, catalog); !s)
        return s;
    return tx->commit();
}

Result<bool, db::Error> hasCatalog(db::Database& db)
{
    auto n = db::queryInt64(db, "SELECT count(*) FROM catalog_meta");
    if (!n)
        return makeErr(n.error());
    return n->value_or(0) > 0;
}

Result<domain::Catalog, db::Error> loadCatalog(db::Database& db)
{
    if (db.inTransaction())
        return readAll(db);
    // A deferred transaction gives one snapshot: a sync committing a new catalogue meanwhile
    // cannot leave us with services of one version and units of another.
    auto tx = db::Transaction::begin(db, db::TransactionMode::Deferred);
    if (!tx)
        return makeErr(tx.error());
    auto catalog = readAll(db);
    (void)tx->rollback(); // read-only: nothing to keep
    return catalog;
}

} // namespace okienko::catalog
