// kiosk.toml edited in place by --enrol: keys replaced or added where they belong, every other line
// and comment kept byte for byte, values escaped, and files it cannot edit safely refused.
#include "kiosk/core/config.hpp"
#include "kiosk/core/config_editor.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace
{

using namespace okienko::kiosk;

std::string edited(const std::string& text, const std::vector<ConfigKeyValue>& values)
{
    auto out = setConfigKeys(text, values);
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error());
    return out.ok() ? *out : std::string();
}

TEST(ConfigEditor, AnExistingKeyIsReplacedAndItsCommentKept)
{
    const std::string text = "# top\n[kiosk]\n# the id\n  id = \"old\"   # set by --enrol\nname = 'Hol'\n\n"
                             "[server]\nurl = \"\"\n";
    EXPECT_EQ(edited(text, {{"kiosk", "id", "lapy-1"}, {"server", "url", "https://c:8443"}}),
              "# top\n[kiosk]\n# the id\n  id = \"lapy-1\" # set by --enrol\nname = 'Hol'\n\n"
              "[server]\nurl = \"https://c:8443\"\n");
}

TEST(ConfigEditor, AMissingKeyGoesAfterTheTablesLastKey)
{
    const std::string text = "[kiosk]\nid = \"a\"\n# about display\n\n[display]\nwidth = 720\n";
    EXPECT_EQ(edited(text, {{"kiosk", "name", "Hol"}}),
              "[kiosk]\nid = \"a\"\nname = \"Hol\"\n# about display\n\n[display]\nwidth = 720\n");
    EXPECT_EQ(edited("[server]\n# nothing yet\n", {{"server", "url", "https://c"}}),
              "[server]\nurl = \"https://c\"\n# nothing yet\n");
}

TEST(ConfigEditor, AMissingTableIsAppended)
{
    EXPECT_EQ(edited("[kiosk]\nid = \"a\"", {{"server", "token_file", "/etc/okienko/kiosk.token"}}),
              "[kiosk]\nid = \"a\"\n\n[server]\ntoken_file = \"/etc/okienko/kiosk.token\"\n");
    EXPECT_EQ(edited("", {{"kiosk", "id", "a"}}), "[kiosk]\nid = \"a\"\n");
}

TEST(ConfigEditor, AKeyOfTheSameNameInAnotherTableIsNotTouched)
{
    const std::string text = "[idle]\ntimeout_seconds = 90\n[server]\nurl = \"x\"\n";
    EXPECT_EQ(edited(text, {{"server", "timeout_seconds", "5"}}),
              "[idle]\ntimeout_seconds = 90\n[server]\nurl = \"x\"\ntimeout_seconds = \"5\"\n");
}

TEST(ConfigEditor, ValuesAreEscaped)
{
    EXPECT_EQ(tomlBasicString("CUS \"Łapy\" C:\\hol\t\x01"), "\"CUS \\\"Łapy\\\" C:\\\\hol\\t\\u0001\"");
    const std::string out = edited("[kiosk]\nid = \"a\"\n", {{"kiosk", "name", "Hol \"A\" \\ # not a comment"}});
    auto parsed = parseConfig(out, "kiosk.toml");
    ASSERT_TRUE(parsed.ok()) << out;
    EXPECT_EQ(parsed->kiosk.name, "Hol \"A\" \\ # not a comment");
}

TEST(ConfigEditor, TheExampleFileKeepsEveryCommentAndLoads)
{
    std::ifstream in(std::string(OKIENKO_SOURCE_DIR) + "/kiosk-config/kiosk.example.toml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string original = buffer.str();
    const std::string out = edited(original, {{"kiosk", "id", "nowy-1"},
                                              {"kiosk", "name", "Nowy"},
                                              {"server", "url", "https://127.0.0.1:8443"},
                                              {"server", "token_file", "/etc/okienko/kiosk.token"}});
    std::istringstream lines(original);
    for (std::string line; std::getline(lines, line);)
    {
        if (line.rfind('#', 0) == 0)
        {
            EXPECT_NE(out.find(line + "\n"), std::string::npos) << line;
        }
    }
    EXPECT_NE(out.find("\nid = \"nowy-1\"\n"), std::string::npos);
    EXPECT_NE(out.find("\nurl = \"https://127.0.0.1:8443\"\n"), std::string::npos);
    EXPECT_EQ(out.find("lapy-hol-1"), std::string::npos);
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), std::count(original.begin(), original.end(), '\n'));
}

TEST(ConfigEditor, FilesItCannotEditSafelyAreRefused)
{
    auto multiLine = setConfigKeys("[kiosk]\nname = \"\"\"\nHol\n\"\"\"\n", {{"kiosk", "name", "x"}});
    ASSERT_FALSE(multiLine.ok());
    EXPECT_NE(multiLine.error().find("kiosk.name is a multi-line string"), std::string::npos);
    auto dotted = setConfigKeys("kiosk.id = \"a\"\n", {{"kiosk", "id", "b"}});
    ASSERT_FALSE(dotted.ok());
    EXPECT_NE(dotted.error().find("does not parse as TOML after the edit"), std::string::npos) << dotted.error();
    auto inlineTable = setConfigKeys("server = { url = \"a\" }\n", {{"server", "url", "b"}});
    EXPECT_FALSE(inlineTable.ok());
}

} // namespace
