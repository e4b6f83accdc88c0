// "Proszę o telefon" — a resident asks a coordinator to phone back (product.md §6).
#pragma once

#include "shared/domain/counselling.hpp"
#include "shared/domain/language.hpp"

#include <string>

namespace okienko::domain
{

enum class DayPart
{
    Morning,
    Afternoon,
};

enum class CallbackOutcome
{
    NoAnswer,
    WrongNumber,
    Done,
};

struct CallbackRequest
{
    std::string id;
    std::string code;
    std::string phone; ///< normalised 9 digits; one open request per number
    Date day;
    DayPart dayPart = DayPart::Morning;
    std::string topicServiceId;  ///< optional: the service the resident asks about
    std::string equipmentTypeId; ///< set for the equipment waiting list
    std::string firstName;       ///< optional
    RequestStatus status = RequestStatus::Provisional;
    int failedAttempts = 0;
    Language language = Language::Pl;
    std::string kioskId;
    Timestamp createdAt = 0;
};

} // namespace okienko::domain
