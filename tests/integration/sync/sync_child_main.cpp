// okienko-sync-child: a kiosk-side process for crash tests. It opens the kiosk database given on the
// command line and sends the outbox once, exactly as the worker does. With
// OKIENKO_SYNC_TEST_PAUSE_AFTER_POST=<file> set, it stops right after the server has answered the
// first batch and before the answer is stored: it creates <file> and waits to be killed, so a test
// can SIGKILL it at exactly that moment.
// Usage: okienko-sync-child <kiosk.db> <https://host:port> <ca.pem> <token>
#include "kiosk/store/kiosk_schema.hpp"
#include "kiosk/sync/https_client.hpp"
#include "kiosk/sync/sync_session.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

int main(int argc, char** argv)
{
    using namespace okienko;
    if (argc != 5)
    {
        std::fprintf(stderr, "usage: %s <kiosk.db> <url> <ca.pem> <token>\n", argv[0]);
        return 2;
    }
    auto db = kiosk::openKioskDatabase(argv[1]);
    if (!db)
    {
        std::fprintf(stderr, "open: %s\n", db.error().describe().c_str());
        return 2;
    }
    sync::HttpsConfig https;
    https.baseUrl = argv[2];
    https.caFile = argv[3];
    https.bearerToken = argv[4];
    sync::HttpsClient client(https);

    sync::SessionOptions options;
    if (const char* marker = std::getenv("OKIENKO_SYNC_TEST_PAUSE_AFTER_POST"); marker != nullptr && *marker != '\0')
    {
        const std::string path = marker;
        options.afterEventsPosted = [path]
        {
            std::ofstream(path) << "posted\n";
            for (;;)
                std::this_thread::sleep_for(std::chrono::seconds(1));
        };
    }
    sync::SyncSession session(*db, client, sync::SyncClock::system(), options);
    const auto result = session.pushOutbox();
    std::printf("sent=%d rejected=%d error=%s\n", result.eventsSent, result.eventsRejected, result.error.c_str());
    return result.ok ? 0 : 1;
}
