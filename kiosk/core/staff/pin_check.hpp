// Offline PIN verification: a staff PIN against the argon2id hashes the server sent. Slow on
// purpose (tens of milliseconds per hash), so the app calls it on a worker thread.
#pragma once

#include "kiosk/core/kiosk_services.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

/// The id of the first candidate whose hash `pin` matches; nullopt when none does. Every
/// candidate is tried even after a match, so the time taken does not tell which one matched.
std::optional<std::string> findStaffByPin(const std::vector<PinCandidate>& candidates, std::string_view pin);

} // namespace okienko::kiosk
