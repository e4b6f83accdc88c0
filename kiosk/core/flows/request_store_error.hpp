// Why a flow could not store a request. The screen says so in plain words and never shows a code
// it could not store (product.md §10: a request acknowledged is never lost).
#pragma once

namespace okienko::kiosk
{

enum class StoreError
{
    NoDatabase,      ///< the kiosk database is not open
    Storage,         ///< SQLite failed (disk full, I/O error …); nothing was stored
    CodeUnavailable, ///< no reference code could be made (no randomness)
};

} // namespace okienko::kiosk
