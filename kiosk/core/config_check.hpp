// `okienko-kiosk --check-config`: the configuration file as the kiosk loads it, then the
// installation it names — the data directory must exist and be writable by the user running the
// check, and the assets the kiosk loads at start (fonts, translations, the catalogue) must exist.
// The kiosk itself does not run these checks at start: it falls back to its built-in assets and
// shows an error screen instead, so the technician learns of a broken install only from here.
#pragma once

#include "kiosk/core/config.hpp"

#include <filesystem>

namespace okienko::kiosk
{

/// Every problem of the file and of the installation it describes; empty when all is well.
ConfigErrors checkConfigFile(const std::filesystem::path& path);

/// The installation checks alone, for a configuration that loaded; `source` names the file in
/// the errors (and is re-read for the lines of the [data] keys, when it can be).
ConfigErrors checkInstallation(const KioskConfig& config, const std::filesystem::path& source);

} // namespace okienko::kiosk
