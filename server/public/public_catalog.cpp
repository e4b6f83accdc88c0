// The public catalogue's snapshots, one per site (decision 0015), and their reload. The version is the
// change log's last row of the site for every kiosk (kiosk_id IS NULL): an import and a panel edit of
// the catalogue each write one, so a changed version means "read the catalogue again"; one indexed
// query per request decides it.
#include "server/public/public_catalog.hpp"

#include "server/store/site_scope.hpp"
#include "shared/catalog/catalog_store.hpp"
#include "shared/db/query.hpp"
#include "shared/validate/amount.hpp"

#include <algorithm>

namespace okienko::server::pub
{

std::vector<const domain::Service*> CatalogSnapshot::inArea(domain::Area area) const
{
    std::vector<const domain::Service*> out;
    for (const auto& s : catalog.services)
        if (s.primaryArea == area || std::find(s.areas.begin(), s.areas.end(), area) != s.areas.end())
            out.push_back(&s);
    return out;
}

std::vector<const domain::Service*> CatalogSnapshot::forGroup(domain::TargetGroup group) const
{
    std::vector<const domain::Service*> out;
    for (const auto& s : catalog.services)
        if (std::find(s.targetGroups.begin(), s.targetGroups.end(), group) != s.targetGroups.end())
            out.push_back(&s);
    return out;
}

std::vector<const domain::Service*> CatalogSnapshot::withFeeTable() const
{
    std::vector<const domain::Service*> out;
    for (const auto& s : catalog.services)
        if (s.fee.kind == domain::FeeKind::IncomeTable && catalog.findFeeTable(s.fee.feeTableId) != nullptr)
            out.push_back(&s);
    return out;
}

std::string PublicCatalog::baseOf(const std::string& site)
{
    return site == kDefaultSite ? std::string("/public/") : "/public/site/" + site + "/";
}

std::shared_ptr<const CatalogSnapshot> PublicCatalog::current(const std::string& site)
{
    std::int64_t version = -1;
    auto read = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto v = db::queryInt64(
                d, "SELECT COALESCE(MAX(seq), 0) FROM change_log WHERE kiosk_id IS NULL AND site_id = ?", site);
            if (!v)
                return makeErr(v.error());
            version = v->value_or(0);
            return {};
        });
    std::lock_guard lock(m_mutex);
    const auto kept = m_snapshots.find(site);
    std::shared_ptr<const CatalogSnapshot> last = kept != m_snapshots.end() ? kept->second : nullptr;
    if (!read || (last && last->version == version))
        return last; // unreadable just now: the last snapshot is still the best answer
    // Only a site with a catalogue is kept: a page asked for any other id (anyone may ask) leaves
    // nothing behind.
    auto next = std::make_shared<CatalogSnapshot>();
    bool has = false;
    auto loaded = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto stored = catalog::hasCatalog(d, site);
            if (!stored)
                return makeErr(stored.error());
            has = *stored;
            if (!has)
                return {};
            auto c = catalog::loadCatalog(d, site);
            if (!c)
                return makeErr(c.error());
            next->catalog = std::move(c).value();
            return {};
        });
    if (!loaded)
        return last;
    if (!has)
    {
        if (kept != m_snapshots.end())
            m_snapshots.erase(kept);
        return nullptr;
    }
    next->index = search::CatalogIndex(next->catalog);
    next->version = version;
    next->site = site;
    next->base = baseOf(site);
    m_snapshots[site] = next;
    return next;
}

std::string_view feeQueryErrorCode(FeeQueryError error)
{
    switch (error)
    {
    case FeeQueryError::MissingService:
        return "missing_service";
    case FeeQueryError::UnknownService:
        return "unknown_service";
    case FeeQueryError::NoFeeTable:
        return "no_fee_table";
    case FeeQueryError::MissingIncome:
        return "missing_income";
    case FeeQueryError::BadIncome:
        return "bad_income";
    case FeeQueryError::BadHousehold:
        return "bad_household";
    case FeeQueryError::CriterionNotSet:
        return "criterion_not_set";
    }
    return "bad_request";
}

Result<FeeAnswer, FeeQueryError> answerFee(const CatalogSnapshot& snapshot, const std::string& serviceId,
                                           const std::string& income, const std::string& household)
{
    if (serviceId.empty())
        return makeErr(FeeQueryError::MissingService);
    FeeAnswer a;
    a.service = snapshot.catalog.findService(serviceId);
    if (a.service == nullptr)
        return makeErr(FeeQueryError::UnknownService);
    a.table = a.service->fee.kind == domain::FeeKind::IncomeTable
                  ? snapshot.catalog.findFeeTable(a.service->fee.feeTableId)
                  : nullptr;
    if (a.table == nullptr)
        return makeErr(FeeQueryError::NoFeeTable);
    if (household == "single")
        a.household = rules::HouseholdType::Single;
    else if (household == "family")
        a.household = rules::HouseholdType::FamilyMember;
    else
        return makeErr(FeeQueryError::BadHousehold);
    if (income.empty())
        return makeErr(FeeQueryError::MissingIncome);
    const auto grosze = validate::parseAmountGrosze(income);
    if (!grosze)
        return makeErr(FeeQueryError::BadIncome);
    a.incomeGrosze = *grosze;
    a.criterionGrosze =
        a.household == rules::HouseholdType::Single ? a.table->criterionSingleGrosze : a.table->criterionFamilyGrosze;
    auto assessed = rules::assessShelteredHousingFee(*a.table, a.incomeGrosze, a.household);
    if (!assessed)
        return makeErr(FeeQueryError::CriterionNotSet);
    a.assessment = assessed.value();
    return a;
}

std::string zlotyText(std::int64_t grosze)
{
    std::string zl = std::to_string(grosze / 100);
    for (int i = static_cast<int>(zl.size()) - 3; i > 0; i -= 3)
        zl.insert(static_cast<std::size_t>(i), "\u00A0");
    const long long gr = grosze % 100;
    return zl + "," + (gr < 10 ? "0" : "") + std::to_string(gr);
}

} // namespace okienko::server::pub
