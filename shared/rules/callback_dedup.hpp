// One open callback request per phone number (product.md §6: "a second request updates the first and
// says so"). The kiosk applies this to its own store before acknowledging, and the server applies it
// again to what arrives from every kiosk.
#pragma once

#include "shared/domain/callback.hpp"

#include <span>
#include <string>
#include <vector>

namespace okienko::rules
{

/// Open = still waiting for a call: not Done, Closed or Cancelled.
bool isOpenCallback(const domain::CallbackRequest& request);

/// The comparison key of a phone number: its digits, without a leading Polish country code (48,
/// 0048 or +48 before nine digits). Stored numbers are already normalised to nine digits; this also
/// matches a number that reached the server in another form. Empty when there are no digits.
std::string callbackPhoneKey(const std::string& phone);

enum class CallbackMergeOutcome
{
    Created, ///< no open request for the number: store the incoming one as it is
    Updated, ///< an open request existed: it was updated; tell the resident so
};

struct CallbackMergeResult
{
    CallbackMergeOutcome outcome = CallbackMergeOutcome::Created;
    /// What to store: the incoming request (Created), or the existing one with its id, code, creation
    /// time, status, attempts and kiosk kept and the resident's new wishes applied (Updated).
    domain::CallbackRequest request;
    /// With Updated: false when the incoming request asked for exactly what was already stored.
    bool changed = false;
    /// Other open requests with the same number (made before this rule, or by two kiosks offline at
    /// once); the kept one is the oldest, these are for a coordinator to close.
    std::vector<std::string> otherOpenIds;
};

/// Applies the rule. With an open request for the same number (the oldest by createdAt, then id,
/// when there are several) the update is:
/// - the window (day, dayPart) and the language always become the new ones: the resident's latest
///   wish, and the language the coordinator should speak;
/// - the topic (topicServiceId, equipmentTypeId) and the first name become the new ones when the
///   new request gives them, and stay otherwise: asking again without naming the topic must not
///   drop the topic or a waiting-list place given before;
/// - createdAt is kept, so within the new window the resident keeps the place in the queue earned
///   by the first request; failed attempts, status and kiosk stay as the coordinator left them.
CallbackMergeResult mergeCallbackRequest(std::span<const domain::CallbackRequest> existing,
                                         const domain::CallbackRequest& incoming);

} // namespace okienko::rules
