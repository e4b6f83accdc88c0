// The notification hook of service_availability.hpp: which residents a newly available service
// reaches, written as resident_matches rows in the caller's transaction.
#include "server/residents/service_availability.hpp"

#include "server/residents/service_matching.hpp"
#include "server/store/okienko_try.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/domain/codes.hpp"
#include "shared/util/date_format.hpp"

#include <vector>

namespace okienko::server::residents
{

namespace
{
struct StoredNeeds
{
    std::int64_t residentId = 0;
    std::string needsJson;
    bool hasEmail = false;
};

/// Residents of `site` not erased, with their needs.
Result<std::vector<StoredNeeds>, db::Error> activeResidents(db::Database& d, std::string_view site)
{
    std::vector<StoredNeeds> rows;
    auto st = db::forEachRow(
        d,
        "SELECT id, needs, COALESCE(email, '') <> '' FROM residents WHERE erased_at IS NULL AND needs IS NOT NULL "
        "AND site_id = ? ORDER BY id",
        [&](db::Row& r) {
            rows.push_back({r.int64(), r.text(), r.flag()});
        },
        site);
    if (!st)
        return makeErr(st.error());
    return rows;
}

enum class Source
{
    Published,
    Capacity,
};

/// Queues every matching resident without a row for the service (status to-tell or waiting).
Status<db::Error> queueMatchingResidents(db::Database& d, std::string_view site, const domain::Service& service,
                                         Source source, bool capacity, const Now& now)
{
    auto residents = activeResidents(d, site);
    if (!residents)
        return makeErr(residents.error());
    for (const StoredNeeds& r : *residents)
    {
        const auto needs = needsFromJson(r.needsJson);
        if (!needs || !matches(*needs, service, now.today))
            continue;
        const char* status = capacity ? "to-tell" : "waiting";
        const char* email = capacity && r.hasEmail ? "pending" : "none";
        if (auto st =
                db::exec(d,
                         "INSERT INTO resident_matches(resident_id, service_id, source, status, matched_at, "
                         "matched_on, queued_at, email_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                         "CASE WHEN ?4 = 'to-tell' THEN ?5 END, ?7) "
                         "ON CONFLICT(resident_id, service_id) DO NOTHING",
                         r.residentId, service.id, std::string(source == Source::Published ? "published" : "capacity"),
                         std::string(status), now.unix, now.today.iso(), std::string(email));
            !st)
            return st;
    }
    return {};
}

Result<std::optional<domain::Service>, db::Error> storedService(db::Database& d, std::string_view site,
                                                                const std::string& serviceId)
{
    auto catalog = catalog::loadCatalog(d, site);
    if (!catalog)
        return makeErr(catalog.error());
    const domain::Service* s = catalog->findService(serviceId);
    return s == nullptr ? std::optional<domain::Service>() : std::optional<domain::Service>(*s);
}
} // namespace

Result<bool, db::Error> hasFreeCapacity(db::Database& d, std::string_view site, const domain::Service& service)
{
    if (service.kioskAction != domain::KioskAction::ReserveEquipment)
        return true;
    auto available =
        db::queryInt64(d, "SELECT EXISTS (SELECT 1 FROM unit_states WHERE state = 'available' AND site_id = ?)", site);
    if (!available)
        return makeErr(available.error());
    return available->value_or(0) != 0;
}

Status<db::Error> serviceChanged(db::Database& d, std::string_view site, const domain::Service& service, const Now& now)
{
    if (!isPublished(service, now.today))
        return {};
    auto capacity = hasFreeCapacity(d, site, service);
    if (!capacity)
        return makeErr(capacity.error());
    return queueMatchingResidents(d, site, service, Source::Published, *capacity, now);
}

Status<db::Error> queueNewlyPublishedServices(ServerStore& store, const Now& now)
{
    return store.write(
        [&](db::Database& d) -> Status<db::Error>
        {
            std::vector<std::string> sites;
            OKIENKO_TRY(db::forEachRow(d, "SELECT site_id FROM catalog_meta ORDER BY site_id",
                                       [&](db::Row& r) { sites.push_back(r.text()); }));
            for (const auto& site : sites)
            {
                auto catalogue = catalog::loadCatalog(d, site);
                if (!catalogue)
                    return makeErr(catalogue.error());
                for (const auto& s : catalogue->services)
                    OKIENKO_TRY(serviceChanged(d, site, s, now));
            }
            return {};
        });
}

Status<db::Error> serviceGotCapacity(db::Database& d, std::string_view site, const std::string& serviceId,
                                     const Now& now)
{
    auto service = storedService(d, site, serviceId);
    if (!service)
        return makeErr(service.error());
    if (!*service || !isPublished(**service, now.today))
        return {};
    if (auto st = db::exec(d,
                           "UPDATE resident_matches SET status = 'to-tell', source = 'capacity', queued_at = ?2, "
                           "email_state = CASE WHEN (SELECT COALESCE(email, '') FROM residents WHERE id = "
                           "resident_id) <> '' THEN 'pending' ELSE 'none' END WHERE service_id = ?1 AND status = "
                           "'waiting' AND resident_id IN (SELECT id FROM residents WHERE erased_at IS NULL AND "
                           "site_id = ?3)",
                           serviceId, now.unix, site);
        !st)
        return st;
    return queueMatchingResidents(d, site, **service, Source::Capacity, true, now);
}

Status<db::Error> equipmentBecameAvailable(db::Database& d, std::string_view site, const Now& now)
{
    std::vector<std::string> services;
    if (auto st = db::forEachRow(
            d, "SELECT id FROM services WHERE kiosk_action = ?1 AND site_id = ?2 ORDER BY position",
            [&](db::Row& r) { services.push_back(r.text()); },
            std::string(domain::toCode(domain::KioskAction::ReserveEquipment)), site);
        !st)
        return st;
    for (const auto& id : services)
        if (auto st = serviceGotCapacity(d, site, id, now); !st)
            return st;
    return {};
}

Status<db::Error> recordRegistrationMatches(db::Database& d, std::string_view site, std::int64_t residentId,
                                            const domain::Catalog& catalog, const Now& now)
{
    auto needsJson = db::queryText(d, "SELECT needs FROM residents WHERE id = ?1 AND needs IS NOT NULL", residentId);
    if (!needsJson)
        return makeErr(needsJson.error());
    const auto needs = *needsJson ? needsFromJson(**needsJson) : std::nullopt;
    if (!needs)
        return {};
    for (const domain::Service* s : matchingServices(*needs, catalog, now.today))
    {
        auto capacity = hasFreeCapacity(d, site, *s);
        if (!capacity)
            return makeErr(capacity.error());
        if (auto st =
                db::exec(d,
                         "INSERT INTO resident_matches(resident_id, service_id, source, status, matched_at, "
                         "matched_on) VALUES (?1, ?2, 'registration', ?3, ?4, ?5) "
                         "ON CONFLICT(resident_id, service_id) DO NOTHING",
                         residentId, s->id, std::string(*capacity ? "known" : "waiting"), now.unix, now.today.iso());
            !st)
            return st;
    }
    return {};
}

} // namespace okienko::server::residents
