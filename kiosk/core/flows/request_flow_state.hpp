// What the resident has entered in the counselling, callback and feedback flows, as plain values in
// AppState: Back keeps it, and Home, Cancel and the idle wipe replace it with a fresh value. Nothing
// here names a counselling kind for display: only `kindId` carries it, and screens after the first
// step never look it up.
#pragma once

#include "kiosk/core/flows/flow_field.hpp"
#include "kiosk/core/flows/flow_id.hpp"
#include "kiosk/core/text_buffer.hpp"
#include "kiosk/model/slip_status.hpp"
#include "shared/domain/area.hpp"
#include "shared/domain/callback.hpp"
#include "shared/util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace okienko::kiosk
{

/// Phone digits a keypad may hold: 9 national digits, room for "48…" so "too long" can be said.
inline constexpr std::size_t kPhoneKeypadDigits = 12;
inline constexpr std::size_t kCallbackFirstNameMin = 2;
inline constexpr std::size_t kFirstNameMax = 40;
inline constexpr std::size_t kFullNameMax = 80;
inline constexpr std::size_t kIdeaMaxCodePoints = 1000;

/// The fields the flows' keyboards and keypads type into.
enum class RequestField
{
    CallbackPhone,
    CallbackName,
    CounsellingName,
    CounsellingPhone,
    Idea,
};

/// The result a flow shows on its last screen, once the request row and its outbox row committed.
struct StoredRequest
{
    std::string id;
    std::string code;
    SlipProgress slip;

    friend bool operator==(const StoredRequest&, const StoredRequest&) = default;
};

enum class CallbackDay
{
    None,
    Today,
    Tomorrow,
};

struct CallbackFlowState
{
    FlowField phone{kPhoneKeypadDigits, InputFilter::Digits};
    std::string phoneNormalised; ///< set once the number is valid: screens show it masked
    CallbackDay day = CallbackDay::None;
    std::optional<domain::DayPart> dayPart;
    std::string topicServiceId; ///< "" = no particular topic
    FlowField firstName{kFirstNameMax, InputFilter::PersonName};
    std::string errorKey; ///< translation key of the message on the current step
    bool consent = false;
    std::optional<StoredRequest> stored;
    bool updatedExisting = false; ///< an open request for the number was updated, not a new one made
    Date storedDay;               ///< the day the request was stored for (for the done screen)
    domain::DayPart storedPart = domain::DayPart::Morning; ///< its window (an update may keep the first's)

    friend bool operator==(const CallbackFlowState&, const CallbackFlowState&) = default;
};

/// A published duty slot as the slot step lists it (no counsellor name: not needed to choose).
struct SlotOption
{
    std::string id;
    Date date;
    int startMinute = 0;
    int durationMinutes = 60;
    std::string room;

    friend bool operator==(const SlotOption&, const SlotOption&) = default;
};

enum class BookingState
{
    NotAsked,
    Waiting, ///< asked the server; the consent screen says "checking"
    Booked,
    Taken,   ///< the slot went meanwhile: the slot step offers the server's alternatives
    Offline, ///< no answer: stored as provisional
};

struct CounsellingFlowState
{
    std::string kindId; ///< SENSITIVE: shown on the first step only
    std::vector<SlotOption> slots;
    std::optional<std::string> slotId; ///< nullopt with contactMe: "contact me to arrange"
    bool contactMe = false;
    FlowField name{kFullNameMax, InputFilter::PersonName};
    FlowField phone{kPhoneKeypadDigits, InputFilter::Digits};
    RequestField focus = RequestField::CounsellingName;
    std::string phoneNormalised;
    std::string errorKey;
    bool consent = false;
    std::string requestId; ///< made on the first Confirm; the booking, the row and the outbox share it
    BookingState booking = BookingState::NotAsked;
    bool slotTaken = false; ///< the slot step explains that the chosen time has just gone
    std::optional<StoredRequest> stored;

    friend bool operator==(const CounsellingFlowState&, const CounsellingFlowState&) = default;
};

struct FeedbackState
{
    FlowId flow = FlowId::None; ///< the flow being rated (callback, counselling)
    int rating = 0;             ///< 0: not rated
    bool ratingDone = false;    ///< rated or skipped
    std::optional<domain::Area> ideaArea;
    FlowField idea{kIdeaMaxCodePoints, InputFilter::Any};
    std::string errorKey;
    bool ideaSent = false;

    friend bool operator==(const FeedbackState&, const FeedbackState&) = default;
};

/// The three flows' state, one member of AppState.
struct RequestFlowsState
{
    CounsellingFlowState counselling;
    CallbackFlowState callback;
    FeedbackState feedback;
    /// The flow the session is in (counselling, callback, idea) for usage counts; None = none.
    FlowId activeFlow = FlowId::None;
    std::string lastStep; ///< the step last shown, reported when the flow is abandoned

    friend bool operator==(const RequestFlowsState&, const RequestFlowsState&) = default;
};

} // namespace okienko::kiosk
