// Staff secrets' hashing limits and the upgrade from release 0.1.0: new PIN and password hashes
// carry the chosen argon2id limits in their strings (the cost is measured in bench/, not here: a
// timing assertion would fail on a busy CI machine), and the 4-digit PINs an 0.1.0 server hashed
// still verify on the server but are flagged for rotation.
#include "server/credentials.hpp"
#include "server/lifecycle_store.hpp"
#include "server/server_store.hpp"
#include "tests/support/db_fixture.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace okienko;
using namespace okienko::server;
using okienko::test::TempDir;

namespace
{

db::Database openThroughStore(const std::string& path)
{
    if (auto store = ServerStore::open(path, StoreOptions{}); !store)
        return test::openedOrAbort(makeErr(store.error()));
    return test::openedOrAbort(db::Database::open(path));
}

} // namespace

TEST(StaffCredentials, APinHashNamesThePinLimits)
{
    const auto hash = hashPin("482193");
    ASSERT_TRUE(hash);
    EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=262144,t=4,p=1$")) << *hash;
    EXPECT_TRUE(verifySecret(*hash, "482193"));
    EXPECT_FALSE(verifySecret(*hash, "482194"));
    EXPECT_FALSE(needsRehash(*hash, kPinHashCost));
}

TEST(StaffCredentials, APasswordHashNamesThePasswordLimits)
{
    const auto hash = hashSecret("haslo-testowe-1");
    ASSERT_TRUE(hash);
    EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=4,p=1$")) << *hash;
    EXPECT_TRUE(verifySecret(*hash, "haslo-testowe-1"));
    EXPECT_FALSE(needsRehash(*hash, kPasswordHashCost));
    EXPECT_TRUE(needsRehash(*hash, kPinHashCost));
    EXPECT_TRUE(needsRehash("not a hash", kPinHashCost));
}

// tests/fixtures/db/server-0.1.0.dump: staff added by release 0.1.0's add-staff with the PINs 4821
// and 7350 (tests/fixtures/db/make-0.1.0/make.sh), hashed with libsodium's interactive limits.
TEST(StaffCredentials, PinsFromRelease010KeepVerifyingUntilRotatedAndAreFlagged)
{
    TempDir dir{"central-0.1.0-pins"};
    {
        // Loaded, migrated and checked; its connection closes before the store opens the file.
        db::Database checked = test::expectDumpMigrates("server-0.1.0.dump", 4, dir.path(), openThroughStore);
    }
    auto store = ServerStore::open(dir.path() + "/migrated.db", StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.error().message;
    LifecycleStore lifecycle(**store);
    auto staff = lifecycle.listStaff();
    ASSERT_TRUE(staff.ok());
    ASSERT_EQ(staff->size(), 2u);
    std::string tester;
    for (const StaffListing& s : *staff)
    {
        EXPECT_TRUE(s.pinHash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << s.pinHash;
        EXPECT_TRUE(needsRehash(s.pinHash, kPinHashCost)) << s.name; // list-staff: PIN ROTATE
        if (s.name == "Tester Sprzętu")
        {
            tester = s.id;
            // The hash itself still verifies (it names its own limits); the kiosk's keypad is what
            // refuses the 4 digits, so nobody logs in with it until reset-pin.
            EXPECT_TRUE(verifySecret(s.pinHash, "4821"));
        }
    }
    ASSERT_FALSE(tester.empty());

    ASSERT_TRUE(lifecycle.resetPin(tester, *hashPin("482193"), Now{1900000000, Date{2030, 3, 4}}).ok());
    auto after = lifecycle.listStaff();
    ASSERT_TRUE(after.ok());
    for (const StaffListing& s : after.value())
        EXPECT_EQ(needsRehash(s.pinHash, kPinHashCost), s.id != tester) << s.name;
}
