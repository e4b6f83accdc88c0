// A KioskServices for flow tests: the real kiosk database on a temporary file (so the flow's
// transactions and the real sync::Outbox run), slips recorded as values instead of printed, and
// holds answered by the test. Header-only so that test support needs no kiosk libraries.
#pragma once

#include "kiosk/core/kiosk_services.hpp"
#include "kiosk/core/staff/pin_check.hpp"
#include "kiosk/store/kiosk_schema.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace okienko::testing
{

class RecordingKioskServices final : public kiosk::KioskServices
{
  public:
    explicit RecordingKioskServices(const std::string& dbPath)
    {
        auto db = kiosk::openKioskDatabase(dbPath);
        if (!db.ok())
            throw std::runtime_error("cannot open the test kiosk database: " + db.error().message);
        m_db = std::move(db.value());
    }

    db::Database& database() override { return m_db; }
    const std::string& kioskId() const override { return m_kioskId; }
    void outboxChanged() override { ++outboxSignals; }
    bool canPrint() const override { return printerConfigured; }
    std::optional<std::uint64_t> print(receipt::Slip slip) override
    {
        if (!printerConfigured)
            return std::nullopt;
        slips.push_back(std::move(slip));
        return ++m_ticket;
    }
    bool online() const override { return serverConfigured; }
    void requestHold(protocol::HoldRequest request) override { holds.push_back(std::move(request)); }
    void requestBooking(protocol::CounsellingBookRequest request) override { bookings.push_back(std::move(request)); }
    /// Answers at once (as the next takeCompletions()) with the real argon2id check.
    std::uint64_t verifyPin(std::vector<kiosk::PinCandidate> candidates, std::string pin) override
    {
        const std::uint64_t ticket = ++pinChecks;
        completions.push_back(kiosk::PinCompletion{ticket, kiosk::findStaffByPin(candidates, pin)});
        return ticket;
    }
    void checkPrinter() override { completions.push_back(kiosk::PrinterCompletion{printerCondition}); }
    std::optional<std::uint64_t> reprintLast() override
    {
        if (!printerConfigured || slips.empty())
            return std::nullopt;
        return print(slips.back());
    }
    void forgetPrinted() override { ++forgetCalls; }
    std::vector<kiosk::Completion> takeCompletions() override { return std::exchange(completions, {}); }

    /// Rows of a table (the test's view of what the flow stored).
    std::int64_t count(const std::string& table)
    {
        auto st = m_db.prepare("SELECT COUNT(*) FROM " + table);
        if (!st.ok() || !st.value().step().ok())
            return -1;
        auto n = st.value().columnInt64(0);
        return n.ok() ? n.value() : -1;
    }

    bool printerConfigured = true;
    bool serverConfigured = false;
    int outboxSignals = 0;
    std::vector<receipt::Slip> slips;
    std::vector<protocol::HoldRequest> holds;
    std::vector<protocol::CounsellingBookRequest> bookings;
    std::vector<kiosk::Completion> completions;
    std::uint64_t pinChecks = 0;
    int forgetCalls = 0;
    receipt::PrinterCondition printerCondition = receipt::PrinterCondition::Ready;

  private:
    db::Database m_db;
    std::string m_kioskId = "test-kiosk";
    std::uint64_t m_ticket = 0;
};

} // namespace okienko::testing
