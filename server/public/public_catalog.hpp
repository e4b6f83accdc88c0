// The catalogue as the public pages and their JSON API see it: one immutable snapshot (the catalogue
// read from the server's database and its search index, the kiosk's), rebuilt when the change log
// says the catalogue changed (an import or a coordinator's edit), and shared by every request. Also
// the fee calculator's one computation, so the HTML form and the JSON route answer alike.
#pragma once

#include "server/server_store.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/rules/fee.hpp"
#include "shared/search/catalog_index.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server::pub
{

struct CatalogSnapshot
{
    domain::Catalog catalog;
    search::CatalogIndex index;
    std::int64_t version = -1; ///< the change log's last catalogue row when it was read
    std::string site;          ///< whose catalogue (decision 0015)
    /// Where the site's pages start: "/public/" for the default site, "/public/site/<id>/" for another.
    std::string base = "/public/";

    /// Services of `area` (any of its areas) or of `group`, in catalogue order.
    std::vector<const domain::Service*> inArea(domain::Area area) const;
    std::vector<const domain::Service*> forGroup(domain::TargetGroup group) const;
    /// The services whose fee is an income table (the fee calculator's choices).
    std::vector<const domain::Service*> withFeeTable() const;
};

class PublicCatalog
{
  public:
    explicit PublicCatalog(ServerStore& store) : m_store(store) {}

    /// The current snapshot of `site`'s catalogue; nullptr when the site has none (or it cannot be
    /// read now).
    std::shared_ptr<const CatalogSnapshot> current(const std::string& site = "default");

    /// The pages' base of `site`: "/public/" for the default site, "/public/site/<id>/" otherwise.
    static std::string baseOf(const std::string& site);

  private:
    ServerStore& m_store;
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const CatalogSnapshot>> m_snapshots; ///< by site, sites with a catalogue only
};

/// Why a fee question cannot be answered; each a stable code for the JSON API and a message key.
enum class FeeQueryError
{
    MissingService,
    UnknownService,
    NoFeeTable, ///< the service's fee is not an income table
    MissingIncome,
    BadIncome,      ///< not an amount in złoty ("1500", "1500,50")
    BadHousehold,   ///< neither "single" nor "family"
    CriterionNotSet ///< the table has no criterion for this household (data to fill in)
};

std::string_view feeQueryErrorCode(FeeQueryError error);

struct FeeAnswer
{
    const domain::Service* service = nullptr;
    const domain::FeeTable* table = nullptr;
    std::int64_t incomeGrosze = 0;
    rules::HouseholdType household = rules::HouseholdType::Single;
    std::int64_t criterionGrosze = 0;
    rules::FeeAssessment assessment;
};

/// The fee of `serviceId` for a monthly income typed as the kiosk's keypad takes it and a household
/// ("single" or "family"), by shared/rules exactly as the kiosk's calculator computes it.
Result<FeeAnswer, FeeQueryError> answerFee(const CatalogSnapshot& snapshot, const std::string& serviceId,
                                           const std::string& income, const std::string& household);

/// "1 515,00" — złoty from grosze, as the kiosk shows amounts.
std::string zlotyText(std::int64_t grosze);

} // namespace okienko::server::pub
