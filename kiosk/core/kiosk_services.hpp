// What the controller may ask of the world outside the UI thread's state: the kiosk's own
// database (short local commits only), the outbox relay, the print worker, and the sync worker's
// online fast paths. The app (kiosk/app) composes the real implementations; tests compose the
// same real parts on temporary files. Every call returns at once: blocking work (HTTPS, CUPS)
// runs on workers, and its results come back as Completions that the app drains on the UI thread
// and hands to the controller.
#pragma once

#include "kiosk/model/printer_status.hpp"
#include "kiosk/model/slip.hpp"
#include "kiosk/model/sync_status.hpp"
#include "shared/db/database.hpp"
#include "shared/protocol/fast_paths.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace okienko::kiosk
{

/// The print worker finished a slip (printed, failed with a reason, or timed out).
struct PrintCompletion
{
    std::uint64_t ticket = 0;
    receipt::PrintResult result;
};

/// The server answered (or did not answer in time) an online hold.
struct HoldCompletion
{
    std::string reservationId;
    sync::HoldOutcome outcome;
};

/// The server answered (or did not answer in time) a counselling slot booking.
struct BookCompletion
{
    std::string requestId;
    sync::BookOutcome outcome;
};

/// The sync worker's view changed: online/offline, last sync, outbox depth.
struct SyncCompletion
{
    sync::SyncStatus status;
    bool catalogueChanged = false; ///< pulled changes touched the catalogue: reload it
};

/// A staff PIN checked on a worker against the PIN hashes of the candidates (argon2id is slow on
/// purpose, so it never runs on the UI thread).
struct PinCompletion
{
    std::uint64_t ticket = 0;
    std::optional<std::string> staffId; ///< the candidate whose hash the PIN matched; none: wrong PIN
};

/// The printer's condition, read on a worker (CUPS may take up to 2 s to answer).
struct PrinterCompletion
{
    receipt::PrinterCondition condition = receipt::PrinterCondition::Unknown;
};

using Completion =
    std::variant<PrintCompletion, HoldCompletion, BookCompletion, SyncCompletion, PinCompletion, PrinterCompletion>;

/// A staff member who may log in with a PIN, as the kiosk database has them from the server.
struct PinCandidate
{
    std::string staffId;
    std::string pinHash; ///< argon2id string (libsodium crypto_pwhash_str format)
};

class KioskServices
{
  public:
    virtual ~KioskServices() = default;

    /// The UI thread's own connection to the kiosk database. A flow writes its request and the
    /// outbox row (sync::Outbox::enqueue) in one db::Transaction with Durability::Full, and only
    /// then shows or prints the acknowledgement.
    virtual db::Database& database() = 0;
    /// The kiosk's id (kiosk.toml [kiosk] id): part of reference codes and outbox rows.
    virtual const std::string& kioskId() const = 0;
    /// Tells the sync worker that the outbox has something new (no-op when standalone).
    virtual void outboxChanged() = 0;

    /// True when a printer is configured ([printer] queue).
    virtual bool canPrint() const = 0;
    /// Queues a slip on the print worker; nullopt when no printer is configured.
    virtual std::optional<std::uint64_t> print(receipt::Slip slip) = 0;

    /// True when a server is configured ([server] url); otherwise every request is provisional.
    virtual bool online() const = 0;
    /// Asks for an online hold on a worker thread; a HoldCompletion follows (Offline on timeout).
    virtual void requestHold(protocol::HoldRequest request) = 0;
    /// Asks for a counselling slot on a worker thread; a BookCompletion follows.
    virtual void requestBooking(protocol::CounsellingBookRequest request) = 0;

    /// Checks `pin` against every candidate's hash on a worker thread; a PinCompletion with the
    /// returned ticket follows. Returns at once.
    virtual std::uint64_t verifyPin(std::vector<PinCandidate> candidates, std::string pin) = 0;
    /// Reads the printer's condition on a worker; a PrinterCompletion follows (Unknown without a
    /// printer).
    virtual void checkPrinter() = 0;
    /// Queues the most recent slip again (staff mode's "reprint"); nullopt when there is none or
    /// no printer is configured. A PrintCompletion with the ticket follows.
    virtual std::optional<std::uint64_t> reprintLast() = 0;
    /// Forgets the slips kept for reprint (they can hold a borrower's name): at staff logout.
    virtual void forgetPrinted() = 0;

    /// Completions that arrived since the last call, oldest first.
    virtual std::vector<Completion> takeCompletions() = 0;
};

} // namespace okienko::kiosk
