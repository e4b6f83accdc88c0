// The kiosk's automation language: a text file, one command per line, that drives the real app
// (support, QA and the UI tests use it). This file only parses; the runner that executes commands
// against the live app lives in the UI layer. See docs/automation.md.
#pragma once

#include "shared/util/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

enum class CommandKind
{
    Lang,            ///< lang pl|uk|en — text = language code.
    Tap,             ///< tap "visible label" — text = label.
    TapId,           ///< tap-id ID — text = id.
    HoldId,          ///< hold-id ID SECONDS — text = id, number = seconds the finger stays (> 0, ≤ 60).
    Type,            ///< type "text" — text = text.
    Key,             ///< key enter|backspace|tab|escape — text = key name.
    Scan,            ///< scan "code" — text = code.
    Expect,          ///< expect "text" — text must be visible.
    ExpectNot,       ///< expect-not "text" — text must not be visible.
    ExpectScreen,    ///< expect-screen ID — text = screen id.
    ExpectWhole,     ///< expect-whole ID — the widget with this id must be on screen whole.
    ExpectMinHeight, ///< expect-min-height ID PX — text = id, number = the least height in pixels.
    ExpectMaxHeight, ///< expect-max-height ID PX — text = id, number = the greatest height in pixels.
    ExpectWholeText, ///< expect-whole-text "text" — a label or paragraph with this text is in sight whole.
    ExpectNoClip,    ///< expect-no-clip — no text or tap target of the current frame is clipped.
    CheckClips,      ///< check-clips on|off|report — text = mode: check every frame from here on.
    Wait,            ///< wait MS — number = milliseconds of real time (an integer ≥ 0).
    AdvanceClock,    ///< advance-clock SECONDS — number = seconds (≥ 0, fractions allowed).
    Screenshot,      ///< screenshot PATH.png — text = path.
    Speech,          ///< speech on|off — text = mode: the kiosk's voice (the speech key's intent).
    Blind,           ///< blind on|off — text = mode: while on, tap/tap-id/type/key fail (only explore).
    Explore,         ///< explore "label" — a finger touches the widget (explore-by-touch: it speaks).
    ExploreId,       ///< explore-id ID — the same by id.
    DoubleTap,       ///< double-tap — two quick taps: activates the widget spoken last.
    ExpectSpoken,    ///< expect-spoken "text" — said since the last screen change or expect-spoken.
    ExpectNotSpoken, ///< expect-not-spoken "text" — not said since the same point.
    ExpectTextSize,  ///< expect-text-size normal|large — text = size: drawn in it, and only its faces baked.
    Monkey,          ///< monkey SEED STEPS — text = seed (digits), number = steps of seeded random use.
};

/// The command word as written in scripts ("tap-id").
std::string_view commandName(CommandKind kind);

struct Command
{
    int line = 0; ///< 1-based line in the script.
    CommandKind kind = CommandKind::Tap;
    std::string text; ///< The text argument (UTF-8, escapes resolved), if the command has one.
    double number =
        0; ///< The numeric argument of wait / advance-clock / hold-id / expect-min/max-height, monkey's steps.

    friend bool operator==(const Command&, const Command&) = default;
};

struct ScriptError
{
    int line = 0;   ///< 1-based.
    int column = 0; ///< 1-based, in characters (code points) of the line.
    std::string message;

    /// "script.txt:3:7: message" (without the name when `source` is empty).
    std::string toString(std::string_view source = {}) const;
};

/// Parses a whole script; reports an error for every bad line (not just the first).
Result<std::vector<Command>, std::vector<ScriptError>> parseScript(std::string_view text);

/// Reads and parses a script file; an unreadable file is one error at line 0.
Result<std::vector<Command>, std::vector<ScriptError>> loadScript(const std::filesystem::path& path);

} // namespace okienko::kiosk
