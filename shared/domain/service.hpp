// A social service of the catalogue, with every field a resident needs to use it (product.md §3):
// what, who delivers it, where, when, who may use it, how to qualify, fee, documents, data asked.
#pragma once

#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"
#include "shared/util/date.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::domain
{

enum class ServiceStatus
{
    Active,      ///< in the adopted programme, delivered now
    Information, ///< named in the seeds; conditions follow other laws, details to confirm at the CUS
    Planned,     ///< announced, not delivered yet
    Archived,    ///< ended; kept so that a resident asking about it gets an answer
};

enum class FeeKind
{
    Free,        ///< "usługa nieodpłatna"
    IncomeTable, ///< a share of costs by income (the sheltered-housing table, 004 §VII)
    Fixed,       ///< a stated amount, described in the fee text
    Unspecified, ///< the seeds say nothing; ask at the CUS
};

/// What a resident can start at the kiosk from the service page.
enum class KioskAction
{
    None,
    ReserveEquipment,
    RequestCounselling,
    Callback,
};

struct FeeRule
{
    FeeKind kind = FeeKind::Unspecified;
    LocalizedText text;     ///< the rule as a resident reads it
    std::string feeTableId; ///< with IncomeTable: the table in Catalog::feeTables

    friend bool operator==(const FeeRule&, const FeeRule&) = default;
};

struct Service
{
    std::string id; ///< stable, e.g. "lapy-wypozyczalnia"
    ServiceStatus status = ServiceStatus::Active;
    LocalizedText name;
    LocalizedText summary;     ///< one or two sentences for lists
    LocalizedText description; ///< the full text of the service page
    Area primaryArea = Area::SocialAssistance;
    std::vector<Area> areas; ///< every area of art. 2 ust. 1 it belongs to (includes primaryArea)
    std::vector<TargetGroup> targetGroups;
    LocalizedList tags; ///< search words a resident might type ("wózek", "kule")

    LocalizedText deliveredBy; ///< "podmiot realizujący"
    LocalizedText place;
    LocalizedText hours;
    LocalizedText contact;
    LocalizedText eligibility;       ///< "warunek dopuszczający"
    LocalizedText qualificationMode; ///< "tryb kwalifikowania"
    FeeRule fee;
    LocalizedText documents;    ///< "sposób dokumentowania"
    LocalizedText personalData; ///< what personal data the CUS asks for, and why
    LocalizedText capacity;     ///< planned participants / places, as the programme states it

    KioskAction kioskAction = KioskAction::None;
    bool toBeConfirmed = false; ///< general description; details must be confirmed at the CUS
    /// What the CUS still has to fill in or confirm, for coordinators only: the panel shows it, the
    /// kiosk never does and the server never sends it to kiosks (docs/catalog-format.md).
    std::string internalNote;
    std::vector<std::string> sources; ///< seed documents the facts come from, e.g. "004"
    std::optional<Date> validFrom;
    std::optional<Date> validTo;

    friend bool operator==(const Service&, const Service&) = default;
};

} // namespace okienko::domain
