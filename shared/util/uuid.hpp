// Random UUIDs (version 4). An outbox event's id is its idempotency key, made once on the kiosk
// and reused on every retry, so ids from different kiosks must never collide without coordination.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace okienko
{

/// Fills the buffer from the kernel's CSPRNG (getrandom); never returns predictable bytes.
void secureRandomBytes(void* out, std::size_t size);

/// A new random UUID in canonical lower-case form, e.g. "3f2b…-…".
std::string newUuid();

/// True for a canonical 36-character UUID string.
bool isUuid(const std::string& text);

} // namespace okienko
