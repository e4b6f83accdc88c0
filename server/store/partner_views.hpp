// What the partner institutions' pages read and ask of the store (PartnerStore): an institution and
// its profile, a proposal waiting for review, the review queue, and the outcome of a decision.
#pragma once

#include "shared/domain/language.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::server
{

/// An institution's kinds: the code stored and the Polish label the panel shows (the public pages
/// name them with the words "pub.institution.kind.<code>").
struct InstitutionKind
{
    std::string_view code;
    std::string_view label;
};
const std::vector<InstitutionKind>& institutionKinds();
bool isInstitutionKind(std::string_view code);

/// What an institution says about itself: all of it is published except the contact person, who is
/// shown only when `contactPublic`.
struct InstitutionProfile
{
    std::string name;
    std::string kind;
    std::string address;
    std::string phone; ///< the institution's own
    std::string email; ///< the institution's own
    std::string website;
    domain::LocalizedText profile;
    std::string contactName; ///< PERSONAL
    bool contactPublic = false;

    friend bool operator==(const InstitutionProfile&, const InstitutionProfile&) = default;
};

struct Institution
{
    std::string id;
    InstitutionProfile profile;
    std::string status; ///< pending, approved, rejected
    domain::Language language = domain::Language::Pl;
    std::string accountId; ///< the partner's login, "" before the approval
    std::int64_t createdAt = 0;
    std::int64_t decidedAt = 0;
    std::string decidedBy; ///< the coordinator's name
    std::string reason;
    std::vector<std::string> serviceIds; ///< the catalogue services it keeps
};

struct PartnerProposal
{
    std::string id;
    std::string code;
    std::string institutionId;
    std::string institutionName;
    std::string institutionStatus;
    std::string kind; ///< new-service, service-update, profile
    std::string serviceId;
    std::string data; ///< catalogue JSON of the entry, or the profile as JSON
    std::string status;
    bool fromPartnerLogin = false; ///< else from the public form
    std::int64_t createdAt = 0;
    std::int64_t decidedAt = 0;
    std::string decidedBy;
    std::string reason;
};

/// The coordinators' queue: what waits, and the institutions already decided.
struct PartnerQueue
{
    std::vector<Institution> pendingInstitutions;
    std::vector<PartnerProposal> pendingProposals;
    std::vector<Institution> institutions; ///< approved and rejected, newest decision first
    std::vector<PartnerProposal> decided;  ///< the last decided proposals, newest first
};

/// A registration from the public form: the institution and what it proposes with it.
struct PartnerRegistration
{
    InstitutionProfile profile;
    domain::Language language = domain::Language::Pl;
    std::string proposalKind; ///< "" (registration only), new-service or service-update
    std::string serviceId;    ///< service-update: the catalogue service
    std::string data;         ///< the proposed entry's catalogue JSON
};

/// A proposal made by a partner's login (or the public form): kind, the service it changes, data.
struct ProposalDraft
{
    std::string institutionId;
    std::string kind;
    std::string serviceId;
    std::string data;
    std::string submittedBy; ///< the partner's staff id; "" from the public form
};

enum class PartnerDecision
{
    Done,
    NotFound,   ///< no such institution or proposal
    NotPending, ///< already decided (by another coordinator, or twice)
    Invalid,    ///< the entry does not pass the catalogue loader's rules (`errors`), or a bad id
    Taken,      ///< a new service's id is already in the catalogue
    NotOwned,   ///< a partner proposed a change to a service that is not its institution's
};

struct PartnerDecisionOutcome
{
    PartnerDecision result = PartnerDecision::NotFound;
    std::vector<std::string> errors; ///< Invalid: "$.name.pl: empty-text: …" as the loader says
    std::string code;                ///< approval: the one-time code to set the password; a new proposal's code
    std::string accountId;           ///< approval: the partner's login
    std::string serviceId;           ///< publication: the service written
};

} // namespace okienko::server
