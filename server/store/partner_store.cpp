// Partner institutions' SQL. Every decision is one ServerStore::write transaction: the row's new
// status only when it is still pending (so two coordinators deciding at once cannot both win), the
// catalogue write for a publication, and the panel_actions row naming the coordinator.
#include "server/store/partner_store.hpp"

#include "server/credentials.hpp"
#include "server/store/catalog_writes.hpp"
#include "server/store/panel_actions.hpp"
#include "server/store/sqlite_reads.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/text/fold.hpp"
#include "shared/util/uuid.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace okienko::server
{

namespace
{
using protocol::Json;

constexpr const char* kInstitutionColumns =
    "SELECT i.id, i.name, i.kind, i.address, i.phone, i.email, i.website, i.profile, i.contact_name, "
    "i.contact_public, i.status, i.language, COALESCE(i.account_id, ''), i.created_at, COALESCE(i.decided_at, 0), "
    "COALESCE(st.name, ''), i.reason FROM institutions i LEFT JOIN staff st ON st.id = i.decided_by ";

constexpr const char* kProposalColumns =
    "SELECT p.id, p.code, p.institution_id, i.name, i.status, p.kind, p.service_id, p.data, p.status, "
    "p.submitted_by <> '', p.created_at, COALESCE(p.decided_at, 0), COALESCE(st.name, ''), p.reason "
    "FROM partner_proposals p JOIN institutions i ON i.id = p.institution_id "
    "LEFT JOIN staff st ON st.id = p.decided_by ";

domain::LocalizedText textFrom(const Json& j)
{
    domain::LocalizedText t;
    if (!j.is_object())
        return t;
    for (auto lang : {domain::Language::Pl, domain::Language::Uk, domain::Language::En})
    {
        const std::string key(domain::languageCode(lang));
        if (j.contains(key) && j[key].is_string())
            t.raw(lang) = j[key].get<std::string>();
    }
    return t;
}

Json textJson(const domain::LocalizedText& t)
{
    Json j = Json::object();
    for (auto lang : {domain::Language::Pl, domain::Language::Uk, domain::Language::En})
        if (!t.raw(lang).empty())
            j[std::string(domain::languageCode(lang))] = t.raw(lang);
    return j;
}

Institution readInstitution(db::Row& r)
{
    Institution i;
    i.id = r.text();
    i.profile.name = r.text();
    i.profile.kind = r.text();
    i.profile.address = r.text();
    i.profile.phone = r.text();
    i.profile.email = r.text();
    i.profile.website = r.text();
    i.profile.profile = textFrom(Json::parse(r.text(), nullptr, false));
    i.profile.contactName = r.text();
    i.profile.contactPublic = r.integer() != 0;
    i.status = r.text();
    i.language = domain::parseLanguage(r.text()).value_or(domain::Language::Pl);
    i.accountId = r.text();
    i.createdAt = r.int64();
    i.decidedAt = r.int64();
    i.decidedBy = r.text();
    i.reason = r.text();
    return i;
}

PartnerProposal readProposal(db::Row& r)
{
    PartnerProposal p;
    p.id = r.text();
    p.code = r.text();
    p.institutionId = r.text();
    p.institutionName = r.text();
    p.institutionStatus = r.text();
    p.kind = r.text();
    p.serviceId = r.text();
    p.data = r.text();
    p.status = r.text();
    p.fromPartnerLogin = r.integer() != 0;
    p.createdAt = r.int64();
    p.decidedAt = r.int64();
    p.decidedBy = r.text();
    p.reason = r.text();
    return p;
}

Status<db::Error> readServiceIds(db::Database& d, Institution& i)
{
    return db::forEachRow(
        d, "SELECT service_id FROM institution_services WHERE institution_id = ? ORDER BY service_id",
        [&](db::Row& r) { i.serviceIds.push_back(r.text()); }, i.id);
}

/// Reads institutions of `where` (with their services).
Status<db::Error> readInstitutions(db::Database& d, const std::string& where, std::vector<Institution>& out,
                                   const std::string& value = {})
{
    const std::string sql = std::string(kInstitutionColumns) + where;
    auto read = value.empty() ? db::forEachRow(d, sql, [&](db::Row& r) { out.push_back(readInstitution(r)); })
                              : db::forEachRow(
                                    d, sql, [&](db::Row& r) { out.push_back(readInstitution(r)); }, value);
    if (!read)
        return read;
    for (Institution& i : out)
        if (auto st = readServiceIds(d, i); !st)
            return st;
    return {};
}

/// The institution `where` (with one value bound) selects, if any.
Result<std::optional<Institution>, db::Error> oneInstitution(ServerStore& store, const char* where,
                                                             const std::string& value)
{
    return readView<std::optional<Institution>>(store,
                                                [&](db::Database& d, std::optional<Institution>& out)
                                                {
                                                    std::vector<Institution> found;
                                                    auto st = readInstitutions(d, where, found, value);
                                                    if (st && !found.empty())
                                                        out = found.front();
                                                    return st;
                                                });
}

/// Marks the pending row `id` of `table` (institutions or partner_proposals, a literal of this file)
/// rejected with `reason`; `out` says NotFound, NotPending or Done.
Status<db::Error> rejectPending(db::Database& d, std::string_view table, const std::string& id,
                                const std::string& reason, const std::string& staffId, std::int64_t now,
                                PartnerDecisionOutcome& out)
{
    auto known = db::exists(d, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?", id);
    if (!known)
        return makeErr(known.error());
    if (!*known)
        return {};
    auto changed = db::execChanges(d,
                                   "UPDATE " + std::string(table) +
                                       " SET status = 'rejected', decided_at = ?, decided_by = ?, reason = ? "
                                       "WHERE id = ? AND status = 'pending'",
                                   now, staffId, reason, id);
    if (!changed)
        return makeErr(changed.error());
    out.result = *changed == 0 ? PartnerDecision::NotPending : PartnerDecision::Done;
    return {};
}

/// "P-7K3M-Q9RT": what the institution quotes when it asks about its proposal.
std::string newProposalCode()
{
    static const char* alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    std::array<unsigned char, 8> bytes{};
    secureRandomBytes(bytes.data(), bytes.size());
    std::string code = "P-";
    for (std::size_t i = 0; i < bytes.size(); ++i)
    {
        if (i == 4)
            code.push_back('-');
        code.push_back(alphabet[bytes[i] % 31]);
    }
    return code;
}

/// A one-time code to set a password: 12 symbols, about 60 bits.
std::string newSetPasswordCode()
{
    static const char* alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    std::array<unsigned char, 12> bytes{};
    secureRandomBytes(bytes.data(), bytes.size());
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i)
    {
        if (i > 0 && i % 4 == 0)
            code.push_back('-');
        code.push_back(alphabet[bytes[i] % 31]);
    }
    return code;
}

/// The code as typed: lower-case, without spaces and dashes.
std::string normalisedCode(const std::string& typed)
{
    std::string out;
    for (char c : typed)
        if (c != '-' && c != ' ')
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    return out;
}

Status<db::Error> insertProposal(db::Database& d, const ProposalDraft& draft, std::int64_t now, std::string& code)
{
    code = newProposalCode();
    return db::exec(d,
                    "INSERT INTO partner_proposals(id, code, institution_id, kind, service_id, data, status, "
                    "submitted_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                    newUuid(), code, draft.institutionId, draft.kind, draft.serviceId, draft.data, draft.submittedBy,
                    now);
}

/// Gives the login of institution `id` a new one-time code (replacing an older one).
Status<db::Error> storeCode(db::Database& d, const std::string& accountId, std::int64_t now, std::string& code)
{
    code = newSetPasswordCode();
    return db::exec(d,
                    "INSERT INTO partner_password_codes(staff_id, code_hash, expires_at) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT(staff_id) DO UPDATE SET code_hash = ?2, expires_at = ?3",
                    accountId, sha256Hex(normalisedCode(code)), now + kPartnerCodeSeconds);
}

/// Runs `work` in one write transaction; a failure is logged without any value.
Result<PartnerDecisionOutcome, db::Error>
decide(ServerStore& store, const char* what,
       const std::function<Status<db::Error>(db::Database&, PartnerDecisionOutcome&)>& work)
{
    auto result = writeWithOutcome<PartnerDecisionOutcome>(store, PartnerDecisionOutcome{}, work);
    if (!result)
        std::fprintf(stderr, "okienko-central: partner %s failed (database error)\n", what);
    return result;
}

/// Publishes a service entry of a proposal: added at the end of the catalogue or replacing the
/// service of the same id; the institution keeps it.
Status<db::Error> publishService(db::Database& d, const PartnerProposal& p, const std::string& entryJson,
                                 const std::string& staffId, std::int64_t now, PartnerDecisionOutcome& out)
{
    auto loaded = storedCatalog(d, kDefaultSite);
    if (!loaded)
        return makeErr(loaded.error());
    if (!*loaded)
    {
        out.result = PartnerDecision::Invalid;
        out.errors.push_back("$: the catalogue has not been imported yet");
        return {};
    }
    domain::Catalog& catalogue = **loaded;
    auto parsed = catalog::parseServiceEntry(entryJson);
    if (!parsed)
    {
        out.result = PartnerDecision::Invalid;
        for (const auto& e : parsed.error())
            out.errors.push_back(catalog::formatCatalogError(e));
        return {};
    }
    const bool isNew = p.kind == "new-service";
    auto it = std::find_if(catalogue.services.begin(), catalogue.services.end(),
                           [&](const domain::Service& s) { return s.id == parsed->id; });
    if (isNew && it != catalogue.services.end())
    {
        out.result = PartnerDecision::Taken;
        return {};
    }
    if (!isNew && (it == catalogue.services.end() || parsed->id != p.serviceId))
    {
        out.result = PartnerDecision::NotFound;
        return {};
    }
    if (parsed->fee.kind == domain::FeeKind::IncomeTable &&
        std::none_of(catalogue.feeTables.begin(), catalogue.feeTables.end(),
                     [&](const domain::FeeTable& t) { return t.id == parsed->fee.feeTableId; }))
    {
        out.result = PartnerDecision::Invalid;
        out.errors.push_back("$.fee.fee_table_id: dangling-reference: no such fee table");
        return {};
    }
    const std::string id = parsed->id;
    const Json data = protocol::encodeService(*parsed);
    int position = 0;
    if (isNew)
    {
        position = static_cast<int>(catalogue.services.size());
        catalogue.services.push_back(std::move(parsed).value());
    }
    else
    {
        position = static_cast<int>(it - catalogue.services.begin());
        // The coordinators' note stays theirs: a partner's entry never carries it.
        parsed->internalNote = it->internalNote;
        *it = std::move(parsed).value();
    }
    if (auto st = publish(d, kDefaultSite, staffId, catalogue, protocol::entity::kService, id, data, position,
                          isNew ? "add" : "update", now);
        !st)
        return st;
    out.serviceId = id;
    return db::exec(d,
                    "INSERT INTO institution_services(service_id, institution_id) VALUES (?1, ?2) "
                    "ON CONFLICT(service_id) DO UPDATE SET institution_id = ?2",
                    id, p.institutionId);
}
} // namespace

const std::vector<InstitutionKind>& institutionKinds()
{
    static const std::vector<InstitutionKind> kinds{
        {"culture", "dom kultury, ośrodek kultury"},
        {"library", "biblioteka"},
        {"sport", "ośrodek sportu i rekreacji (OKF)"},
        {"labour-office", "urząd pracy (PUP)"},
        {"family-centre", "centrum pomocy rodzinie (PCPR), ośrodek pomocy"},
        {"education", "szkoła, przedszkole, poradnia"},
        {"health", "ochrona zdrowia"},
        {"ngo", "organizacja pozarządowa, stowarzyszenie, fundacja, KGW"},
        {"church", "parafia, związek wyznaniowy"},
        {"other", "inna instytucja"},
    };
    return kinds;
}

bool isInstitutionKind(std::string_view code)
{
    const auto& kinds = institutionKinds();
    return std::any_of(kinds.begin(), kinds.end(), [&](const InstitutionKind& k) { return k.code == code; });
}

std::string encodeProfile(const InstitutionProfile& p)
{
    return Json{{"name", p.name},
                {"kind", p.kind},
                {"address", p.address},
                {"phone", p.phone},
                {"email", p.email},
                {"website", p.website},
                {"profile", textJson(p.profile)},
                {"contact_name", p.contactName},
                {"contact_public", p.contactPublic}}
        .dump();
}

std::optional<InstitutionProfile> decodeProfile(const std::string& json)
{
    const Json j = Json::parse(json, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    InstitutionProfile p;
    auto text = [&](const char* key)
    {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
    };
    p.name = text("name");
    p.kind = text("kind");
    p.address = text("address");
    p.phone = text("phone");
    p.email = text("email");
    p.website = text("website");
    p.profile = textFrom(j.value("profile", Json::object()));
    p.contactName = text("contact_name");
    p.contactPublic = j.value("contact_public", false);
    return p;
}

std::string slugFrom(const std::string& name)
{
    std::string slug;
    for (char c : text::foldForSearch(name))
    {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep)
            slug.push_back(c);
        else if (!slug.empty() && slug.back() != '-')
            slug.push_back('-');
        if (slug.size() >= 48)
            break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug.empty() ? "instytucja" : slug;
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::registerInstitution(const PartnerRegistration& reg,
                                                                            std::int64_t now)
{
    return decide(
        m_store, "registration",
        [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
        {
            const std::string base = slugFrom(reg.profile.name);
            std::string id = base;
            for (int n = 2;; ++n)
            {
                auto taken = db::exists(d, "SELECT 1 FROM institutions WHERE id = ?", id);
                if (!taken)
                    return makeErr(taken.error());
                if (!*taken)
                    break;
                id = base + "-" + std::to_string(n);
            }
            const InstitutionProfile& p = reg.profile;
            if (auto st =
                    db::exec(d,
                             "INSERT INTO institutions(id, name, kind, address, phone, email, website, "
                             "profile, contact_name, contact_public, status, language, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                             id, p.name, p.kind, p.address, p.phone, p.email, p.website, textJson(p.profile).dump(),
                             p.contactName, p.contactPublic ? 1 : 0, domain::languageCode(reg.language), now);
                !st)
                return st;
            out.result = PartnerDecision::Done;
            if (reg.proposalKind.empty())
                return {};
            return insertProposal(d, ProposalDraft{id, reg.proposalKind, reg.serviceId, reg.data, ""}, now, out.code);
        });
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::propose(const ProposalDraft& draft, std::int64_t now)
{
    return decide(m_store, "proposal",
                  [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
                  {
                      auto approved = db::exists(d, "SELECT 1 FROM institutions WHERE id = ? AND status = 'approved'",
                                                 draft.institutionId);
                      if (!approved)
                          return makeErr(approved.error());
                      if (!*approved)
                          return {};
                      if (draft.kind == "service-update")
                      {
                          auto owned = db::exists(
                              d, "SELECT 1 FROM institution_services WHERE service_id = ? AND institution_id = ?",
                              draft.serviceId, draft.institutionId);
                          if (!owned)
                              return makeErr(owned.error());
                          if (!*owned)
                          {
                              out.result = PartnerDecision::NotOwned;
                              return {};
                          }
                      }
                      out.result = PartnerDecision::Done;
                      return insertProposal(d, draft, now, out.code);
                  });
}

Result<PartnerQueue, db::Error> PartnerStore::queue()
{
    if (!reachesInstitutions())
        return PartnerQueue{};
    return readView<PartnerQueue>(
        m_store,
        [&](db::Database& d, PartnerQueue& q) -> Status<db::Error>
        {
            if (auto st =
                    readInstitutions(d, "WHERE i.status = 'pending' ORDER BY i.created_at", q.pendingInstitutions);
                !st)
                return st;
            if (auto st = readInstitutions(d, "WHERE i.status <> 'pending' ORDER BY i.decided_at DESC, i.name",
                                           q.institutions);
                !st)
                return st;
            if (auto st = db::forEachRow(
                    d, std::string(kProposalColumns) + "WHERE p.status = 'pending' ORDER BY p.created_at",
                    [&](db::Row& r) { q.pendingProposals.push_back(readProposal(r)); });
                !st)
                return st;
            return db::forEachRow(
                d, std::string(kProposalColumns) + "WHERE p.status <> 'pending' ORDER BY p.decided_at DESC LIMIT 30",
                [&](db::Row& r) { q.decided.push_back(readProposal(r)); });
        });
}

Result<std::optional<Institution>, db::Error> PartnerStore::institution(const std::string& id)
{
    if (!reachesInstitutions())
        return std::optional<Institution>();
    return oneInstitution(m_store, "WHERE i.id = ?", id);
}

Result<std::optional<Institution>, db::Error> PartnerStore::institutionOfAccount(const std::string& staffId)
{
    return oneInstitution(m_store, "WHERE i.account_id = ? AND i.status = 'approved'", staffId);
}

Result<std::optional<PartnerProposal>, db::Error> PartnerStore::proposal(const std::string& id)
{
    if (!reachesInstitutions())
        return std::optional<PartnerProposal>();
    auto rows = readAll(m_store, std::string(kProposalColumns) + "WHERE p.id = ?", readProposal, id);
    if (!rows)
        return makeErr(rows.error());
    if (rows->empty())
        return std::optional<PartnerProposal>();
    return std::optional<PartnerProposal>(rows->front());
}

Result<std::vector<PartnerProposal>, db::Error> PartnerStore::proposalsOf(const std::string& institutionId)
{
    return readAll(m_store, std::string(kProposalColumns) + "WHERE p.institution_id = ? ORDER BY p.created_at DESC",
                   readProposal, institutionId);
}

Result<std::vector<Institution>, db::Error> PartnerStore::approvedInstitutions()
{
    return readView<std::vector<Institution>>(
        m_store, [&](db::Database& d, std::vector<Institution>& out)
        { return readInstitutions(d, "WHERE i.status = 'approved' ORDER BY i.name", out); });
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::approveInstitution(const std::string& id,
                                                                           const std::string& staffId, std::int64_t now)
{
    if (!reachesInstitutions())
        return PartnerDecisionOutcome{};
    return decide(
        m_store, "approval",
        [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
        {
            auto name = db::queryText(d, "SELECT name FROM institutions WHERE id = ?", id);
            if (!name)
                return makeErr(name.error());
            if (!name->has_value())
                return {};
            auto changed = db::execChanges(d,
                                           "UPDATE institutions SET status = 'approved', decided_at = ?, "
                                           "decided_by = ? WHERE id = ? AND status = 'pending'",
                                           now, staffId, id);
            if (!changed)
                return makeErr(changed.error());
            if (*changed == 0)
            {
                out.result = PartnerDecision::NotPending;
                return {};
            }
            // The login is named after the institution, never after a person; no PIN, and no
            // password until the partner sets one with the code.
            out.accountId = "partner-" + id;
            if (auto st = db::exec(d,
                                   "INSERT INTO staff(id, name, role, pin_hash, password_hash, active, "
                                   "created_at) VALUES (?, ?, 'partner', '', '', 1, ?)",
                                   out.accountId, **name, now);
                !st)
                return st;
            if (auto st = db::exec(d, "UPDATE institutions SET account_id = ? WHERE id = ?", out.accountId, id); !st)
                return st;
            if (auto st = storeCode(d, out.accountId, now, out.code); !st)
                return st;
            out.result = PartnerDecision::Done;
            return recordPanelAction(d, staffId, "institution", id, "approve", now);
        });
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::renewCode(const std::string& id, const std::string& staffId,
                                                                  std::int64_t now)
{
    if (!reachesInstitutions())
        return PartnerDecisionOutcome{};
    return decide(m_store, "code renewal",
                  [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
                  {
                      auto account = db::queryText(
                          d, "SELECT account_id FROM institutions WHERE id = ? AND status = 'approved'", id);
                      if (!account)
                          return makeErr(account.error());
                      if (!account->has_value())
                          return {};
                      out.accountId = **account;
                      if (auto st = storeCode(d, out.accountId, now, out.code); !st)
                          return st;
                      out.result = PartnerDecision::Done;
                      return recordPanelAction(d, staffId, "institution", id, "new password code", now);
                  });
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::rejectInstitution(const std::string& id,
                                                                          const std::string& reason,
                                                                          const std::string& staffId, std::int64_t now)
{
    if (!reachesInstitutions())
        return PartnerDecisionOutcome{};
    return decide(m_store, "rejection",
                  [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
                  {
                      if (auto st = rejectPending(d, "institutions", id, reason, staffId, now, out);
                          !st || out.result != PartnerDecision::Done)
                          return st;
                      // Its proposals wait for nothing any more.
                      if (auto st = db::exec(d,
                                             "UPDATE partner_proposals SET status = 'rejected', decided_at = ?, "
                                             "decided_by = ?, reason = ? WHERE institution_id = ? AND status = "
                                             "'pending'",
                                             now, staffId, reason, id);
                          !st)
                          return st;
                      return recordPanelAction(d, staffId, "institution", id, "reject", now);
                  });
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::publishProposal(const std::string& id,
                                                                        const std::string& entryJson,
                                                                        const std::string& staffId, std::int64_t now)
{
    if (!reachesInstitutions())
        return PartnerDecisionOutcome{};
    return decide(
        m_store, "publication",
        [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
        {
            std::optional<PartnerProposal> p;
            if (auto st = db::forEachRow(
                    d, std::string(kProposalColumns) + "WHERE p.id = ?", [&](db::Row& r) { p = readProposal(r); }, id);
                !st)
                return st;
            if (!p)
                return {};
            if (p->status != "pending")
            {
                out.result = PartnerDecision::NotPending;
                return {};
            }
            if (p->kind == "profile")
            {
                auto profile = decodeProfile(p->data);
                if (!profile)
                {
                    out.result = PartnerDecision::Invalid;
                    return {};
                }
                if (auto st = db::exec(d,
                                       "UPDATE institutions SET name = ?, kind = ?, address = ?, phone = ?, email = ?, "
                                       "website = ?, profile = ?, contact_name = ?, contact_public = ? WHERE id = ?",
                                       profile->name, profile->kind, profile->address, profile->phone, profile->email,
                                       profile->website, textJson(profile->profile).dump(), profile->contactName,
                                       profile->contactPublic ? 1 : 0, p->institutionId);
                    !st)
                    return st;
                // The login is named after the institution.
                if (auto st = db::exec(d,
                                       "UPDATE staff SET name = ? WHERE id = (SELECT account_id FROM institutions "
                                       "WHERE id = ?)",
                                       profile->name, p->institutionId);
                    !st)
                    return st;
            }
            else
            {
                if (auto st = publishService(d, *p, entryJson, staffId, now, out); !st)
                    return st;
                if (out.serviceId.empty()) // refused: the outcome says why, nothing was written
                    return {};
            }
            if (auto st = db::exec(d,
                                   "UPDATE partner_proposals SET status = 'published', decided_at = ?, decided_by = ?, "
                                   "service_id = CASE WHEN ? = '' THEN service_id ELSE ? END, data = CASE WHEN ? = '' "
                                   "THEN data ELSE ? END WHERE id = ?",
                                   now, staffId, out.serviceId, out.serviceId, entryJson, entryJson, id);
                !st)
                return st;
            out.result = PartnerDecision::Done;
            return recordPanelAction(d, staffId, "partner-proposal", id, "publish " + p->kind, now);
        });
}

Result<PartnerDecisionOutcome, db::Error> PartnerStore::rejectProposal(const std::string& id, const std::string& reason,
                                                                       const std::string& staffId, std::int64_t now)
{
    if (!reachesInstitutions())
        return PartnerDecisionOutcome{};
    return decide(m_store, "proposal rejection",
                  [&](db::Database& d, PartnerDecisionOutcome& out) -> Status<db::Error>
                  {
                      if (auto st = rejectPending(d, "partner_proposals", id, reason, staffId, now, out);
                          !st || out.result != PartnerDecision::Done)
                          return st;
                      return recordPanelAction(d, staffId, "partner-proposal", id, "reject", now);
                  });
}

Result<bool, db::Error> PartnerStore::codeValid(const std::string& accountId, const std::string& code, std::int64_t now)
{
    bool valid = false;
    auto st = m_store.read(
        [&](db::Database& d) -> Status<db::Error>
        {
            auto hash = db::queryText(d,
                                      "SELECT c.code_hash FROM partner_password_codes c JOIN staff s ON s.id = "
                                      "c.staff_id WHERE c.staff_id = ? AND c.expires_at > ? AND s.role = 'partner' "
                                      "AND s.active = 1",
                                      accountId, now);
            if (!hash)
                return makeErr(hash.error());
            valid = hash->has_value() && constantTimeEquals(**hash, sha256Hex(normalisedCode(code)));
            return {};
        });
    if (!st)
        return makeErr(st.error());
    return valid;
}

Result<bool, db::Error> PartnerStore::setPassword(const std::string& accountId, const std::string& code,
                                                  const std::string& passwordHash, std::int64_t now)
{
    return writeWithOutcome<bool>(
        m_store, false,
        [&](db::Database& d, bool& set) -> Status<db::Error>
        {
            auto deleted = db::execChanges(d,
                                           "DELETE FROM partner_password_codes WHERE staff_id = ? AND code_hash = ? "
                                           "AND expires_at > ?",
                                           accountId, sha256Hex(normalisedCode(code)), now);
            if (!deleted)
                return makeErr(deleted.error());
            if (*deleted == 0)
                return {};
            if (auto st = db::exec(d, "UPDATE staff SET password_hash = ? WHERE id = ? AND role = 'partner'",
                                   passwordHash, accountId);
                !st)
                return st;
            set = true;
            return recordPanelAction(d, accountId, "staff", accountId, "password set with a one-time code", now);
        });
}

} // namespace okienko::server
