// Tokens and hashes with libsodium.
#include "server/credentials.hpp"

#include <array>
#include <sodium.h>

namespace okienko::server
{

namespace
{
struct SodiumInit
{
    SodiumInit()
    {
        if (sodium_init() < 0)
            std::abort(); // no CSPRNG: nothing secret can be made safely
    }
};
void ensureSodium()
{
    static SodiumInit init;
}
} // namespace

std::string newKioskToken()
{
    ensureSodium();
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    std::array<char, 64> out{};
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw.data(), raw.size());
    return std::string(out.data());
}

std::string sha256Hex(std::string_view data)
{
    ensureSodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

bool constantTimeEquals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string> hashSecret(std::string_view secret, HashCost cost)
{
    ensureSodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), secret.data(), secret.size(), cost.opsLimit, cost.memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    return std::string(out.data());
}

std::optional<std::string> hashPin(std::string_view pin)
{
    return hashSecret(pin, kPinHashCost);
}

bool needsRehash(const std::string& hash, HashCost cost)
{
    ensureSodium();
    // 0: same limits; 1: other limits; -1: not a hash of this algorithm. Both of the latter: replace.
    return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.opsLimit, cost.memLimit) != 0;
}

bool verifySecret(const std::string& hash, std::string_view secret)
{
    ensureSodium();
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

} // namespace okienko::server
