// Offline PIN verification: a staff PIN against the argon2id hashes the server sent. Slow on
// purpose (about 0.65 s per hash on a lobby PC with the server's limits, so a stolen disk's hashes
// are slow to guess too), so the app calls it on its fast-path worker, never on the UI thread.
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
