// Secrets of okienko-central: kiosk bearer tokens (only their SHA-256 is stored) and staff PINs and
// passwords (argon2id via libsodium's crypto_pwhash_str; the kiosk verifies PINs offline with
// crypto_pwhash_str_verify against the hash it pulled). Each hash string carries its own limits,
// so hashes made by an older release keep verifying after the limits below change.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace okienko::server
{

/// 32 random bytes (kernel CSPRNG) as base64url without padding: 43 characters.
std::string newKioskToken();
/// Lower-case hex SHA-256.
std::string sha256Hex(std::string_view data);
/// Compares two equal-length strings without an early exit (hash comparison for auth).
bool constantTimeEquals(std::string_view a, std::string_view b);
/// What one argon2id hash costs: passes over memory (libsodium's opslimit) and memory in bytes.
struct HashCost
{
    unsigned long long opsLimit = 0;
    std::size_t memLimit = 0;
};

/// Staff PINs, verified offline by kiosks against the hash they hold: one guess must cost ≥ 0.5 s
/// on one core of a lobby PC. libsodium's MODERATE (t=3, 256 MiB) measured 0.48 s at best on the
/// reference core, so one pass more: t=4, 256 MiB, 0.63 s at best (bench/pin_hash_bench). The
/// kiosk verifies one PIN at a time on its fast-path worker, so 256 MiB is its peak;
/// docs/operations.md "Staff PINs on a kiosk's disk" has the figures.
inline constexpr HashCost kPinHashCost{4, std::size_t{256} << 20};
/// Panel passwords, verified only by the server: the memory of libsodium's interactive limits
/// (64 MiB, what the server's cap on concurrent verifications is sized by), twice its passes.
inline constexpr HashCost kPasswordHashCost{4, std::size_t{64} << 20};

/// argon2id at `cost`; nullopt when memory for it could not be had.
std::optional<std::string> hashSecret(std::string_view secret, HashCost cost = kPasswordHashCost);
/// A staff PIN's hash (kPinHashCost).
std::optional<std::string> hashPin(std::string_view pin);
/// True when `hash` was made with other limits than `cost` (an older release's) or is not an
/// argon2id string at all: it still verifies, but the secret should be replaced.
bool needsRehash(const std::string& hash, HashCost cost);
bool verifySecret(const std::string& hash, std::string_view secret);

} // namespace okienko::server
