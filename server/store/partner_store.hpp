// Partner institutions on SQLite (server migration 13, docs/partners.md): registrations from the
// public form, proposals of new services and of changes to an institution's services or profile, the
// coordinators' decisions — each one transaction with its panel_actions audit row (who, when), and a
// publication also with the catalogue's change-log row kiosks pull and its catalog_edits row — the
// partner's login made at the approval with a one-time code to set its password, and the public
// pages' reads (approved institutions only, never the contact person unless marked public).
#pragma once

#include "server/server_store.hpp"
#include "server/store/partner_views.hpp"
#include "server/store/site_scope.hpp"
#include "shared/db/error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::server
{

/// How long the one-time code to set a partner's password is valid.
inline constexpr std::int64_t kPartnerCodeSeconds = 14 * 24 * 3600;

class PartnerStore
{
  public:
    /// Partner institutions register through the public pages and publish into the catalogue, both
    /// the catalogue site's (decision 0011, Decision 4): a scope without that site (another site's
    /// coordinator) finds no institution nor proposal, and its decisions are answered NotFound.
    explicit PartnerStore(ServerStore& store, SiteScope scope = SiteScope::defaultSite())
        : m_store(store), m_scope(std::move(scope))
    {
    }

    /// A registration from the public form (and its proposal, if any): a pending institution whose
    /// id is made from its name; the outcome's `code` is the proposal's (or the registration's).
    Result<PartnerDecisionOutcome, db::Error> registerInstitution(const PartnerRegistration& registration,
                                                                  std::int64_t now);
    /// A proposal of an approved institution's login (kind new-service, service-update or profile);
    /// NotOwned for a service its institution does not keep.
    Result<PartnerDecisionOutcome, db::Error> propose(const ProposalDraft& draft, std::int64_t now);

    Result<PartnerQueue, db::Error> queue();
    Result<std::optional<Institution>, db::Error> institution(const std::string& id);
    /// The institution whose login is `staffId`; nullopt for any other account.
    Result<std::optional<Institution>, db::Error> institutionOfAccount(const std::string& staffId);
    Result<std::optional<PartnerProposal>, db::Error> proposal(const std::string& id);
    Result<std::vector<PartnerProposal>, db::Error> proposalsOf(const std::string& institutionId);
    /// Approved institutions, by name, for the public pages.
    Result<std::vector<Institution>, db::Error> approvedInstitutions();

    /// Approves a pending institution and makes its login (role partner, no password yet, a
    /// one-time code in the outcome).
    Result<PartnerDecisionOutcome, db::Error> approveInstitution(const std::string& id, const std::string& staffId,
                                                                 std::int64_t now);
    /// A new one-time code for an approved institution's login (the first one lost or expired).
    Result<PartnerDecisionOutcome, db::Error> renewCode(const std::string& id, const std::string& staffId,
                                                        std::int64_t now);
    /// Rejects a pending institution and its pending proposals with `reason`.
    Result<PartnerDecisionOutcome, db::Error> rejectInstitution(const std::string& id, const std::string& reason,
                                                                const std::string& staffId, std::int64_t now);
    /// Publishes a pending proposal: a service entry (`entryJson`, the coordinator's edit, checked
    /// by the catalogue loader's rules for one entry) added or changed in the catalogue and kept by
    /// the proposal's institution, or the profile applied.
    Result<PartnerDecisionOutcome, db::Error> publishProposal(const std::string& id, const std::string& entryJson,
                                                              const std::string& staffId, std::int64_t now);
    Result<PartnerDecisionOutcome, db::Error> rejectProposal(const std::string& id, const std::string& reason,
                                                             const std::string& staffId, std::int64_t now);

    /// True when `code` is the partner login's valid one-time code.
    Result<bool, db::Error> codeValid(const std::string& accountId, const std::string& code, std::int64_t now);
    /// Sets the password (its argon2id hash) when `code` is still valid, and uses the code up.
    Result<bool, db::Error> setPassword(const std::string& accountId, const std::string& code,
                                        const std::string& passwordHash, std::int64_t now);

  private:
    /// Whether the scope reaches the default site, whose institutions the partner desk serves (decision 0015: partners
    /// stay the default site's until the public site is per site).
    bool reachesInstitutions() const { return m_scope.contains(kDefaultSite); }

    ServerStore& m_store;
    SiteScope m_scope;
};

/// The profile as the JSON a profile proposal carries, and back (nullopt for malformed JSON).
std::string encodeProfile(const InstitutionProfile& profile);
std::optional<InstitutionProfile> decodeProfile(const std::string& json);

/// "biblioteka-miasta-i-gminy-lapy" from "Biblioteka Miasta i Gminy Łapy": lower-case ASCII letters
/// and digits joined by '-', Polish letters without diacritics, at most 48 characters.
std::string slugFrom(const std::string& name);

} // namespace okienko::server
