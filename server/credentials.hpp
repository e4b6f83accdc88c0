// Secrets of okienko-central: kiosk bearer tokens (only their SHA-256 is stored) and staff PINs and
// passwords (argon2id via libsodium's crypto_pwhash_str; the kiosk verifies PINs offline with
// crypto_pwhash_str_verify against the hash it pulled).
#pragma once

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
/// argon2id with libsodium's interactive limits; nullopt when memory for it could not be had.
std::optional<std::string> hashSecret(std::string_view secret);
bool verifySecret(const std::string& hash, std::string_view secret);

} // namespace okienko::server
