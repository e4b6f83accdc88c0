// Everything the kiosk screens show, as plain values. A user's session lives here and nowhere
// else, so "wipe the session" is "replace the state with a fresh one" and a test can compare the
// whole state after an idle expiry with a fresh state.
#pragma once

#include "kiosk/core/flows/equipment_state.hpp"
#include "kiosk/core/flows/request_flow_state.hpp"
#include "kiosk/core/flows/service_print_state.hpp"
#include "kiosk/core/keyboard_state.hpp"
#include "kiosk/core/router.hpp"
#include "kiosk/core/staff/staff_state.hpp"
#include "kiosk/core/text_buffer.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// Fields a keyboard can type into.
enum class FieldId
{
    Search, ///< catalogue search
    Income, ///< fee calculator: monthly income in złoty
};

enum class BrowseMode
{
    Areas,  ///< by the 14 areas of the CUS act
    Groups, ///< by "who it is for"
    Search, ///< as-you-type search with the keyboard
};

enum class Household
{
    None, ///< not chosen yet
    Single,
    Family,
};

/// A TextBuffer that compares by content, so whole states can be compared.
struct EditField
{
    TextBuffer buffer;

    EditField(std::size_t maxCodePoints, InputFilter filter) : buffer(maxCodePoints, filter) {}
    friend bool operator==(const EditField& a, const EditField& b);
};

/// The on-screen keyboard's language, page and Shift, compared by value.
struct KeyboardModel
{
    KeyboardState state;

    explicit KeyboardModel(domain::Language lang, std::vector<domain::Language> languages)
        : state(lang, std::move(languages))
    {
    }
    friend bool operator==(const KeyboardModel& a, const KeyboardModel& b);
};

struct CatalogueState
{
    BrowseMode mode = BrowseMode::Areas;
    std::optional<domain::Area> area;
    std::optional<domain::TargetGroup> group;
    EditField query{64, InputFilter::Any};
    /// Service ids matching the query, best first (derived from query and language).
    std::vector<std::string> results;

    friend bool operator==(const CatalogueState&, const CatalogueState&) = default;
};

/// Upper bound of the income field in code points: 9 999 999,99 zł is more than enough.
inline constexpr std::size_t kIncomeDigits = 10;

struct FeeCalcState
{
    std::string feeTableId;
    EditField income{kIncomeDigits, InputFilter::Amount};
    Household household = Household::None;

    friend bool operator==(const FeeCalcState&, const FeeCalcState&) = default;
};

struct IdleOverlay
{
    bool visible = false;
    int secondsLeft = 0;

    friend bool operator==(const IdleOverlay&, const IdleOverlay&) = default;
};

/// How the kiosk reaches the central server.
enum class LinkState
{
    Standalone, ///< no server configured: nothing to show
    Connecting, ///< a server is configured, no sync round has ended yet
    Online,     ///< the last sync round succeeded
    Offline,    ///< the last sync round failed: requests wait in the outbox
};

/// The kiosk's connection as the status line shows it. Not user data: survives the idle wipe.
struct ConnectivityStatus
{
    LinkState link = LinkState::Standalone;
    std::optional<std::int64_t> lastSyncAt;             ///< Unix seconds of the last successful sync round
    std::int64_t outboxDepth = 0;                       ///< events not yet acknowledged by the server
    std::optional<std::int64_t> outboxOldestAgeSeconds; ///< age of the oldest unsent event
    std::int64_t deadLetters = 0;                       ///< events the server refused for good
    std::string lastError;                              ///< short code of the last failed round

    friend bool operator==(const ConnectivityStatus&, const ConnectivityStatus&) = default;
};

/// The kiosk's voice as the resident set it: on or off, and how fast and loud (100 = the default
/// pace for seniors). Part of the session: the idle wipe returns it to the configured default.
struct SpeechSettings
{
    bool on = false;
    int ratePercent = 100;   ///< 50 … 200, in steps of kSpeechStep
    int volumePercent = 100; ///< 10 … 200, in steps of kSpeechStep

    friend bool operator==(const SpeechSettings&, const SpeechSettings&) = default;
};

/// The schedule screen's days: today and the six after it.
inline constexpr int kScheduleDays = 7;

inline constexpr int kSpeechStep = 15;
inline constexpr int kSpeechRateMin = 50;
inline constexpr int kSpeechRateMax = 200;
inline constexpr int kSpeechVolumeMin = 10;
inline constexpr int kSpeechVolumeMax = 200;

/// How every session starts (from kiosk.toml).
struct SessionDefaults
{
    domain::Language language = domain::Language::Pl;
    std::vector<domain::Language> languages{domain::Language::Pl, domain::Language::Uk, domain::Language::En};
    bool largeText = false;
    bool highContrast = false;
    bool speechOn = false; ///< the voice at the start of every session (when speechOnNow is empty)
    /// Asked at every session's start (the wipe to the attract screen and the touch that starts a
    /// session) instead of speechOn: [speech] mode "headphones" follows the jack as it is then.
    std::function<bool()> speechOnNow;
    int speechRatePercent = 100;   ///< [speech] rate_percent
    int speechVolumePercent = 100; ///< [speech] volume_percent
};

struct AppState
{
    Router router;
    domain::Language language = domain::Language::Pl;
    std::vector<domain::Language> languages; ///< offered on the language switch
    bool largeText = false;
    bool highContrast = false;
    SpeechSettings speech;
    KeyboardModel keyboard{domain::Language::Pl, {}};
    CatalogueState catalogue;
    std::string serviceId;          ///< the service page shown
    ServicePrintState servicePrint; ///< the service page's "print information" button
    FeeCalcState fee;
    int scheduleDay = 0;        ///< the schedule screen's day: 0 today … kScheduleDays - 1
    EquipmentState equipment;   ///< the equipment reservation flow (kiosk/core/flows/equipment_flow.hpp)
    RequestFlowsState requests; ///< counselling, callback, feedback (kiosk/core/flows/request_flows.hpp)
    StaffState staff;           ///< staff mode (kiosk/core/staff/); the logout wipe erases it
    IdleOverlay idle;
    /// A configuration that could not be used: one line per problem (not user data).
    std::vector<std::string> configErrors;
    /// The link to the server (not user data: kept across session wipes).
    ConnectivityStatus connectivity;

    friend bool operator==(const AppState&, const AppState&) = default;
};

/// The state at the start of every session: attract screen, defaults, nothing entered.
AppState freshState(const SessionDefaults& defaults);

} // namespace okienko::kiosk
