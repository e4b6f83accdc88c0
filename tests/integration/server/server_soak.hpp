// The server soak: a fleet of simulated kiosks — each its own kiosk database, outbox, HTTPS client
// and SyncSession, the real sync protocol — against a real okienko-central on 127.0.0.1 with a test
// CA. Every simulated hour each kiosk queues residents' callback requests and usage events (one
// synchronous transaction each, as the kiosk's flows write them), asks to hold the equipment every
// kiosk wants that week, sends its outbox and pulls its changes. For some hours every kiosk is cut
// off (its session talks to a port nobody listens on) and keeps queueing; then all of them send
// their backlog at once. After each hour the server's memory, open files, threads and database size
// are sampled; at the end the server's database is compared with what the kiosks queued. The
// short run is a test (server_soak_test, label soak), the long one a benchmark (bench/server_soak_bench).
#pragma once

#include "tests/integration/server/process_probe.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace okienko::test
{

struct SoakOptions
{
    int kiosks = 64;
    int hours = 8;       ///< simulated hours
    int outageFrom = 3;  ///< first hour every kiosk is offline
    int outageHours = 2; ///< hours offline; the hour after it carries everyone's backlog
    int callbacksPerHour = 2;
    int usagePerHour = 6;
    int units = 3; ///< units of the equipment type every kiosk tries to hold
    /// Printed after each hour when set (the benchmark's table rows).
    bool printHours = false;
};

struct SoakHour
{
    int hour = 0;
    bool outage = false;
    double seconds = 0; ///< wall time of the hour's work, every kiosk
    int eventsAcknowledged = 0;
    ProcessSample server;
    std::int64_t dbBytes = 0;  ///< central.db
    std::int64_t walBytes = 0; ///< central.db-wal
};

struct SoakReport
{
    std::string error; ///< set when the run could not be set up or the server failed
    std::vector<SoakHour> hours;
    int serverThreads = 0; ///< the server's worker threads (central.toml's threads)
    std::int64_t eventsQueued = 0;
    std::int64_t eventsAcknowledged = 0; ///< by the kiosks' sessions (applied or duplicate)
    std::int64_t kioskPending = 0;       ///< still in an outbox at the end
    std::int64_t kioskDeadLetters = 0;
    std::int64_t serverEvents = 0;    ///< rows of the server's events table
    std::int64_t missingOnServer = 0; ///< queued by a kiosk, no event row on the server
    std::int64_t unknownOnServer = 0; ///< an event row no kiosk queued
    std::int64_t callbacksQueued = 0, serverCallbacks = 0;
    std::int64_t usageQueued = 0, serverUsage = 0;
    int syncFailures = 0; ///< sessions that failed while online (outage hours excluded)
    int holdRequests = 0, holdErrors = 0;
    std::map<std::string, int> holdsGranted;     ///< pick-up date → 201 answers
    std::map<std::string, int> serverHeldPerDay; ///< pick-up date → reservations held on the server
    double backlogSeconds = 0;                   ///< the hour after the outage
    std::int64_t backlogEvents = 0;
};

SoakReport runServerSoak(const SoakOptions& options);

} // namespace okienko::test
