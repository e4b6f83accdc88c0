#include "kiosk/core/slips/slip_documents.hpp"

#include "shared/util/date_format.hpp"

namespace okienko::receipt
{

namespace
{
// The CUS phone as configured, or "" while the catalogue still holds a placeholder (fewer than
// nine digits): a slip must never tell a resident to call "— (to be filled in)".
std::string usablePhone(const domain::Municipality& cus)
{
    int digits = 0;
    for (char c : cus.phone)
        digits += (c >= '0' && c <= '9') ? 1 : 0;
    return digits >= 9 ? cus.phone : std::string();
}

Slip baseSlip(const SlipContext& ctx, const std::string& jobTitle)
{
    Slip slip;
    // CUPS logs job titles: only the document kind and the reference code, never a name.
    slip.jobTitle = "Okienko: " + jobTitle;
    slip.header.cusName = ctx.cus.cusName.in(ctx.language);
    slip.header.address = ctx.cus.address;
    if (const std::string phone = usablePhone(ctx.cus); !phone.empty())
        slip.header.phone = ctx.tr.tr(ctx.language, "slip.phone_prefix") + " " + phone;
    slip.header.openingHours = ctx.cus.openingHours.in(ctx.language);
    slip.footer = ctx.printedAt + " · " + ctx.kioskName;
    return slip;
}

std::string t(const SlipContext& ctx, std::string_view key)
{
    return ctx.tr.tr(ctx.language, key);
}

std::string f(const SlipContext& ctx, std::string_view key, std::initializer_list<kiosk::FormatArg> args)
{
    return kiosk::formatPlaceholders(ctx.tr.tr(ctx.language, key), args);
}

// "600 *** *56": enough for a resident to recognise their number, useless to anyone else.
std::string maskedPhone(const std::string& digits)
{
    if (digits.size() != 9)
        return "*********";
    return digits.substr(0, 3) + " *** *" + digits.substr(7, 2);
}

} // namespace

Slip reservationSlip(const SlipContext& ctx, const domain::Reservation& r, const domain::EquipmentType& type)
{
    Slip slip = baseSlip(ctx, "reservation " + r.code);
    const bool confirmed =
        r.status == domain::ReservationStatus::Held || r.status == domain::ReservationStatus::Confirmed;
    slip.title(t(ctx, "slip.reservation.title")).code(r.code).qr(r.code);
    slip.keyValue(t(ctx, "slip.reservation.equipment"), type.name.in(ctx.language));
    slip.keyValue(t(ctx, "slip.reservation.pickup"), formatDate(r.period.first));
    slip.keyValue(t(ctx, "slip.reservation.until"), formatDate(r.period.last()));
    if (!r.person.phone.empty())
        slip.keyValue(t(ctx, "slip.phone_we_call"), maskedPhone(r.person.phone));
    slip.paragraph(t(ctx, confirmed ? "slip.reservation.confirmed" : "slip.reservation.provisional"));
    std::vector<std::string> bring = type.whatToBring.in(ctx.language);
    bring.insert(bring.begin(), t(ctx, "slip.bring_this_slip"));
    slip.list(t(ctx, "slip.what_to_bring"), bring);
    return slip;
}

Slip counsellingSlip(const SlipContext& ctx, const domain::CounsellingRequest& request,
                     const std::optional<domain::CounsellingSlot>& slot)
{
    // Discretion: the title, job title and every line are the same for every kind of counselling.
    Slip slip = baseSlip(ctx, "meeting " + request.code);
    slip.title(t(ctx, "slip.meeting.title")).code(request.code).qr(request.code);
    if (slot)
    {
        slip.keyValue(t(ctx, "slip.meeting.date"), formatDate(slot->date));
        slip.keyValue(t(ctx, "slip.meeting.time"), formatMinuteOfDay(slot->startMinute));
        if (!slot->room.empty())
            slip.keyValue(t(ctx, "slip.meeting.room"), slot->room);
        slip.paragraph(t(ctx, request.status == domain::RequestStatus::Provisional ? "slip.meeting.provisional"
                                                                                   : "slip.meeting.booked"));
    }
    else
        slip.paragraph(t(ctx, "slip.meeting.we_will_call"));
    if (!request.phone.empty())
        slip.keyValue(t(ctx, "slip.phone_we_call"), maskedPhone(request.phone));
    if (const std::string phone = usablePhone(ctx.cus); !phone.empty())
        slip.paragraph(f(ctx, "slip.change_by_phone", {{"phone", phone}}));
    return slip;
}

Slip callbackSlip(const SlipContext& ctx, const domain::CallbackRequest& request, bool updatedExisting)
{
    Slip slip = baseSlip(ctx, "callback " + request.code);
    slip.title(t(ctx, "slip.callback.title")).code(request.code).qr(request.code);
    const std::string part =
        t(ctx, request.dayPart == domain::DayPart::Morning ? "slip.callback.morning" : "slip.callback.afternoon");
    slip.keyValue(t(ctx, "slip.callback.when"), formatDate(request.day) + ", " + part);
    slip.keyValue(t(ctx, "slip.phone_we_call"), maskedPhone(request.phone));
    if (updatedExisting)
        slip.paragraph(t(ctx, "slip.callback.updated"));
    if (const std::string phone = usablePhone(ctx.cus); !phone.empty())
        slip.paragraph(f(ctx, "slip.callback.no_call", {{"phone", phone}}));
    return slip;
}

Slip serviceInfoSlip(const SlipContext& ctx, const domain::Service& s)
{
    Slip slip = baseSlip(ctx, "service " + s.id);
    const auto L = ctx.language;
    slip.title(s.name.in(L));
    slip.paragraph(s.summary.in(L));
    const std::pair<const char*, const domain::LocalizedText*> sections[] = {
        {"service.section.provider", &s.deliveredBy},
        {"service.section.where", &s.place},
        {"service.section.when", &s.hours},
        {"service.section.eligibility", &s.eligibility},
        {"service.section.how_to_apply", &s.qualificationMode},
        {"service.section.fees", &s.fee.text},
        {"service.section.documents", &s.documents},
        {"service.section.personal_data", &s.personalData},
        {"service.section.contact", &s.contact},
    };
    for (const auto& [key, text] : sections)
        if (!text->in(L).empty())
            slip.list(t(ctx, key), {text->in(L)});
    if (s.toBeConfirmed)
        slip.paragraph(t(ctx, "slip.service.to_confirm"));
    return slip;
}

Slip lendingAgreementSlip(const SlipContext& ctx, const domain::Loan& loan, const domain::EquipmentType& type,
                          const std::string& staffName, std::optional<AgreementCopy> only)
{
    Slip slip = baseSlip(ctx, "agreement " + loan.inventoryNumber);
    const auto& b = loan.borrower;
    const std::string address = b.address.street + ", " + b.address.postalCode + " " + b.address.city;
    std::vector<AgreementCopy> copies{AgreementCopy::Borrower, AgreementCopy::Cus};
    if (only)
        copies = {*only};
    for (std::size_t i = 0; i < copies.size(); ++i)
    {
        const AgreementCopy copy = copies[i];
        if (i > 0)
            slip.cutHere();
        slip.title(t(ctx, "slip.agreement.title"));
        slip.paragraph(
            t(ctx, copy == AgreementCopy::Borrower ? "slip.agreement.copy_borrower" : "slip.agreement.copy_cus"));
        slip.keyValue(t(ctx, "slip.agreement.lender"), ctx.cus.cusName.in(ctx.language));
        slip.keyValue(t(ctx, "slip.agreement.borrower"), b.name);
        slip.keyValue(t(ctx, "slip.agreement.address"), address);
        slip.keyValue(t(ctx, "slip.agreement.item"), type.name.in(ctx.language));
        slip.keyValue(t(ctx, "slip.agreement.inventory"), loan.inventoryNumber);
        slip.keyValue(t(ctx, "slip.agreement.from"), formatDate(loan.start));
        slip.keyValue(t(ctx, "slip.agreement.due"), formatDate(loan.due));
        slip.list(t(ctx, "slip.agreement.conditions"),
                  {t(ctx, "slip.agreement.condition_free"), t(ctx, "slip.agreement.condition_care"),
                   t(ctx, "slip.agreement.condition_return"), t(ctx, "slip.agreement.condition_damage")});
        slip.signature(t(ctx, "slip.agreement.sign_borrower"));
        slip.signature(f(ctx, "slip.agreement.sign_staff", {{"name", staffName}}));
    }
    return slip;
}

Slip returnConfirmationSlip(const SlipContext& ctx, const domain::Loan& loan, const domain::EquipmentType& type)
{
    Slip slip = baseSlip(ctx, "return " + loan.inventoryNumber);
    slip.title(t(ctx, "slip.return.title"));
    slip.keyValue(t(ctx, "slip.agreement.item"), type.name.in(ctx.language));
    slip.keyValue(t(ctx, "slip.agreement.inventory"), loan.inventoryNumber);
    slip.keyValue(t(ctx, "slip.agreement.from"), formatDate(loan.start));
    if (loan.returnedOn)
        slip.keyValue(t(ctx, "slip.return.returned_on"), formatDate(*loan.returnedOn));
    const char* conditionKey = "slip.return.condition_fine";
    if (loan.returnCondition == domain::ReturnCondition::NeedsCleaning)
        conditionKey = "slip.return.condition_cleaning";
    else if (loan.returnCondition == domain::ReturnCondition::NeedsRepair)
        conditionKey = "slip.return.condition_repair";
    slip.keyValue(t(ctx, "slip.return.condition"), t(ctx, conditionKey));
    slip.paragraph(t(ctx, "slip.return.thanks"));
    slip.signature(t(ctx, "slip.return.sign_staff"));
    return slip;
}

Slip printerTestSlip(const SlipContext& ctx, const std::string& formatName)
{
    Slip slip = baseSlip(ctx, "test page");
    slip.title(t(ctx, "slip.test.title")).code("T-TEST-0000").qr("T-TEST-0000");
    slip.keyValue(t(ctx, "slip.test.format"), formatName);
    slip.paragraph("AĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ aąbcćdeęfghijklłmnńoóprsśtuwyzźż");
    slip.paragraph("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ");
    slip.paragraph("0123456789 – — „” … € § % @");
    slip.paragraph(t(ctx, "slip.test.ok"));
    return slip;
}

} // namespace okienko::receipt
