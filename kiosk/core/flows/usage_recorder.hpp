// Anonymous usage counts for the monitoring indicators (product.md §8–9): flow started, finished or
// abandoned at a step, service viewed, search made, ratings and ideas. Each event is a usage_events
// row and its outbox row written in one transaction; nothing personal is recorded except an idea's
// own text, which the outbox erases once the server has it.
#pragma once

#include "kiosk/core/clock.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"
#include "shared/domain/staff.hpp"

#include <optional>
#include <string>

namespace okienko::kiosk
{

class KioskServices;

class UsageRecorder
{
  public:
    UsageRecorder() = default;
    /// Without services (a kiosk without a database) every call records nothing and returns false.
    void connect(KioskServices* services, const Clock* clock)
    {
        m_services = services;
        m_clock = clock;
    }

    /// Stores `event` (its id and time are set here). `durable` commits with Durability::Full: for
    /// what the resident is told was received (a rating, an idea). False when it could not be stored.
    bool record(domain::UsageEvent event, bool durable = false);

    bool flowStarted(const std::string& flow, domain::Language lang);
    bool flowFinished(const std::string& flow, domain::Language lang);
    bool flowAbandoned(const std::string& flow, const std::string& step, domain::Language lang);
    bool serviceViewed(const std::string& serviceId, domain::Language lang);
    /// A search was made; `matchedServiceId` is the service it led to, "" when none (never the text).
    bool searchMade(const std::string& matchedServiceId, domain::Language lang);
    bool rating(const std::string& flow, int rating, domain::Language lang);
    bool idea(std::optional<domain::Area> area, const std::string& text, domain::Language lang);

  private:
    KioskServices* m_services = nullptr;
    const Clock* m_clock = nullptr;
};

/// Unix seconds of `clock`'s wall time (0 without a clock).
std::int64_t unixSeconds(const Clock* clock);

} // namespace okienko::kiosk
