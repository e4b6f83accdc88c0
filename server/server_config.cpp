// Parsing central.toml with toml++: a table of known keys, each with its type and range; every
// problem is collected with its source position. Every key is optional except database.path.
#include "server/server_config.hpp"

#include "shared/util/log_escape.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string_view>
#include <toml++/toml.h>

namespace okienko::server
{

namespace
{

std::string resolve(const std::filesystem::path& base, const std::string& value)
{
    if (value.empty())
        return value;
    std::filesystem::path p(value);
    return p.is_absolute() ? value : (base / p).lexically_normal().string();
}

template <typename T> std::string show(T value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

/// Collects the problems of one file; each read leaves `out` untouched when the value is unusable.
class ProblemList
{
  public:
    explicit ProblemList(std::string source) : m_source(std::move(source)) {}

    void add(const toml::source_region& where, std::string key, std::string message)
    {
        m_errors.push_back(ServerConfigError{m_source, static_cast<int>(where.begin.line),
                                             static_cast<int>(where.begin.column), std::move(key), std::move(message)});
    }

    void wrongType(const toml::node& node, const std::string& key, std::string_view expected)
    {
        const std::string found = show(node.type());
        add(node.source(), key,
            "wrong type: expected " + std::string(expected) + ", found " +
                (std::string_view("aeiou").find(found.front()) == std::string_view::npos ? "a " : "an ") + found);
    }

    void text(const toml::node& node, const std::string& key, std::string& out)
    {
        if (const auto* v = node.as_string())
            out = v->get();
        else
            wrongType(node, key, "a string");
    }

    template <typename T>
    void whole(const toml::node& node, const std::string& key, std::int64_t min, std::int64_t max, T& out)
    {
        const auto* v = node.as_integer();
        if (v == nullptr)
            return wrongType(node, key, "an integer");
        if (v->get() < min || v->get() > max)
            return add(node.source(), key,
                       "out of range: " + show(v->get()) + " is not between " + show(min) + " and " + show(max));
        out = static_cast<T>(v->get());
    }

    void flag(const toml::node& node, const std::string& key, bool& out)
    {
        if (const auto* v = node.as_boolean())
            out = v->get();
        else
            wrongType(node, key, "a boolean (true or false)");
    }

    void number(const toml::node& node, const std::string& key, double min, double max, double& out)
    {
        const std::optional<double> v = node.is_number() ? node.value<double>() : std::nullopt;
        if (!v)
            return wrongType(node, key, "a number");
        if (!(*v >= min && *v <= max))
            return add(node.source(), key,
                       "out of range: " + show(*v) + " is not between " + show(min) + " and " + show(max));
        out = *v;
    }

    ServerConfigErrors& errors() { return m_errors; }

  private:
    std::string m_source;
    ServerConfigErrors m_errors;
};

using ReadValue = std::function<void(ProblemList&, const toml::node&, const std::string&)>;

struct KeySpec
{
    std::string_view table;
    std::string_view key;
    ReadValue read;
};

ReadValue text(std::string& out)
{
    return [&out](ProblemList& p, const toml::node& n, const std::string& k)
    {
        p.text(n, k, out);
    };
}

ReadValue flag(bool& out)
{
    return [&out](ProblemList& p, const toml::node& n, const std::string& k)
    {
        p.flag(n, k, out);
    };
}

template <typename T> ReadValue whole(std::int64_t min, std::int64_t max, T& out)
{
    return [min, max, &out](ProblemList& p, const toml::node& n, const std::string& k)
    {
        p.whole(n, k, min, max, out);
    };
}

/// An array of web origins ("https://cus.lapy.pl"), each checked for its shape, or "*".
ReadValue origins(std::vector<std::string>& out)
{
    return [&out](ProblemList& p, const toml::node& n, const std::string& k)
    {
        const auto* list = n.as_array();
        if (list == nullptr)
            return p.wrongType(n, k, "an array of strings");
        std::vector<std::string> read;
        for (const toml::node& item : *list)
        {
            const auto* v = item.as_string();
            if (v == nullptr)
                return p.wrongType(item, k, "a string");
            const std::string& origin = v->get();
            const bool scheme = origin.rfind("https://", 0) == 0 || origin.rfind("http://", 0) == 0;
            const std::string host = scheme ? origin.substr(origin.find("//") + 2) : std::string();
            const bool plain = !host.empty() && host.find_first_of("/?#@ *") == std::string::npos;
            if (origin != "*" && !(scheme && plain))
                return p.add(item.source(), k,
                             "invalid value: \"" + origin +
                                 "\" is not an origin (scheme://host[:port], no path or trailing slash) or \"*\"");
            read.push_back(origin);
        }
        out = std::move(read);
    };
}

ReadValue number(double min, double max, double& out)
{
    return [min, max, &out](ProblemList& p, const toml::node& n, const std::string& k)
    {
        p.number(n, k, min, max, out);
    };
}

std::vector<KeySpec> keySpecs(ServerConfig& c)
{
    return {
        {"server", "listen_address", text(c.listenAddress)},
        {"server", "port", whole(0, 65535, c.port)},
        {"server", "threads", whole(2, 1024, c.threads)},
        {"server", "max_body_bytes", whole(1024, 1 << 30, c.maxBodyBytes)},
        {"front", "enabled", flag(c.behindFront)},
        {"front", "address", text(c.frontAddress)},
        {"tls", "cert_file", text(c.tlsCertFile)},
        {"tls", "key_file", text(c.tlsKeyFile)},
        {"database", "path", text(c.databasePath)},
        {"rate_limit", "requests_per_second", number(0.001, 1e6, c.rateLimitPerSecond)},
        {"rate_limit", "burst", number(1, 1e6, c.rateLimitBurst)},
        // At least 30: kiosks retry after long outages, and a forgotten event id applies an event twice.
        {"events", "retention_days", whole(30, 36500, c.eventRetentionDays)},
        // At least a day: a kiosk switched off over a weekend must come back to the log, not a snapshot.
        {"changes", "kiosk_wait_days", whole(1, 3650, c.changesKioskWaitDays)},
        {"holds", "claim_minutes", whole(1, 10080, c.holdClaimMinutes)},
        {"holds", "expiry_working_days", whole(0, 365, c.holdExpiryWorkingDays)},
        {"holds", "search_days", whole(1, 3660, c.holdSearchDays)},
        // An hour at least (a call takes that long to arrange), two weeks at most (a unit does not idle longer).
        {"waiting_list", "hold_hours", whole(1, 336, c.waitlistHoldHours)},
        {"callbacks", "max_failed_attempts", whole(1, 100, c.callbackMaxFailedAttempts)},
        {"backup", "dir", text(c.backupDir)},
        {"backup", "keep", whole(1, 3650, c.backupKeep)},
        {"retention", "store_pesel", flag(c.retention.storePesel)},
        // At least 1 day: a coordinator closes a request and may need the number once more that day.
        // At most 3650: beyond ten years no purpose of the CUS needs a resident's contact data.
        {"retention", "callback_days", whole(1, 3650, c.retention.callbackDays)},
        {"retention", "counselling_days", whole(1, 3650, c.retention.counsellingDays)},
        {"retention", "reservation_days", whole(1, 3650, c.retention.reservationDays)},
        {"retention", "loan_days", whole(1, 3650, c.retention.loanDays)},
        {"retention", "register_days", whole(1, 3650, c.retention.registerDays)},
        {"retention", "resident_days", whole(1, 3650, c.retention.residentDays)},
        {"retention", "partner_days", whole(1, 3650, c.retention.partnerDays)},
        {"public", "enabled", flag(c.publicSite.enabled)},
        {"public", "cors_origins", origins(c.publicSite.corsOrigins)},
        {"public", "requests_per_second", number(0.001, 1e6, c.publicSite.requestsPerSecond)},
        {"public", "burst", number(1, 1e6, c.publicSite.burst)},
        {"public", "contact_per_hour", whole(1, 100000, c.publicSite.contactPerHour)},
        {"public", "contact_min_seconds", whole(0, 3600, c.publicSite.contactMinSeconds)},
        {"mail", "host", text(c.mail.host)},
        {"mail", "port", whole(1, 65535, c.mail.port)},
        {"mail", "from", text(c.mail.from)},
        {"mail", "starttls", flag(c.mail.starttls)},
        {"mail", "poll_seconds", whole(1, 86400, c.mail.pollSeconds)},
        {"mail", "max_attempts", whole(1, 100, c.mail.maxAttempts)},
    };
}

/// "a, b, c": the names a table (or the document, with table "") allows, for the error message.
std::string knownNames(const std::vector<KeySpec>& specs, std::string_view table)
{
    std::string out;
    for (const KeySpec& s : specs)
    {
        const std::string_view name = table.empty() ? s.table : s.key;
        if ((table.empty() || s.table == table) && out.find(std::string(name)) == std::string::npos)
            out += (out.empty() ? "" : ", ") + std::string(name);
    }
    return out;
}

void checkTable(const toml::table& table, std::string_view tableName, const std::vector<KeySpec>& specs,
                ProblemList& problems)
{
    for (const auto& [key, node] : table)
    {
        const std::string dotted = std::string(tableName) + "." + std::string(key.str());
        const KeySpec* spec = nullptr;
        for (const KeySpec& s : specs)
            if (s.table == tableName && s.key == key.str())
                spec = &s;
        if (spec == nullptr)
            problems.add(key.source(), dotted,
                         "unknown key \"" + std::string(key.str()) + "\" in [" + std::string(tableName) +
                             "] (known keys: " + knownNames(specs, tableName) + ")");
        else
            spec->read(problems, node, dotted);
    }
}

void checkDocument(const toml::table& root, const std::vector<KeySpec>& specs, ProblemList& problems)
{
    for (const auto& [name, node] : root)
    {
        const std::string tableName(name.str());
        if (knownNames(specs, tableName).empty())
        {
            problems.add(name.source(), tableName,
                         "unknown table or key \"" + tableName + "\" (known tables: " + knownNames(specs, "") + ")");
            continue;
        }
        if (const toml::table* table = node.as_table())
            checkTable(*table, tableName, specs, problems);
        else
            problems.wrongType(node, tableName, "a table ([" + tableName + "])");
    }
}

} // namespace

bool isLoopbackAddress(const std::string& address)
{
    return address.rfind("127.", 0) == 0 || address == "::1" || address == "localhost";
}

std::string ServerConfigError::toString() const
{
    std::string out = source;
    if (line > 0)
        out += ":" + std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "");
    out += ": ";
    if (!key.empty())
        out += key + ": ";
    // toml++'s messages quote the text they stopped at, newlines and all: keep it one line.
    return util::escapeForLog(out + message);
}

Result<ServerConfig, ServerConfigErrors> loadServerConfig(const std::string& path)
{
    ProblemList problems(path);
    toml::table root;
    try
    {
        root = toml::parse_file(path);
    }
    catch (const toml::parse_error& e)
    {
        problems.add(e.source(), {}, "malformed TOML: " + std::string(e.description()));
        return makeErr(std::move(problems.errors()));
    }
    ServerConfig c;
    checkDocument(root, keySpecs(c), problems);
    if (const toml::node* dbPath = root.at_path("database.path").node(); dbPath == nullptr)
        problems.add({}, "database.path", "missing key: [database] path is required (the server's SQLite file)");
    else if (dbPath->is_string() && c.databasePath.empty())
        problems.add(dbPath->source(), "database.path", "invalid value: the path must not be empty");
    if (const toml::node* dir = root.at_path("backup.dir").node();
        dir != nullptr && dir->is_string() && c.backupDir.empty())
        problems.add(dir->source(), "backup.dir", "invalid value: the directory must not be empty");
    if (const toml::node* host = root.at_path("mail.host").node();
        !c.mail.host.empty() && c.mail.from.find('@') == std::string::npos)
        problems.add(host != nullptr ? host->source() : toml::source_region{}, "mail.from",
                     "missing key: [mail] from (the sender's address, e.g. \"cus@example.pl\") is required with a "
                     "host");
    // Plain HTTP must never leave the machine: behind the front the server listens on loopback only.
    if (const toml::node* listen = root.at_path("server.listen_address").node();
        c.behindFront && !isLoopbackAddress(c.listenAddress))
        problems.add(listen != nullptr ? listen->source() : toml::source_region{}, "server.listen_address",
                     "invalid value: behind the front ([front] enabled) the server speaks plain HTTP, so it must "
                     "listen on a loopback address (127.0.0.1), not \"" +
                         c.listenAddress + "\"");
    if (!problems.errors().empty())
    {
        // toml++ keeps a table's keys sorted; the administrator reads the file from the top.
        std::stable_sort(problems.errors().begin(), problems.errors().end(),
                         [](const ServerConfigError& a, const ServerConfigError& b)
                         { return std::pair(a.line, a.column) < std::pair(b.line, b.column); });
        return makeErr(std::move(problems.errors()));
    }
    const auto base = std::filesystem::absolute(std::filesystem::path(path)).parent_path();
    c.databasePath = resolve(base, c.databasePath);
    c.tlsCertFile = resolve(base, c.tlsCertFile);
    c.tlsKeyFile = resolve(base, c.tlsKeyFile);
    c.backupDir = resolve(base, c.backupDir);
    return c;
}

} // namespace okienko::server
