// The kiosk's configuration file (kiosk.toml): types with defaults, and a loader that checks every
// key and reports ALL problems with their line and column, because the person reading the error
// screen is a technician at the kiosk with an editor, not a developer. Unknown keys are errors so
// a typo never silently falls back to a default. Relative paths are resolved against the directory
// of the configuration file, never against the working directory.
#pragma once

#include "kiosk/core/speech_toggle_key.hpp"
#include "kiosk/model/print_config.hpp"
#include "shared/domain/language.hpp"
#include "shared/util/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

enum class RendererKind
{
    Auto,        ///< the GPU when there is one; software when GL is only a software rasteriser (llvmpipe).
    Accelerated, ///< SDL_Renderer's GL driver, whatever draws behind it.
    Software,    ///< SDL's software renderer (no GPU, VMs, tests under Xvfb).
};

std::string_view rendererName(RendererKind kind);
std::optional<RendererKind> parseRenderer(std::string_view name);

/// [speech] mode: whether the kiosk speaks from the start of a session.
enum class SpeechMode
{
    Off,        ///< Silent until a resident turns speech on.
    On,         ///< Speaks through the sound card.
    Headphones, ///< Speaks when the audio hardware reports headphones plugged in (docs/speech.md).
};

std::string_view speechModeName(SpeechMode mode);
std::optional<SpeechMode> parseSpeechMode(std::string_view name);

/// [kiosk]
struct KioskSection
{
    std::string id;   ///< Required: the kiosk's identity towards the server ("lapy-hol-1").
    std::string name; ///< Human name of the place; defaults to `id`.
};

/// [display]
struct DisplaySection
{
    bool fullscreen = true;
    int displayIndex = 0;        ///< SDL display index for fullscreen.
    int width = 720;             ///< Windowed size (ignored in fullscreen).
    int height = 1280;           ///< Windowed size (ignored in fullscreen).
    double panelWidthMm = 268.0; ///< Physical width of the visible panel area (21.5" portrait).
    RendererKind renderer = RendererKind::Auto;
    double uiScale = 1.0; ///< 0.75 … 3.0, multiplies the theme's sizes.

    /// Pixels per millimetre on a panel that is `panelWidthPx` pixels wide.
    double pixelsPerMm(int panelWidthPx) const;
    /// Smallest touch target, in pixels, that is at least `mm` millimetres (default 15 mm,
    /// EN 301 549) on a panel `panelWidthPx` pixels wide; rounded up.
    int minTouchTargetPx(int panelWidthPx, double mm = 15.0) const;
};

/// [ui]
struct UiSection
{
    /// Languages offered, in button order; never empty, no duplicates.
    std::vector<domain::Language> languages{domain::Language::Pl, domain::Language::Uk, domain::Language::En};
    /// Language at the start of every session: `default_language`, else the first of `languages`.
    domain::Language defaultLanguage = domain::Language::Pl;
    bool largeText = false;
    bool highContrast = false;
};

/// [idle]
struct IdleSection
{
    int timeoutSeconds = 90;       ///< Inactivity before the warning; ≥ 30.
    int warningSeconds = 30;       ///< Length of the "more time?" countdown; ≥ 20.
    int attractRotateSeconds = 10; ///< Time each announcement stays on the attract screen.
};

/// [speech] — the voice (espeak-ng, decision 0009; docs/speech.md).
struct SpeechSection
{
    SpeechMode mode = SpeechMode::Off;
    int ratePercent = 100;           ///< 50 … 200; 100 = 145 words a minute, calm for seniors.
    int volumePercent = 100;         ///< 10 … 200.
    bool cues = false;               ///< A click on activation and a tone on errors.
    std::filesystem::path voiceData; ///< espeak-ng-data directory; empty = Debian's.
    /// The keypad key that turns the voice on and off: an SDL key name (speech_toggle_key.hpp).
    std::string toggleKey{kDefaultSpeechToggleKey};
};

/// [data] — all paths absolute after loading (resolved against the config file's directory).
struct DataSection
{
    std::filesystem::path directory{"/var/lib/okienko-kiosk"}; ///< Holds kiosk.sqlite3.
    std::filesystem::path catalog; ///< Seed catalogue JSON; default <assets>/catalog/lapy.json.
    std::filesystem::path assets{"/usr/share/okienko/assets"}; ///< Fonts, i18n, pictograms.

    /// The SQLite database file inside `directory`.
    std::filesystem::path databasePath() const { return directory / "kiosk.sqlite3"; }
    /// The gettext catalogues directory inside `assets`.
    std::filesystem::path i18nDirectory() const { return assets / "i18n"; }
};

/// [server]
struct ServerSection
{
    std::string url;                 ///< "https://…"; empty = standalone (no sync).
    std::filesystem::path caFile;    ///< PEM CA that verifies the server; required with a url.
    std::filesystem::path tokenFile; ///< File holding the kiosk's bearer token.
    int timeoutSeconds = 10;         ///< Total time limit of one request; 1 … 300.
    int syncIntervalSeconds = 60;    ///< Pause between sync rounds; 5 … 86400.

    bool enabled() const { return !url.empty(); }
};

struct KioskConfig
{
    KioskSection kiosk;
    DisplaySection display;
    UiSection ui;
    IdleSection idle;
    DataSection data;
    PrinterSection printer;
    ServerSection server;
    SpeechSection speech;
    /// Directory relative paths were resolved against (the config file's directory).
    std::filesystem::path baseDirectory;
};

enum class ConfigErrorKind
{
    Io,           ///< The file cannot be read.
    Syntax,       ///< Malformed TOML (position from toml++).
    UnknownKey,   ///< A key or table the kiosk does not know (typo?).
    WrongType,    ///< E.g. a string where a number belongs.
    OutOfRange,   ///< A number outside its allowed range.
    UnknownValue, ///< A string that is not one of the allowed values.
    InvalidValue, ///< A string of the wrong shape (kiosk id, URL, queue name, empty path…).
    MissingKey,   ///< A required key is absent.
    MissingFile,  ///< A file or directory named by the config does not exist.
    NotWritable,  ///< A directory the kiosk must write to refuses this user (--check-config).
    Conflict,     ///< Keys that contradict each other (default_language not in languages…).
};

std::string_view configErrorKindName(ConfigErrorKind kind);

struct ConfigError
{
    ConfigErrorKind kind = ConfigErrorKind::Syntax;
    std::string source;  ///< File name (or the sourceName given to parseConfig).
    int line = 0;        ///< 1-based; 0 when the error has no position (e.g. unreadable file).
    int column = 0;      ///< 1-based; 0 when unknown.
    std::string key;     ///< Dotted key ("display.ui_scale"); empty for syntax errors.
    std::string message; ///< Precise English text for the technician and the log.

    /// "kiosk.toml:12:3: display.ui_scale: out of range: …" — one line for logs and the error screen.
    std::string toString() const;
};

using ConfigErrors = std::vector<ConfigError>;

/// Reads and checks a kiosk.toml. Relative paths are resolved against the file's directory.
Result<KioskConfig, ConfigErrors> loadConfig(const std::filesystem::path& path);

/// Checks TOML text. `sourceName` names it in errors; relative paths are resolved against the
/// directory part of `sourceName` (or stay relative when it has none).
Result<KioskConfig, ConfigErrors> parseConfig(std::string_view text, std::string_view sourceName);

} // namespace okienko::kiosk
