// kiosk.toml: parsing with toml++ and checking every key, collecting all errors with positions.
#include "kiosk/core/config.hpp"

#include "shared/util/log_escape.hpp"

#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>
#include <system_error>
#include <toml++/toml.h>

namespace okienko::kiosk
{

namespace
{

namespace fs = std::filesystem;

std::string_view typeName(toml::node_type t)
{
    switch (t)
    {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

std::string formatNumber(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

class Checker
{
  public:
    Checker(std::string source, fs::path base) : m_source(std::move(source)), m_base(std::move(base)) {}

    void add(ConfigErrorKind kind, const toml::source_region& where, std::string key, std::string message)
    {
        m_errors.push_back(ConfigError{kind, m_source, static_cast<int>(where.begin.line),
                                       static_cast<int>(where.begin.column), std::move(key), std::move(message)});
    }

    void wrongType(const toml::node& node, const std::string& key, std::string_view expected)
    {
        add(ConfigErrorKind::WrongType, node.source(), key,
            "wrong type: expected " + std::string(expected) + ", found " + std::string(typeName(node.type())));
    }

    void boolean(const toml::node& node, const std::string& key, bool& out)
    {
        if (const auto* v = node.as_boolean())
        {
            out = v->get();
            return;
        }
        wrongType(node, key, "a boolean (true or false)");
    }

    void integer(const toml::node& node, const std::string& key, std::int64_t min, std::int64_t max, int& out)
    {
        const auto* v = node.as_integer();
        if (v == nullptr)
        {
            wrongType(node, key, "an integer");
            return;
        }
        if (v->get() < min || v->get() > max)
        {
            add(ConfigErrorKind::OutOfRange, node.source(), key,
                "out of range: " + std::to_string(v->get()) + " is not between " + std::to_string(min) + " and " +
                    std::to_string(max));
            return;
        }
        out = static_cast<int>(v->get());
    }

    void number(const toml::node& node, const std::string& key, double min, double max, double& out)
    {
        double value = 0;
        if (const auto* f = node.as_floating_point())
        {
            value = f->get();
        }
        else if (const auto* i = node.as_integer())
        {
            value = static_cast<double>(i->get());
        }
        else
        {
            wrongType(node, key, "a number");
            return;
        }
        if (!(value >= min && value <= max))
        {
            add(ConfigErrorKind::OutOfRange, node.source(), key,
                "out of range: " + formatNumber(value) + " is not between " + formatNumber(min) + " and " +
                    formatNumber(max));
            return;
        }
        out = value;
    }

    bool string(const toml::node& node, const std::string& key, std::string& out)
    {
        if (const auto* v = node.as_string())
        {
            out = v->get();
            return true;
        }
        wrongType(node, key, "a string");
        return false;
    }

    /// A path; relative ones are resolved against the config file's directory.
    bool path(const toml::node& node, const std::string& key, fs::path& out, bool allowEmpty)
    {
        std::string text;
        if (!string(node, key, text))
        {
            return false;
        }
        if (text.empty())
        {
            if (!allowEmpty)
            {
                add(ConfigErrorKind::InvalidValue, node.source(), key, "invalid value: the path must not be empty");
                return false;
            }
            out.clear();
            return true;
        }
        out = resolve(fs::path(text));
        return true;
    }

    fs::path resolve(const fs::path& p) const
    {
        if (p.is_absolute() || m_base.empty())
        {
            return p.lexically_normal();
        }
        return (m_base / p).lexically_normal();
    }

    template <typename T, typename Parse>
    void enumeration(const toml::node& node, const std::string& key, Parse parse, std::string_view allowed, T& out)
    {
        std::string text;
        if (!string(node, key, text))
        {
            return;
        }
        if (const std::optional<T> v = parse(text))
        {
            out = *v;
            return;
        }
        add(ConfigErrorKind::UnknownValue, node.source(), key,
            "unknown value \"" + text + "\" (expected " + std::string(allowed) + ")");
    }

    using Handler = std::function<void(const toml::node&, const std::string&)>;
    struct KeyHandler
    {
        std::string_view name;
        Handler handle;
    };

    /// Runs the handler of each key in `table`; unknown keys are errors.
    void section(const toml::table& table, std::string_view sectionName, const std::vector<KeyHandler>& handlers)
    {
        for (const auto& [k, node] : table)
        {
            const std::string dotted = std::string(sectionName) + "." + std::string(k.str());
            const KeyHandler* handler = nullptr;
            for (const KeyHandler& h : handlers)
            {
                if (h.name == k.str())
                {
                    handler = &h;
                }
            }
            if (handler == nullptr)
            {
                std::string known;
                for (const KeyHandler& h : handlers)
                {
                    known += known.empty() ? "" : ", ";
                    known += h.name;
                }
                add(ConfigErrorKind::UnknownKey, k.source(), dotted,
                    "unknown key \"" + std::string(k.str()) + "\" in [" + std::string(sectionName) +
                        "] (known keys: " + known + ")");
                continue;
            }
            handler->handle(node, dotted);
        }
    }

    ConfigErrors& errors() { return m_errors; }
    const std::string& source() const { return m_source; }

  private:
    std::string m_source;
    fs::path m_base;
    ConfigErrors m_errors;
};

/// A kiosk.toml as the package installs it has no id yet: the one step that gives it one is --enrol.
constexpr std::string_view kNotEnrolled =
    "not enrolled: run okienko-kiosk --enrol FILE with the enrolment file from okienko-central enrol-kiosk "
    "([kiosk] id is missing or empty)";

bool validKioskId(std::string_view id)
{
    if (id.empty() || id.size() > 64)
    {
        return false;
    }
    for (const char c : id)
    {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
        {
            return false;
        }
    }
    return true;
}

bool validQueueName(std::string_view q)
{
    // CUPS queue names: up to 127 printable characters, no space, "/", "#" or "\".
    if (q.size() > 127)
    {
        return false;
    }
    for (const char c : q)
    {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '/' || c == '#' || c == '\\')
        {
            return false;
        }
    }
    return true;
}

/// Empty means valid. Plain http is accepted only for the loopback (tests, a local proxy).
std::string checkServerUrl(std::string_view url)
{
    std::string_view rest;
    if (url.rfind("https://", 0) == 0)
    {
        rest = url.substr(8);
    }
    else if (url.rfind("http://", 0) == 0)
    {
        rest = url.substr(7);
        const std::string_view host = rest.substr(0, rest.find_first_of(":/"));
        const bool loopback = host == "127.0.0.1" || host == "localhost" || rest.rfind("[::1]", 0) == 0;
        if (!loopback)
        {
            return "the server URL must start with https:// (plain http:// only for 127.0.0.1 or localhost)";
        }
    }
    else
    {
        return "the server URL must start with https://";
    }
    if (rest.empty() || rest[0] == '/' || rest[0] == ':')
    {
        return "the server URL has no host name";
    }
    for (const char c : url)
    {
        if (static_cast<unsigned char>(c) <= 0x20)
        {
            return "the server URL must not contain spaces or control characters";
        }
    }
    return {};
}

void checkDocument(const toml::table& root, Checker& c, KioskConfig& cfg)
{
    using KH = Checker::KeyHandler;
    const toml::table* kioskTable = nullptr;
    bool haveId = false;
    bool haveName = false;
    bool haveCatalog = false;
    const toml::node* defaultLanguageNode = nullptr;
    bool haveDefaultLanguage = false;

    const std::vector<KH> kioskKeys{
        {"id",
         [&](const toml::node& n, const std::string& key)
         {
             std::string id;
             if (!c.string(n, key, id))
             {
                 haveId = true; // reported as a wrong type, not also as missing
                 return;
             }
             haveId = true;
             if (id.empty())
             {
                 c.add(ConfigErrorKind::MissingKey, n.source(), key, std::string(kNotEnrolled));
                 return;
             }
             if (!validKioskId(id))
             {
                 c.add(ConfigErrorKind::InvalidValue, n.source(), key,
                       "invalid value \"" + id + "\": the kiosk id needs 1 to 64 letters, digits, '-' or '_'");
                 return;
             }
             cfg.kiosk.id = id;
         }},
        {"name",
         [&](const toml::node& n, const std::string& key)
         {
             haveName = c.string(n, key, cfg.kiosk.name);
         }},
    };

    const std::vector<KH> displayKeys{
        {"fullscreen",
         [&](const toml::node& n, const std::string& key)
         {
             c.boolean(n, key, cfg.display.fullscreen);
         }},
        {"display_index",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 0, 15, cfg.display.displayIndex);
         }},
        {"width",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 240, 8192, cfg.display.width);
         }},
        {"height",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 240, 8192, cfg.display.height);
         }},
        {"panel_width_mm",
         [&](const toml::node& n, const std::string& key)
         {
             c.number(n, key, 50.0, 3000.0, cfg.display.panelWidthMm);
         }},
        {"renderer",
         [&](const toml::node& n, const std::string& key)
         {
             c.enumeration(n, key, parseRenderer, "\"auto\", \"accelerated\" or \"software\"", cfg.display.renderer);
         }},
        {"ui_scale",
         [&](const toml::node& n, const std::string& key)
         {
             c.number(n, key, 0.75, 3.0, cfg.display.uiScale);
         }},
    };

    const std::vector<KH> uiKeys{
        {"languages",
         [&](const toml::node& n, const std::string& key)
         {
             const toml::array* arr = n.as_array();
             if (arr == nullptr)
             {
                 c.wrongType(n, key, "an array of language codes, e.g. [\"pl\", \"uk\", \"en\"]");
                 return;
             }
             if (arr->empty())
             {
                 c.add(ConfigErrorKind::InvalidValue, n.source(), key,
                       "invalid value: list at least one language (pl, uk, en)");
                 return;
             }
             std::vector<domain::Language> langs;
             bool ok = true;
             for (const toml::node& item : *arr)
             {
                 std::string code;
                 if (!c.string(item, key, code))
                 {
                     ok = false;
                     continue;
                 }
                 const std::optional<domain::Language> lang = domain::parseLanguage(code);
                 if (!lang)
                 {
                     c.add(ConfigErrorKind::UnknownValue, item.source(), key,
                           "unknown value \"" + code + "\" (expected \"pl\", \"uk\" or \"en\")");
                     ok = false;
                     continue;
                 }
                 if (std::find(langs.begin(), langs.end(), *lang) != langs.end())
                 {
                     c.add(ConfigErrorKind::Conflict, item.source(), key, "language \"" + code + "\" is listed twice");
                     ok = false;
                     continue;
                 }
                 langs.push_back(*lang);
             }
             if (ok)
             {
                 cfg.ui.languages = std::move(langs);
             }
         }},
        {"default_language",
         [&](const toml::node& n, const std::string& key)
         {
             domain::Language lang = domain::Language::Pl;
             const std::size_t before = c.errors().size();
             c.enumeration(n, key, domain::parseLanguage, "\"pl\", \"uk\" or \"en\"", lang);
             if (c.errors().size() == before)
             {
                 haveDefaultLanguage = true;
                 defaultLanguageNode = &n;
                 cfg.ui.defaultLanguage = lang;
             }
         }},
        {"large_text",
         [&](const toml::node& n, const std::string& key)
         {
             c.boolean(n, key, cfg.ui.largeText);
         }},
        {"high_contrast",
         [&](const toml::node& n, const std::string& key)
         {
             c.boolean(n, key, cfg.ui.highContrast);
         }},
    };

    const std::vector<KH> idleKeys{
        {"timeout_seconds",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 30, 3600, cfg.idle.timeoutSeconds);
         }},
        {"warning_seconds",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 20, 300, cfg.idle.warningSeconds);
         }},
        {"attract_rotate_seconds",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 3, 600, cfg.idle.attractRotateSeconds);
         }},
    };

    const std::vector<KH> dataKeys{
        {"directory",
         [&](const toml::node& n, const std::string& key)
         {
             c.path(n, key, cfg.data.directory, false);
         }},
        {"catalog",
         [&](const toml::node& n, const std::string& key)
         {
             haveCatalog = c.path(n, key, cfg.data.catalog, false);
         }},
        {"assets",
         [&](const toml::node& n, const std::string& key)
         {
             c.path(n, key, cfg.data.assets, false);
         }},
    };

    const std::vector<KH> printerKeys{
        {"queue",
         [&](const toml::node& n, const std::string& key)
         {
             std::string q;
             if (!c.string(n, key, q))
             {
                 return;
             }
             if (!validQueueName(q))
             {
                 c.add(ConfigErrorKind::InvalidValue, n.source(), key,
                       "invalid value \"" + q + "\": a CUPS queue name has no spaces, '/', '#' or '\\'");
                 return;
             }
             cfg.printer.queue = q;
         }},
        {"format",
         [&](const toml::node& n, const std::string& key)
         {
             c.enumeration(n, key, parsePrintFormat,
                           "\"escpos-80\", \"escpos-58\", \"pdf-a4\", \"pdf-a5\" or \"pdf-receipt\"",
                           cfg.printer.format);
         }},
        {"deadline_seconds",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 5, 600, cfg.printer.deadlineSeconds);
         }},
    };

    const std::vector<KH> serverKeys{
        {"url",
         [&](const toml::node& n, const std::string& key)
         {
             std::string url;
             if (!c.string(n, key, url))
             {
                 return;
             }
             if (!url.empty())
             {
                 if (const std::string problem = checkServerUrl(url); !problem.empty())
                 {
                     c.add(ConfigErrorKind::InvalidValue, n.source(), key, "invalid value \"" + url + "\": " + problem);
                     return;
                 }
             }
             cfg.server.url = url;
         }},
        {"ca_file",
         [&](const toml::node& n, const std::string& key)
         {
             if (!c.path(n, key, cfg.server.caFile, true) || cfg.server.caFile.empty())
             {
                 return;
             }
             std::error_code ec;
             if (!fs::is_regular_file(cfg.server.caFile, ec))
             {
                 c.add(ConfigErrorKind::MissingFile, n.source(), key,
                       "missing file: " + cfg.server.caFile.string() + " does not exist or is not a file");
             }
         }},
        {"token_file",
         [&](const toml::node& n, const std::string& key)
         {
             c.path(n, key, cfg.server.tokenFile, true);
         }},
        {"timeout_seconds",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 1, 300, cfg.server.timeoutSeconds);
         }},
        {"sync_interval_seconds",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 5, 86400, cfg.server.syncIntervalSeconds);
         }},
    };

    const std::vector<KH> speechKeys{
        {"mode",
         [&](const toml::node& n, const std::string& key)
         {
             c.enumeration(n, key, parseSpeechMode, "\"off\", \"on\" or \"headphones\"", cfg.speech.mode);
         }},
        {"rate_percent",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 50, 200, cfg.speech.ratePercent);
         }},
        {"volume_percent",
         [&](const toml::node& n, const std::string& key)
         {
             c.integer(n, key, 10, 200, cfg.speech.volumePercent);
         }},
        {"cues",
         [&](const toml::node& n, const std::string& key)
         {
             c.boolean(n, key, cfg.speech.cues);
         }},
        {"toggle_key",
         [&](const toml::node& n, const std::string& key)
         {
             std::string name;
             if (!c.string(n, key, name))
                 return;
             if (const std::optional<std::string> known = speechToggleKey(name))
             {
                 cfg.speech.toggleKey = *known;
                 return;
             }
             c.add(ConfigErrorKind::UnknownValue, n.source(), key,
                   "\"" + name +
                       "\" is not a key the voice can be turned on with: one of F1 … F24, Help, Menu, "
                       "Application, Pause, ScrollLock, Insert, Home, End, PageUp, PageDown, AudioPlay, AudioStop, "
                       "Mute (keys that type, Enter, Escape, Tab and Backspace are the keyboard's)");
         }},
        {"voice_data",
         [&](const toml::node& n, const std::string& key)
         {
             if (!c.path(n, key, cfg.speech.voiceData, true) || cfg.speech.voiceData.empty())
             {
                 return;
             }
             std::error_code ec;
             if (!fs::is_regular_file(cfg.speech.voiceData / "phontab", ec))
             {
                 c.add(ConfigErrorKind::MissingFile, n.source(), key,
                       "missing file: " + cfg.speech.voiceData.string() +
                           " is not an espeak-ng-data directory (no phontab in it)");
             }
         }},
    };

    struct Section
    {
        std::string_view name;
        const std::vector<KH>* keys;
    };
    const Section sections[] = {{"kiosk", &kioskKeys},   {"display", &displayKeys}, {"ui", &uiKeys},
                                {"idle", &idleKeys},     {"data", &dataKeys},       {"printer", &printerKeys},
                                {"server", &serverKeys}, {"speech", &speechKeys}};

    for (const auto& [k, node] : root)
    {
        const Section* section = nullptr;
        for (const Section& s : sections)
        {
            if (s.name == k.str())
            {
                section = &s;
            }
        }
        if (section == nullptr)
        {
            c.add(ConfigErrorKind::UnknownKey, k.source(), std::string(k.str()),
                  "unknown table or key \"" + std::string(k.str()) +
                      "\" (known tables: kiosk, display, ui, idle, data, printer, server, speech)");
            continue;
        }
        const toml::table* table = node.as_table();
        if (table == nullptr)
        {
            c.wrongType(node, std::string(k.str()), "a table ([" + std::string(k.str()) + "])");
            continue;
        }
        if (section->name == "kiosk")
        {
            kioskTable = table;
        }
        c.section(*table, section->name, *section->keys);
    }

    if (!haveId)
    {
        toml::source_region where{};
        if (kioskTable != nullptr)
        {
            where = kioskTable->source();
        }
        c.add(ConfigErrorKind::MissingKey, where, "kiosk.id", std::string(kNotEnrolled));
    }
    if (!haveName)
    {
        cfg.kiosk.name = cfg.kiosk.id;
    }
    if (haveDefaultLanguage)
    {
        const auto& langs = cfg.ui.languages;
        if (std::find(langs.begin(), langs.end(), cfg.ui.defaultLanguage) == langs.end())
        {
            c.add(ConfigErrorKind::Conflict, defaultLanguageNode->source(), "ui.default_language",
                  "conflict: default_language \"" + std::string(domain::languageCode(cfg.ui.defaultLanguage)) +
                      "\" is not in ui.languages");
        }
    }
    else
    {
        cfg.ui.defaultLanguage = cfg.ui.languages.front();
    }
    if (!haveCatalog)
    {
        cfg.data.catalog = cfg.data.assets / "catalog" / "lapy.json";
    }
}

} // namespace

std::string_view rendererName(RendererKind kind)
{
    switch (kind)
    {
    case RendererKind::Auto:
        return "auto";
    case RendererKind::Accelerated:
        return "accelerated";
    case RendererKind::Software:
        break;
    }
    return "software";
}

std::optional<RendererKind> parseRenderer(std::string_view name)
{
    if (name == "auto")
    {
        return RendererKind::Auto;
    }
    if (name == "accelerated")
    {
        return RendererKind::Accelerated;
    }
    if (name == "software")
    {
        return RendererKind::Software;
    }
    return std::nullopt;
}

std::string_view speechModeName(SpeechMode mode)
{
    switch (mode)
    {
    case SpeechMode::On:
        return "on";
    case SpeechMode::Headphones:
        return "headphones";
    case SpeechMode::Off:
        break;
    }
    return "off";
}

std::optional<SpeechMode> parseSpeechMode(std::string_view name)
{
    for (const SpeechMode m : {SpeechMode::Off, SpeechMode::On, SpeechMode::Headphones})
    {
        if (speechModeName(m) == name)
        {
            return m;
        }
    }
    return std::nullopt;
}

double DisplaySection::pixelsPerMm(int panelWidthPx) const
{
    return panelWidthMm > 0 ? static_cast<double>(panelWidthPx) / panelWidthMm : 0.0;
}

int DisplaySection::minTouchTargetPx(int panelWidthPx, double mm) const
{
    return static_cast<int>(std::ceil(mm * pixelsPerMm(panelWidthPx) - 1e-9));
}

std::string_view configErrorKindName(ConfigErrorKind kind)
{
    switch (kind)
    {
    case ConfigErrorKind::Io:
        return "io";
    case ConfigErrorKind::Syntax:
        return "syntax";
    case ConfigErrorKind::UnknownKey:
        return "unknown-key";
    case ConfigErrorKind::WrongType:
        return "wrong-type";
    case ConfigErrorKind::OutOfRange:
        return "out-of-range";
    case ConfigErrorKind::UnknownValue:
        return "unknown-value";
    case ConfigErrorKind::InvalidValue:
        return "invalid-value";
    case ConfigErrorKind::MissingKey:
        return "missing-key";
    case ConfigErrorKind::MissingFile:
        return "missing-file";
    case ConfigErrorKind::NotWritable:
        return "not-writable";
    case ConfigErrorKind::Conflict:
        return "conflict";
    }
    return "?";
}

std::string ConfigError::toString() const
{
    std::string out = source;
    if (line > 0)
    {
        out += ":" + std::to_string(line);
        if (column > 0)
        {
            out += ":" + std::to_string(column);
        }
    }
    out += ": ";
    if (!key.empty())
    {
        out += key + ": ";
    }
    // toml++'s messages quote the text they stopped at, newlines and all: keep it one line.
    return util::escapeForLog(out + message);
}

Result<KioskConfig, ConfigErrors> parseConfig(std::string_view text, std::string_view sourceName)
{
    KioskConfig cfg;
    cfg.baseDirectory = fs::path(sourceName).parent_path();
    Checker checker{std::string(sourceName), cfg.baseDirectory};
    toml::table root;
    try
    {
        root = toml::parse(text, sourceName);
    }
    catch (const toml::parse_error& e)
    {
        checker.add(ConfigErrorKind::Syntax, e.source(), {}, "malformed TOML: " + std::string(e.description()));
        return makeErr(std::move(checker.errors()));
    }
    checkDocument(root, checker, cfg);
    if (!checker.errors().empty())
    {
        return makeErr(std::move(checker.errors()));
    }
    return cfg;
}

Result<KioskConfig, ConfigErrors> loadConfig(const fs::path& path)
{
    std::error_code ec;
    fs::path full = fs::absolute(path, ec);
    if (ec)
    {
        full = path;
    }
    std::ifstream in(full, std::ios::binary);
    if (!in)
    {
        return makeErr(ConfigErrors{
            ConfigError{ConfigErrorKind::Io, full.string(), 0, 0, {}, "cannot open the configuration file"}});
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad())
    {
        return makeErr(ConfigErrors{
            ConfigError{ConfigErrorKind::Io, full.string(), 0, 0, {}, "cannot read the configuration file"}});
    }
    return parseConfig(buf.str(), full.lexically_normal().string());
}

} // namespace okienko::kiosk
