#include "kiosk/core/slips/sample_slips.hpp"

namespace okienko::receipt
{

SampleWorld::SampleWorld(const std::string& i18nDir)
{
    m_ok = translator.loadDirectory(i18nDir).ok();
    cus.cusName = {"Centrum Usług Społecznych w Łapach", "Центр соціальних послуг у Лапах",
                   "Social Services Centre in Łapy"};
    cus.address = "ul. Przykładowa 1, 18-100 Łapy";
    cus.phone = "85 000 00 00";
    cus.openingHours = {"pon.–pt. 7:30–15:30", "пн–пт 7:30–15:30", "Mon–Fri 7:30–15:30"};

    wheelchair.id = "wozek-inwalidzki";
    wheelchair.name = {"Wózek inwalidzki", "Інвалідний візок", "Wheelchair"};
    wheelchair.whatToBring = {{"Dowód osobisty"}, {"Посвідчення особи"}, {"ID document"}};

    reservation.code = "R-7KM-29Q-X4Z";
    reservation.typeId = wheelchair.id;
    reservation.period = {{2026, 11, 25}, 90};
    reservation.status = domain::ReservationStatus::Provisional;
    reservation.person = {"Jan Kowalski", "600123456", {"ul. Leśna 5", "18-100", "Łapy"}};

    counselling.code = "S-4HQ-7M2-KXP";
    counselling.kindId = "addiction";
    counselling.name = "Anna Nowak";
    counselling.phone = "501222333";
    counselling.status = domain::RequestStatus::Received;
    slot = {"slot-1", {"addiction"}, "mgr Ewa Zielińska", "12", {2026, 11, 26}, 10 * 60, 60, true};

    callback.code = "T-9ZW-3K7-PDA";
    callback.phone = "600123456";
    callback.day = {2026, 11, 24};
    callback.dayPart = domain::DayPart::Afternoon;

    service.id = "lapy-wypozyczalnia";
    service.name = {"Wypożyczalnia sprzętu rehabilitacyjnego", "Прокат реабілітаційного обладнання",
                    "Rehabilitation equipment loans"};
    service.summary = {"Bezpłatnie wypożyczamy sprzęt rehabilitacyjny.", "Безкоштовно позичаємо обладнання.",
                       "We lend rehabilitation equipment free of charge."};
    service.eligibility = {"Mieszkańcy Gminy Łapy", "Мешканці гміни Лапи", "Residents of Łapy"};
    service.fee.text = {"Bezpłatnie", "Безкоштовно", "Free of charge"};

    loan.inventoryNumber = "LAP-WI-001";
    loan.typeId = wheelchair.id;
    loan.borrower = {"Jan Kowalski", "600123456", {"ul. Leśna 5", "18-100", "Łapy"}};
    loan.pesel = "44051401359";
    loan.start = {2026, 11, 25};
    loan.due = {2027, 2, 23};
    loan.returnedOn = Date{2027, 2, 20};
    loan.returnCondition = domain::ReturnCondition::NeedsCleaning;
}

SlipContext SampleWorld::context(domain::Language lang) const
{
    return SlipContext{translator, lang, cus, "Kiosk 1", "23.11.2026 10:15"};
}

std::vector<std::pair<std::string, Slip>> SampleWorld::allSlips(domain::Language lang) const
{
    const SlipContext ctx = context(lang);
    return {
        {"reservation", reservationSlip(ctx, reservation, wheelchair)},
        {"counselling", counsellingSlip(ctx, counselling, slot)},
        {"callback", callbackSlip(ctx, callback, false)},
        {"service", serviceInfoSlip(ctx, service)},
        {"agreement", lendingAgreementSlip(ctx, loan, wheelchair, "Maria Wiśniewska")},
        {"return", returnConfirmationSlip(ctx, loan, wheelchair)},
        {"test", printerTestSlip(ctx, "escpos-80")},
    };
}

} // namespace okienko::receipt
