// The slips Okienko prints, built from domain records in the resident's language: what each says
// and — as importantly — what it never says (PESEL, health information, the kind of counselling).
// The wording needs the translator, so it lives in kiosk/core; kiosk/receipt only lays slips out
// and prints them. The functions keep the receipt namespace of the documents they build.
#pragma once

#include "kiosk/core/translator.hpp"
#include "kiosk/model/slip.hpp"
#include "shared/domain/callback.hpp"
#include "shared/domain/catalog.hpp"
#include "shared/domain/counselling.hpp"
#include "shared/domain/reservation.hpp"

#include <optional>
#include <string>

namespace okienko::receipt
{

/// What every slip needs besides its record: who prints it, where, when, in which language.
struct SlipContext
{
    const kiosk::Translator& tr;
    domain::Language language = domain::Language::Pl;
    const domain::Municipality& cus;
    std::string kioskName;
    std::string printedAt; ///< local date and time, "23.11.2026 10:15"
};

/// Equipment reservation: code, equipment, pick-up date and period, confirmed or provisional, what
/// to bring. Shows the phone only masked; no name.
Slip reservationSlip(const SlipContext& ctx, const domain::Reservation& reservation, const domain::EquipmentType& type);

/// Counselling appointment: "meeting at CUS", time, room, code — never the kind of counselling.
Slip counsellingSlip(const SlipContext& ctx, const domain::CounsellingRequest& request,
                     const std::optional<domain::CounsellingSlot>& slot);

/// Callback confirmation: when to expect the call and the CUS's phone number.
Slip callbackSlip(const SlipContext& ctx, const domain::CallbackRequest& request, bool updatedExisting);

/// Everything a resident needs to use a service, to take home.
Slip serviceInfoSlip(const SlipContext& ctx, const domain::Service& service);

/// One of the two copies of the lending agreement, each labelled with whom it is for.
enum class AgreementCopy
{
    Cus,      ///< "Egzemplarz dla CUS"
    Borrower, ///< "Egzemplarz dla wypożyczającego"
};

/// Lending agreement / hand-over protocol ("umowa użyczenia") in two copies with signature lines.
/// The borrower's PESEL is never printed, even when the loan record holds it. With `only`, the slip
/// is that one copy (check-out prints each copy as its own job, so each copy's outcome is known).
Slip lendingAgreementSlip(const SlipContext& ctx, const domain::Loan& loan, const domain::EquipmentType& type,
                          const std::string& staffName, std::optional<AgreementCopy> only = std::nullopt);

/// Return confirmation: item, date, condition at return.
Slip returnConfirmationSlip(const SlipContext& ctx, const domain::Loan& loan, const domain::EquipmentType& type);

/// Printer test page: header, every Polish and Ukrainian letter, a code and a QR code.
Slip printerTestSlip(const SlipContext& ctx, const std::string& formatName);

} // namespace okienko::receipt
