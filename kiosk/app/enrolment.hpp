// `okienko-kiosk --enrol FILE [--config kiosk.toml]`: the new kiosk's one step. It reads the
// enrolment file okienko-central enrol-kiosk wrote (shared/protocol/enrolment_file), writes the
// CA (kiosk-ca.crt, 0644) and the token (kiosk.token, 0600, owned by the kiosk's service user when
// run as root) beside kiosk.toml, sets [kiosk] id and name and [server] url, ca_file and token_file
// in kiosk.toml in place (config_editor), then runs the --check-config checks and one authenticated
// request to the server, and says OK or exactly what failed. Every file is replaced atomically
// (temporary file, fsync, rename), keeping kiosk.toml's mode and owner.
#pragma once

#include <filesystem>
#include <ostream>

namespace okienko::kiosk
{

/// Runs the enrolment; returns the process exit code (0 = enrolled and the server accepted the
/// token, 1 = anything else, with the reason on `out`).
int runEnrolment(const std::filesystem::path& enrolmentFile, const std::filesystem::path& configPath,
                 std::ostream& out);

} // namespace okienko::kiosk
