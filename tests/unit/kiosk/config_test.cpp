// kiosk.toml loading: every error kind with its position, defaults, path resolution and the
// shipped example file.
#include "kiosk/core/config.hpp"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <random>

namespace okienko::kiosk
{
namespace
{

namespace fs = std::filesystem;

const ConfigErrors& errorsOf(const Result<KioskConfig, ConfigErrors>& r)
{
    EXPECT_FALSE(r.ok()) << "expected errors, the config was accepted";
    static const ConfigErrors none;
    return r.ok() ? none : r.error();
}

/// The only error of `text`, which must have exactly one.
ConfigError onlyError(std::string_view text)
{
    const auto r = parseConfig(text, "/etc/okienko/kiosk.toml");
    const ConfigErrors& errors = errorsOf(r);
    EXPECT_EQ(errors.size(), 1u);
    if (errors.size() > 1)
    {
        for (const ConfigError& e : errors)
        {
            ADD_FAILURE() << "error: " << e.toString();
        }
    }
    return errors.empty() ? ConfigError{} : errors.front();
}

class TempDir
{
  public:
    TempDir()
    {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("okienko-config-test-" + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }
    fs::path write(const std::string& name, std::string_view content) const
    {
        const fs::path p = m_path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

  private:
    fs::path m_path;
};

TEST(ConfigTest, MissingKioskIdIsAnErrorEvenInAnEmptyFile)
{
    const auto r = parseConfig("", "kiosk.toml");
    ASSERT_EQ(errorsOf(r).size(), 1u);
    EXPECT_EQ(r.error()[0].kind, ConfigErrorKind::MissingKey);
    EXPECT_EQ(r.error()[0].key, "kiosk.id");
}

TEST(ConfigTest, MissingKioskIdPointsAtTheKioskTable)
{
    const ConfigError e = onlyError("# comment\n\n[kiosk]\nname = \"Hol\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::MissingKey);
    EXPECT_EQ(e.line, 3);
}

TEST(ConfigTest, UnknownKeyInASectionHasItsLineAndColumn)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n\n[display]\n  fulscreen = true\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::UnknownKey);
    EXPECT_EQ(e.key, "display.fulscreen");
    EXPECT_EQ(e.line, 5);
    EXPECT_EQ(e.column, 3);
    EXPECT_NE(e.message.find("fullscreen"), std::string::npos) << "the message should list the known keys";
}

TEST(ConfigTest, UnknownTableIsAnError)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[printers]\nqueue = \"x\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::UnknownKey);
    EXPECT_EQ(e.key, "printers");
    EXPECT_EQ(e.line, 3);
}

TEST(ConfigTest, WrongTypeNamesExpectedAndFoundTypes)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[display]\nui_scale = \"big\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::WrongType);
    EXPECT_EQ(e.key, "display.ui_scale");
    EXPECT_EQ(e.line, 4);
    EXPECT_NE(e.message.find("number"), std::string::npos);
    EXPECT_NE(e.message.find("string"), std::string::npos);
}

TEST(ConfigTest, BooleanWrittenAsStringIsWrongType)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[display]\nfullscreen = \"yes\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::WrongType);
    EXPECT_EQ(e.line, 4);
}

TEST(ConfigTest, SectionThatIsNotATableIsWrongType)
{
    const ConfigError e = onlyError("idle = 5\n[kiosk]\nid = \"k1\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::WrongType);
    EXPECT_EQ(e.key, "idle");
    EXPECT_EQ(e.line, 1);
}

TEST(ConfigTest, IdleTimeoutBelowThirtySecondsIsOutOfRange)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[idle]\ntimeout_seconds = 29\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::OutOfRange);
    EXPECT_EQ(e.key, "idle.timeout_seconds");
    EXPECT_EQ(e.line, 4);
    EXPECT_NE(e.message.find("29"), std::string::npos);
    EXPECT_NE(e.message.find("30"), std::string::npos);
}

TEST(ConfigTest, IdleWarningBelowTwentySecondsIsOutOfRange)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[idle]\nwarning_seconds = 19\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::OutOfRange);
    EXPECT_EQ(e.key, "idle.warning_seconds");
}

TEST(ConfigTest, BoundaryValuesAreAccepted)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n[idle]\ntimeout_seconds = 30\nwarning_seconds = 20\n"
                               "[display]\nui_scale = 0.75\n",
                               "kiosk.toml");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    EXPECT_EQ(r->idle.timeoutSeconds, 30);
    EXPECT_EQ(r->idle.warningSeconds, 20);
    EXPECT_DOUBLE_EQ(r->display.uiScale, 0.75);
}

TEST(ConfigTest, UiScaleAboveThreeIsOutOfRangeButAnIntegerIsANumber)
{
    EXPECT_EQ(onlyError("[kiosk]\nid = \"k1\"\n[display]\nui_scale = 3.5\n").kind, ConfigErrorKind::OutOfRange);
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n[display]\nui_scale = 2\n", "kiosk.toml");
    ASSERT_TRUE(r.ok());
    EXPECT_DOUBLE_EQ(r->display.uiScale, 2.0);
}

TEST(ConfigTest, NanUiScaleIsOutOfRange)
{
    EXPECT_EQ(onlyError("[kiosk]\nid = \"k1\"\n[display]\nui_scale = nan\n").kind, ConfigErrorKind::OutOfRange);
}

TEST(ConfigTest, HugeIntegerIsOutOfRangeNotTruncated)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[display]\nwidth = 4294968016\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::OutOfRange);
}

TEST(ConfigTest, UnknownRendererAndPrintFormatAreUnknownValues)
{
    const ConfigError r = onlyError("[kiosk]\nid = \"k1\"\n[display]\nrenderer = \"opengl\"\n");
    EXPECT_EQ(r.kind, ConfigErrorKind::UnknownValue);
    EXPECT_NE(r.message.find("software"), std::string::npos);
    const ConfigError f = onlyError("[kiosk]\nid = \"k1\"\n[printer]\nformat = \"escpos-90\"\n");
    EXPECT_EQ(f.kind, ConfigErrorKind::UnknownValue);
    EXPECT_EQ(f.key, "printer.format");
    EXPECT_EQ(f.line, 4);
}

TEST(ConfigTest, UnknownLanguagePointsAtTheArrayElement)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[ui]\nlanguages = [\"pl\", \"de\"]\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::UnknownValue);
    EXPECT_EQ(e.line, 4);
    EXPECT_EQ(e.column, 20);
}

TEST(ConfigTest, DuplicateAndEmptyLanguageListsAreRejected)
{
    EXPECT_EQ(onlyError("[kiosk]\nid = \"k1\"\n[ui]\nlanguages = [\"pl\", \"pl\"]\n").kind, ConfigErrorKind::Conflict);
    EXPECT_EQ(onlyError("[kiosk]\nid = \"k1\"\n[ui]\nlanguages = []\n").kind, ConfigErrorKind::InvalidValue);
}

TEST(ConfigTest, DefaultLanguageMustBeOffered)
{
    const ConfigError e =
        onlyError("[kiosk]\nid = \"k1\"\n[ui]\nlanguages = [\"pl\", \"uk\"]\ndefault_language = \"en\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::Conflict);
    EXPECT_EQ(e.key, "ui.default_language");
    EXPECT_EQ(e.line, 5);
}

TEST(ConfigTest, FirstLanguageIsTheDefaultWhenNoneIsGiven)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n[ui]\nlanguages = [\"uk\", \"pl\"]\n", "kiosk.toml");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->ui.defaultLanguage, domain::Language::Uk);
    EXPECT_EQ(r->ui.languages, (std::vector<domain::Language>{domain::Language::Uk, domain::Language::Pl}));
}

TEST(ConfigTest, InvalidKioskIdQueueAndUrlAreInvalidValues)
{
    EXPECT_EQ(onlyError("[kiosk]\nid = \"hol 1\"\n").kind, ConfigErrorKind::InvalidValue);
    EXPECT_EQ(onlyError("[kiosk]\nid = \"k1\"\n[printer]\nqueue = \"a b\"\n").kind, ConfigErrorKind::InvalidValue);
    const ConfigError plain = onlyError("[kiosk]\nid = \"k1\"\n[server]\nurl = \"http://central.example.pl\"\n");
    EXPECT_EQ(plain.kind, ConfigErrorKind::InvalidValue);
    EXPECT_NE(plain.message.find("https://"), std::string::npos);
    EXPECT_EQ(onlyError("[kiosk]\nid = \"k1\"\n[server]\nurl = \"https://\"\n").kind, ConfigErrorKind::InvalidValue);
}

TEST(ConfigTest, HttpsAndLoopbackHttpUrlsAreAccepted)
{
    for (const char* url : {"https://central.cus.lapy.pl", "http://127.0.0.1:8443", "http://localhost/api"})
    {
        const auto r = parseConfig(std::string("[kiosk]\nid = \"k1\"\n[server]\nurl = \"") + url + "\"\n", "k.toml");
        ASSERT_TRUE(r.ok()) << url << ": " << r.error()[0].toString();
        EXPECT_EQ(r->server.url, url);
        EXPECT_TRUE(r->server.enabled());
    }
}

TEST(ConfigTest, MissingCaFileIsReportedWithItsLineAndResolvedPath)
{
    TempDir dir;
    const fs::path cfg = dir.write("kiosk.toml", "[kiosk]\nid = \"k1\"\n[server]\nca_file = \"certs/ca.pem\"\n");
    const auto r = loadConfig(cfg);
    ASSERT_EQ(errorsOf(r).size(), 1u);
    const ConfigError& e = r.error()[0];
    EXPECT_EQ(e.kind, ConfigErrorKind::MissingFile);
    EXPECT_EQ(e.key, "server.ca_file");
    EXPECT_EQ(e.line, 4);
    EXPECT_NE(e.message.find((dir.path() / "certs" / "ca.pem").string()), std::string::npos) << e.message;
}

TEST(ConfigTest, ExistingCaFileIsResolvedAgainstTheConfigDirectory)
{
    TempDir dir;
    fs::create_directories(dir.path() / "certs");
    dir.write("certs/ca.pem", "-----BEGIN CERTIFICATE-----\n");
    const fs::path cfg = dir.write("kiosk.toml", "[kiosk]\nid = \"k1\"\n[server]\nca_file = \"certs/ca.pem\"\n");
    const auto r = loadConfig(cfg);
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    EXPECT_EQ(r->server.caFile, dir.path() / "certs" / "ca.pem");
}

TEST(ConfigTest, RelativePathsAreResolvedAgainstTheConfigFileDirectory)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n[data]\ndirectory = \"data\"\nassets = \"../share/assets\"\n"
                               "catalog = \"/opt/catalog.json\"\n[server]\ntoken_file = \"token\"\n",
                               "/srv/kiosk/kiosk.toml");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    EXPECT_EQ(r->data.directory, fs::path("/srv/kiosk/data"));
    EXPECT_EQ(r->data.assets, fs::path("/srv/share/assets"));
    EXPECT_EQ(r->data.catalog, fs::path("/opt/catalog.json"));
    EXPECT_EQ(r->server.tokenFile, fs::path("/srv/kiosk/token"));
    EXPECT_EQ(r->data.databasePath(), fs::path("/srv/kiosk/data/kiosk.sqlite3"));
    EXPECT_EQ(r->data.i18nDirectory(), fs::path("/srv/share/assets/i18n"));
}

TEST(ConfigTest, EmptyDataPathIsInvalid)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[data]\ndirectory = \"\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::InvalidValue);
    EXPECT_EQ(e.key, "data.directory");
}

TEST(ConfigTest, MalformedTomlReportsTomlPosition)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n\n[display\nwidth = 5\n", "kiosk.toml");
    ASSERT_EQ(errorsOf(r).size(), 1u);
    EXPECT_EQ(r.error()[0].kind, ConfigErrorKind::Syntax);
    EXPECT_EQ(r.error()[0].line, 4);
    EXPECT_GT(r.error()[0].column, 0);
    EXPECT_NE(r.error()[0].message.find("malformed TOML"), std::string::npos);
}

// Found by fuzz/kiosk_config: toml++ quotes the text it stopped at, here "tru" and the newline after
// it, and the error line went to the log and the error screen as two lines.
TEST(ConfigTest, ASyntaxErrorIsOneLineWhateverTheTextQuoted)
{
    const auto r = parseConfig("[display]\nfullscreen = tru\n", "kiosk.toml");
    ASSERT_EQ(errorsOf(r).size(), 1u);
    const std::string line = r.error()[0].toString();
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    EXPECT_NE(line.find("\\x0a"), std::string::npos) << line;
}

TEST(ConfigTest, DuplicateKeyIsASyntaxError)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\nid = \"k2\"\n", "kiosk.toml");
    ASSERT_EQ(errorsOf(r).size(), 1u);
    EXPECT_EQ(r.error()[0].kind, ConfigErrorKind::Syntax);
    EXPECT_EQ(r.error()[0].line, 3);
}

TEST(ConfigTest, AllErrorsAreReportedNotJustTheFirst)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\ncolour = \"red\"\n[display]\nwidth = 10\nrenderer = 3\n"
                               "[idle]\ntimeout_seconds = 5\n[printer]\nformat = \"laser\"\n",
                               "kiosk.toml");
    ASSERT_EQ(errorsOf(r).size(), 5u);
    std::vector<int> lines;
    for (const ConfigError& e : r.error())
    {
        lines.push_back(e.line);
    }
    std::sort(lines.begin(), lines.end());
    EXPECT_EQ(lines, (std::vector<int>{3, 5, 6, 8, 10}));
}

TEST(ConfigTest, UnreadableFileIsAnIoError)
{
    const auto r = loadConfig("/nonexistent/okienko/kiosk.toml");
    ASSERT_EQ(errorsOf(r).size(), 1u);
    EXPECT_EQ(r.error()[0].kind, ConfigErrorKind::Io);
    EXPECT_EQ(r.error()[0].source, "/nonexistent/okienko/kiosk.toml");
}

TEST(ConfigTest, ErrorToStringHasFileLineColumnAndKey)
{
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[idle]\nwarning_seconds = 5\n");
    EXPECT_EQ(e.toString().rfind("/etc/okienko/kiosk.toml:4:19: idle.warning_seconds: out of range", 0), 0u)
        << e.toString();
}

TEST(ConfigTest, DefaultsForEverythingOptional)
{
    const auto r = parseConfig("[kiosk]\nid = \"lapy-1\"\n", "/etc/okienko/kiosk.toml");
    ASSERT_TRUE(r.ok()) << r.error()[0].toString();
    const KioskConfig& c = *r;
    const KioskConfig defaults;
    EXPECT_EQ(c.kiosk.id, "lapy-1");
    EXPECT_EQ(c.kiosk.name, "lapy-1");
    EXPECT_EQ(c.display.fullscreen, defaults.display.fullscreen);
    EXPECT_TRUE(c.display.fullscreen);
    EXPECT_EQ(c.display.renderer, RendererKind::Auto);
    EXPECT_DOUBLE_EQ(c.display.uiScale, 1.0);
    EXPECT_EQ(c.ui.languages.size(), 3u);
    EXPECT_EQ(c.ui.defaultLanguage, domain::Language::Pl);
    EXPECT_FALSE(c.ui.largeText);
    EXPECT_FALSE(c.ui.highContrast);
    EXPECT_GE(c.idle.timeoutSeconds, 30);
    EXPECT_GE(c.idle.warningSeconds, 20);
    EXPECT_EQ(c.idle.timeoutSeconds, defaults.idle.timeoutSeconds);
    EXPECT_EQ(c.data.directory, defaults.data.directory);
    EXPECT_EQ(c.data.catalog, defaults.data.assets / "catalog" / "lapy.json");
    EXPECT_FALSE(c.printer.enabled());
    EXPECT_EQ(c.printer.format, PrintFormat::EscPos80);
    EXPECT_FALSE(c.server.enabled());
    EXPECT_TRUE(c.server.caFile.empty());
    EXPECT_EQ(c.baseDirectory, fs::path("/etc/okienko"));
}

TEST(ConfigTest, SpeechIsOffCalmAndWithoutCuesByDefault)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n", "/etc/okienko/kiosk.toml");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->speech.mode, SpeechMode::Off);
    EXPECT_EQ(r->speech.ratePercent, 100);
    EXPECT_EQ(r->speech.volumePercent, 100);
    EXPECT_FALSE(r->speech.cues);
    EXPECT_TRUE(r->speech.voiceData.empty());
    EXPECT_EQ(r->speech.toggleKey, "F1");
}

TEST(ConfigTest, SpeechToggleKeyIsAnSdlKeyNameThatTypesNothing)
{
    const auto read = [](const std::string& key)
    {
        return parseConfig("[kiosk]\nid = \"k1\"\n[speech]\ntoggle_key = \"" + key + "\"\n", "/etc/okienko/kiosk.toml");
    };
    for (const auto& [written, stored] : {std::pair{"F5", "F5"}, std::pair{"f12", "F12"}, std::pair{"help", "Help"},
                                          std::pair{"F24", "F24"}, std::pair{"PAGEDOWN", "PageDown"}})
    {
        const auto r = read(written);
        ASSERT_TRUE(r.ok()) << written << ": " << r.error()[0].toString();
        EXPECT_EQ(r->speech.toggleKey, stored) << "kept in SDL's spelling";
    }
    for (const std::string refused :
         {"A", "5", "Space", "Return", "Escape", "Tab", "Backspace", "Keypad 5", "F25", "", "F1 "})
    {
        const auto r = read(refused);
        ASSERT_FALSE(r.ok()) << refused;
        ASSERT_EQ(r.error().size(), 1u);
        EXPECT_EQ(r.error()[0].kind, ConfigErrorKind::UnknownValue) << refused;
        EXPECT_EQ(r.error()[0].key, "speech.toggle_key");
        EXPECT_NE(r.error()[0].message.find("\"" + refused + "\" is not a key the voice can be turned on with"),
                  std::string::npos)
            << r.error()[0].message;
    }
    const ConfigError number = onlyError("[kiosk]\nid = \"k1\"\n[speech]\ntoggle_key = 112\n");
    EXPECT_EQ(number.kind, ConfigErrorKind::WrongType);
}

TEST(ConfigTest, SpeechSectionIsRead)
{
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n[speech]\nmode = \"headphones\"\nrate_percent = 70\n"
                               "volume_percent = 150\ncues = true\nvoice_data = \"\"\n",
                               "/etc/okienko/kiosk.toml");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->speech.mode, SpeechMode::Headphones);
    EXPECT_EQ(r->speech.ratePercent, 70);
    EXPECT_EQ(r->speech.volumePercent, 150);
    EXPECT_TRUE(r->speech.cues);
    EXPECT_EQ(parseSpeechMode("on"), SpeechMode::On);
    EXPECT_EQ(speechModeName(SpeechMode::Headphones), "headphones");
}

TEST(ConfigTest, SpeechValuesOutsideTheirRangesAreErrors)
{
    const ConfigError mode = onlyError("[kiosk]\nid = \"k1\"\n[speech]\nmode = \"loud\"\n");
    EXPECT_EQ(mode.kind, ConfigErrorKind::UnknownValue);
    EXPECT_NE(mode.message.find("\"headphones\""), std::string::npos);
    const ConfigError rate = onlyError("[kiosk]\nid = \"k1\"\n[speech]\nrate_percent = 40\n");
    EXPECT_EQ(rate.kind, ConfigErrorKind::OutOfRange);
    EXPECT_EQ(rate.key, "speech.rate_percent");
    const ConfigError volume = onlyError("[kiosk]\nid = \"k1\"\n[speech]\nvolume_percent = 201\n");
    EXPECT_EQ(volume.kind, ConfigErrorKind::OutOfRange);
    const ConfigError typo = onlyError("[kiosk]\nid = \"k1\"\n[speech]\nvoice = \"pl\"\n");
    EXPECT_EQ(typo.kind, ConfigErrorKind::UnknownKey);
    EXPECT_NE(typo.message.find("voice_data"), std::string::npos);
}

TEST(ConfigTest, VoiceDataMustBeAnEspeakDataDirectory)
{
    TempDir dir;
    const ConfigError e = onlyError("[kiosk]\nid = \"k1\"\n[speech]\nvoice_data = \"" + dir.path().string() + "\"\n");
    EXPECT_EQ(e.kind, ConfigErrorKind::MissingFile);
    EXPECT_EQ(e.key, "speech.voice_data");
    dir.write("phontab", "x");
    const auto r = parseConfig("[kiosk]\nid = \"k1\"\n[speech]\nvoice_data = \"" + dir.path().string() + "\"\n",
                               "/etc/okienko/kiosk.toml");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->speech.voiceData, dir.path());
}

TEST(ConfigTest, TouchTargetOfFifteenMillimetresInPixels)
{
    DisplaySection d;
    d.panelWidthMm = 268.0;
    // 1080 px / 268 mm = 4.03 px/mm → 15 mm = 60.4 px → 61.
    EXPECT_EQ(d.minTouchTargetPx(1080), 61);
    d.panelWidthMm = 216.0;
    EXPECT_EQ(d.minTouchTargetPx(1080), 75); // exactly 5 px/mm
}

TEST(ConfigTest, ExampleFileParsesWithZeroErrors)
{
    const fs::path example = fs::path(OKIENKO_SOURCE_DIR) / "kiosk-config" / "kiosk.example.toml";
    const auto r = loadConfig(example);
    if (!r.ok())
    {
        for (const ConfigError& e : r.error())
        {
            ADD_FAILURE() << e.toString();
        }
        return;
    }
    EXPECT_EQ(r->printer.queue, "receipt");
    EXPECT_EQ(r->printer.format, PrintFormat::EscPos80);
    const fs::path source = fs::weakly_canonical(fs::path(OKIENKO_SOURCE_DIR));
    EXPECT_EQ(fs::weakly_canonical(r->data.assets), source / "assets");
    EXPECT_TRUE(fs::is_directory(r->data.i18nDirectory())) << r->data.i18nDirectory();
}

TEST(ConfigTest, ExampleFileDocumentsEveryKeyItSets)
{
    // Every "key = value" line in the example is preceded by a comment line, so no key is left
    // undocumented.
    std::ifstream in(fs::path(OKIENKO_SOURCE_DIR) / "kiosk-config" / "kiosk.example.toml");
    std::string line;
    std::string previous;
    int keys = 0;
    while (std::getline(in, line))
    {
        const bool isKey = !line.empty() && line[0] != '#' && line[0] != '[' && line.find(" = ") != std::string::npos;
        if (isKey)
        {
            ++keys;
            const bool documented =
                !previous.empty() && (previous[0] == '#' || previous.find(" = ") != std::string::npos);
            EXPECT_TRUE(documented) << "undocumented key: " << line;
        }
        previous = line;
    }
    EXPECT_EQ(keys, 33); // all keys of KioskConfig
}

} // namespace
} // namespace okienko::kiosk
