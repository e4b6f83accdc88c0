// okienko-test-seed: puts staff members (with real argon2id PIN hashes, as the server makes them)
// into a kiosk database before a UI test starts the kiosk on it. The kiosk imports its seed
// catalogue itself at start, so this tool only opens (creating and migrating) the database and
// upserts staff rows, and optionally outbox rows the server refused (dead letters, with no payload,
// as a refusal leaves them) for the staff status screen, and rows of the server's staff feed
// (today's pick-ups, open loans) for the check-out and loan-desk screens. Test tooling only: PINs
// are given on the command line.
//
//   okienko-test-seed --db PATH --staff ID NAME ROLE PIN [--staff ID NAME ROLE PIN ...]
//                     [--dead-letter ID TYPE REFERENCE REASON ...]
//                     [--pickup ID CODE TYPE_ID YYYY-MM-DD NAME PHONE ...]
//                     [--loan ID INVENTORY_NUMBER TYPE_ID START DUE NAME PHONE ...]
//                     [--activity ID KIND YYYY-MM-DD HH:MM HH:MM UNTIL|- CANCELLED PLACE TITLE_PL TITLE_UK TITLE_EN
//                                 CAPACITY|- SIGN_UP_PL|- ...]
// An --activity is a row of the schedule as the server's change feed would leave it (weekly until
// UNTIL, or once with "-"; CANCELLED 0 or 1), checked by the same rules the panel applies.
#include "kiosk/store/kiosk_schema.hpp"
#include "shared/catalog/activity_rows.hpp"
#include "shared/db/query.hpp"
#include "shared/db/transaction.hpp"
#include "shared/domain/codes.hpp"
#include "shared/domain/staff.hpp"
#include "shared/rules/activity_rules.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sodium.h>
#include <string>
#include <string_view>
#include <vector>

namespace
{

using namespace okienko;

struct SeedStaff
{
    std::string id;
    std::string name;
    std::string role;
    std::string pin;
};

/// An outbox row in the state a server refusal leaves it: no payload, the server's reason kept.
struct SeedDeadLetter
{
    std::string id;
    std::string type;
    std::string reference;
    std::string reason;
};

/// A confirmed reservation the server sent for pick-up here (staff_pickups), loan of 30 days.
struct SeedPickup
{
    std::string id;
    std::string code;
    std::string typeId;
    std::string date;
    std::string name;
    std::string phone;
};

/// An open loan the server sent (staff_loans).
struct SeedLoan
{
    std::string id;
    std::string inventoryNumber;
    std::string typeId;
    std::string start;
    std::string due;
    std::string name;
    std::string phone;
};

/// "17:30" → 1050; -1 when it is not HH:MM.
int minuteOf(std::string_view t)
{
    if (t.size() != 5 || t[2] != ':')
        return -1;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (t[i] < '0' || t[i] > '9')
            return -1;
    return ((t[0] - '0') * 10 + (t[1] - '0')) * 60 + (t[3] - '0') * 10 + (t[4] - '0');
}

/// The 13 values after --activity as an activity; an empty id when they do not make one.
domain::Activity activityOf(char** v)
{
    domain::Activity a;
    const auto kind = domain::parseActivityKind(v[1]);
    const auto date = parseIsoDate(v[2]);
    const std::string until = v[5];
    if (!kind || !date)
        return a;
    a.kind = *kind;
    a.date = *date;
    a.startMinute = minuteOf(v[3]);
    a.endMinute = minuteOf(v[4]);
    if (until != "-")
    {
        a.weekly = true;
        a.until = parseIsoDate(until);
    }
    a.cancelled = std::string_view(v[6]) == "1";
    a.place = v[7];
    a.title = {v[8], v[9], v[10]};
    if (std::string_view(v[11]) != "-")
        a.capacity = std::atoi(v[11]);
    if (std::string_view(v[12]) != "-")
        a.signUp.pl = v[12];
    if (rules::checkActivity(a).empty())
        a.id = v[0];
    return a;
}

struct Args
{
    std::string db;
    std::vector<SeedStaff> staff;
    std::vector<SeedDeadLetter> deadLetters;
    std::vector<SeedPickup> pickups;
    std::vector<SeedLoan> loans;
    std::vector<domain::Activity> activities;
};

int usage()
{
    std::fprintf(stderr, "usage: okienko-test-seed --db PATH --staff ID NAME ROLE PIN [--staff ID NAME ROLE PIN ...]\n"
                         "                         [--dead-letter ID TYPE REFERENCE REASON ...]\n"
                         "                         [--pickup ID CODE TYPE_ID YYYY-MM-DD NAME PHONE ...]\n"
                         "                         [--loan ID INVENTORY_NUMBER TYPE_ID START DUE NAME PHONE ...]\n"
                         "                         [--activity ID KIND DATE HH:MM HH:MM UNTIL|- CANCELLED PLACE "
                         "TITLE_PL TITLE_UK TITLE_EN CAPACITY|- SIGN_UP_PL|- ...]\n"
                         "  ROLE: equipment, coordinator or admin; PIN: 6 to 8 digits\n");
    return 2;
}

bool validPin(std::string_view pin)
{
    if (pin.size() < 6 || pin.size() > 8)
        return false;
    for (const char c : pin)
        if (c < '0' || c > '9')
            return false;
    return true;
}

/// False (with a reason on stderr) when the arguments are not the documented ones.
bool parse(int argc, char** argv, Args& out)
{
    for (int i = 1; i < argc; ++i)
    {
        const std::string_view a = argv[i];
        if (a == "--db" && i + 1 < argc && out.db.empty())
        {
            out.db = argv[++i];
        }
        else if (a == "--staff" && i + 4 < argc)
        {
            SeedStaff s{argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4]};
            i += 4;
            if (s.id.empty() || s.name.empty())
            {
                std::fprintf(stderr, "okienko-test-seed: empty staff id or name\n");
                return false;
            }
            if (!domain::fromCode<domain::StaffRole>(s.role))
            {
                std::fprintf(stderr, "okienko-test-seed: unknown role \"%s\"\n", s.role.c_str());
                return false;
            }
            if (!validPin(s.pin))
            {
                std::fprintf(stderr, "okienko-test-seed: staff %s: the PIN must have 6 to 8 digits\n", s.id.c_str());
                return false;
            }
            out.staff.push_back(std::move(s));
        }
        else if (a == "--dead-letter" && i + 4 < argc)
        {
            out.deadLetters.push_back({argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4]});
            i += 4;
        }
        else if (a == "--pickup" && i + 6 < argc)
        {
            out.pickups.push_back({argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4], argv[i + 5], argv[i + 6]});
            i += 6;
        }
        else if (a == "--loan" && i + 7 < argc)
        {
            out.loans.push_back(
                {argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4], argv[i + 5], argv[i + 6], argv[i + 7]});
            i += 7;
        }
        else if (a == "--activity" && i + 13 < argc)
        {
            domain::Activity activity = activityOf(argv + i + 1);
            if (activity.id.empty())
            {
                std::fprintf(stderr, "okienko-test-seed: activity %s does not pass the schedule's checks\n",
                             argv[i + 1]);
                return false;
            }
            out.activities.push_back(std::move(activity));
            i += 13;
        }
        else
        {
            std::fprintf(stderr, "okienko-test-seed: unexpected argument \"%s\"\n", argv[i]);
            return false;
        }
    }
    if (out.db.empty() || (out.staff.empty() && out.activities.empty()))
    {
        std::fprintf(stderr, "okienko-test-seed: --db and at least one --staff or --activity are required\n");
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    Args args;
    if (!parse(argc, argv, args))
        return usage();
    if (sodium_init() < 0)
    {
        std::fprintf(stderr, "okienko-test-seed: libsodium cannot start\n");
        return 1;
    }
    const std::filesystem::path dbPath(args.db);
    std::error_code ec;
    if (dbPath.has_parent_path())
        std::filesystem::create_directories(dbPath.parent_path(), ec);
    if (ec)
    {
        std::fprintf(stderr, "okienko-test-seed: cannot create %s: %s\n", dbPath.parent_path().c_str(),
                     ec.message().c_str());
        return 1;
    }
    auto db = kiosk::openKioskDatabase(args.db);
    if (!db.ok())
    {
        std::fprintf(stderr, "okienko-test-seed: %s: %s\n", args.db.c_str(), db.error().message.c_str());
        return 1;
    }
    auto tx = db::Transaction::begin(db.value(), db::TransactionMode::Immediate, db::Durability::Full);
    if (!tx.ok())
    {
        std::fprintf(stderr, "okienko-test-seed: %s\n", tx.error().message.c_str());
        return 1;
    }
    for (const SeedStaff& s : args.staff)
    {
        // libsodium's interactive limits (a release-0.1 server's): UI scripts try many PINs, so each check
        // stays near 0.2 s. The server now hashes PINs harder (kPinHashCost, server/credentials.hpp); the
        // kiosk verifies whatever limits a hash names, and bench/pin_hash_bench measures the real cost.
        std::array<char, crypto_pwhash_STRBYTES> hash{};
        if (crypto_pwhash_str(hash.data(), s.pin.data(), s.pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        {
            std::fprintf(stderr, "okienko-test-seed: out of memory hashing a PIN\n");
            return 1;
        }
        auto st = db.value().prepare(
            "INSERT INTO staff(id, name, role, pin_hash, active) VALUES (?1, ?2, ?3, ?4, 1) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash, "
            "active = 1");
        if (!st.ok() || !st.value().bind(1, s.id).ok() || !st.value().bind(2, s.name).ok() ||
            !st.value().bind(3, s.role).ok() || !st.value().bind(4, std::string(hash.data())).ok())
        {
            std::fprintf(stderr, "okienko-test-seed: cannot prepare the staff row\n");
            return 1;
        }
        if (auto run = st.value().run(); !run.ok())
        {
            std::fprintf(stderr, "okienko-test-seed: staff %s: %s\n", s.id.c_str(), run.error().message.c_str());
            return 1;
        }
    }
    for (const SeedDeadLetter& d : args.deadLetters)
    {
        auto added = db::exec(db.value(),
                              "INSERT INTO outbox(id, type, created_at, payload, seq, state, result, reject_code, "
                              "reference, acked_at) VALUES (?1, ?2, 1, NULL, "
                              "(SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), 'dead', 'rejected', ?4, ?3, 2)",
                              d.id, d.type, d.reference, d.reason);
        if (!added.ok())
        {
            std::fprintf(stderr, "okienko-test-seed: dead letter %s: %s\n", d.id.c_str(),
                         added.error().message.c_str());
            return 1;
        }
    }
    // received_at is now: the feed's expiry (kiosk/sync/staff_feed_expiry) keeps the rows.
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    for (const SeedPickup& p : args.pickups)
    {
        auto added =
            db::exec(db.value(),
                     "INSERT INTO staff_pickups(reservation_id, code, type_id, pick_up_date, loan_days, status, "
                     "person_name, person_phone, received_at) VALUES (?1, ?2, ?3, ?4, 30, 'confirmed', ?5, ?6, ?7)",
                     p.id, p.code, p.typeId, p.date, p.name, p.phone, now);
        if (!added.ok())
        {
            std::fprintf(stderr, "okienko-test-seed: pick-up %s: %s\n", p.id.c_str(), added.error().message.c_str());
            return 1;
        }
    }
    for (const SeedLoan& l : args.loans)
    {
        auto added = db::exec(db.value(),
                              "INSERT INTO staff_loans(loan_id, inventory_number, type_id, start_date, due_date, "
                              "borrower_name, borrower_phone, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              l.id, l.inventoryNumber, l.typeId, l.start, l.due, l.name, l.phone, now);
        if (!added.ok())
        {
            std::fprintf(stderr, "okienko-test-seed: loan %s: %s\n", l.id.c_str(), added.error().message.c_str());
            return 1;
        }
    }
    for (const domain::Activity& a : args.activities)
    {
        if (auto added = catalog::upsertActivity(db.value(), a); !added.ok())
        {
            std::fprintf(stderr, "okienko-test-seed: activity %s: %s\n", a.id.c_str(), added.error().message.c_str());
            return 1;
        }
    }
    if (auto committed = tx.value().commit(); !committed.ok())
    {
        std::fprintf(stderr, "okienko-test-seed: %s\n", committed.error().message.c_str());
        return 1;
    }
    std::fprintf(stderr, "okienko-test-seed: %zu staff member(s) in %s\n", args.staff.size(), args.db.c_str());
    return 0;
}
