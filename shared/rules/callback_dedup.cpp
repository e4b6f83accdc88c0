// Callback de-duplication: one open request per phone number.
#include "shared/rules/callback_dedup.hpp"

#include <tuple>

namespace okienko::rules
{

bool isOpenCallback(const domain::CallbackRequest& request)
{
    switch (request.status)
    {
    case domain::RequestStatus::Done:
    case domain::RequestStatus::Closed:
    case domain::RequestStatus::Cancelled:
        return false;
    case domain::RequestStatus::Provisional:
    case domain::RequestStatus::Received:
    case domain::RequestStatus::Confirmed:
    case domain::RequestStatus::Moved:
        return true;
    }
    return true;
}

std::string callbackPhoneKey(const std::string& phone)
{
    std::string digits;
    for (char c : phone)
        if (c >= '0' && c <= '9')
            digits += c;
    if (digits.size() == 13 && digits.starts_with("0048"))
        return digits.substr(4);
    if (digits.size() == 11 && digits.starts_with("48"))
        return digits.substr(2);
    return digits;
}

CallbackMergeResult mergeCallbackRequest(std::span<const domain::CallbackRequest> existing,
                                         const domain::CallbackRequest& incoming)
{
    CallbackMergeResult result;
    const std::string key = callbackPhoneKey(incoming.phone);

    const domain::CallbackRequest* kept = nullptr;
    std::vector<const domain::CallbackRequest*> matches;
    if (!key.empty())
    {
        for (const auto& request : existing)
        {
            if (!isOpenCallback(request) || request.id == incoming.id || callbackPhoneKey(request.phone) != key)
                continue;
            matches.push_back(&request);
            if (!kept || std::tie(request.createdAt, request.id) < std::tie(kept->createdAt, kept->id))
                kept = &request;
        }
    }
    if (!kept)
    {
        result.outcome = CallbackMergeOutcome::Created;
        result.request = incoming;
        return result;
    }

    for (const auto* match : matches)
        if (match != kept)
            result.otherOpenIds.push_back(match->id);

    domain::CallbackRequest updated = *kept;
    updated.day = incoming.day;
    updated.dayPart = incoming.dayPart;
    updated.language = incoming.language;
    if (!incoming.topicServiceId.empty())
        updated.topicServiceId = incoming.topicServiceId;
    if (!incoming.equipmentTypeId.empty())
        updated.equipmentTypeId = incoming.equipmentTypeId;
    if (!incoming.firstName.empty())
        updated.firstName = incoming.firstName;

    result.changed = updated.day != kept->day || updated.dayPart != kept->dayPart ||
                     updated.language != kept->language || updated.topicServiceId != kept->topicServiceId ||
                     updated.equipmentTypeId != kept->equipmentTypeId || updated.firstName != kept->firstName;
    result.outcome = CallbackMergeOutcome::Updated;
    result.request = std::move(updated);
    return result;
}

} // namespace okienko::rules
