// One open callback request per phone number: a second request updates the first and says so.
#include "shared/rules/callback_dedup.hpp"

#include <gtest/gtest.h>
#include <vector>

using okienko::Date;
using okienko::domain::CallbackRequest;
using okienko::domain::DayPart;
using okienko::domain::Language;
using okienko::domain::RequestStatus;
using okienko::rules::CallbackMergeOutcome;
using okienko::rules::mergeCallbackRequest;

namespace
{

CallbackRequest request(const std::string& id, const std::string& phone, okienko::domain::Timestamp createdAt,
                        RequestStatus status = RequestStatus::Received)
{
    CallbackRequest r;
    r.id = id;
    r.code = "T-" + id;
    r.phone = phone;
    r.day = Date{2026, 3, 2};
    r.dayPart = DayPart::Morning;
    r.topicServiceId = "lapy-wypozyczalnia";
    r.firstName = "Anna";
    r.status = status;
    r.kioskId = "lapy-hol-1";
    r.createdAt = createdAt;
    return r;
}

} // namespace

TEST(CallbackDedup, OpenMeansNotDoneClosedOrCancelled)
{
    CallbackRequest r = request("a", "600100200", 1);
    for (auto s : {RequestStatus::Provisional, RequestStatus::Received, RequestStatus::Confirmed, RequestStatus::Moved})
    {
        r.status = s;
        EXPECT_TRUE(okienko::rules::isOpenCallback(r)) << static_cast<int>(s);
    }
    for (auto s : {RequestStatus::Done, RequestStatus::Closed, RequestStatus::Cancelled})
    {
        r.status = s;
        EXPECT_FALSE(okienko::rules::isOpenCallback(r)) << static_cast<int>(s);
    }
}

TEST(CallbackDedup, PhoneKeyIgnoresFormattingAndTheCountryCode)
{
    EXPECT_EQ(okienko::rules::callbackPhoneKey("600100200"), "600100200");
    EXPECT_EQ(okienko::rules::callbackPhoneKey("+48 600 100 200"), "600100200");
    EXPECT_EQ(okienko::rules::callbackPhoneKey("0048-600-100-200"), "600100200");
    EXPECT_EQ(okienko::rules::callbackPhoneKey("48600100200"), "600100200");
    EXPECT_EQ(okienko::rules::callbackPhoneKey("(85) 715 22 40"), "857152240");
    EXPECT_EQ(okienko::rules::callbackPhoneKey("tel."), "");
}

TEST(CallbackDedup, AnEmptyPhoneNeverMatches)
{
    const std::vector<CallbackRequest> existing{request("a", "", 1)};
    auto r = mergeCallbackRequest(existing, request("b", "", 2));
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Created);
    EXPECT_EQ(r.request.id, "b");
}

TEST(CallbackDedup, WithoutAnOpenRequestForTheNumberTheNewOneIsCreated)
{
    const std::vector<CallbackRequest> existing{
        request("a", "600100200", 1, RequestStatus::Done), request("b", "600100200", 2, RequestStatus::Closed),
        request("c", "600100200", 3, RequestStatus::Cancelled), request("d", "511222333", 4)};
    CallbackRequest incoming = request("e", "600100200", 10, RequestStatus::Provisional);
    incoming.dayPart = DayPart::Afternoon;
    auto r = mergeCallbackRequest(existing, incoming);
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Created);
    EXPECT_EQ(r.request.id, "e");
    EXPECT_EQ(r.request.code, "T-e");
    EXPECT_EQ(r.request.dayPart, DayPart::Afternoon);
    EXPECT_TRUE(r.otherOpenIds.empty());
    EXPECT_EQ(mergeCallbackRequest({}, incoming).outcome, CallbackMergeOutcome::Created);
}

TEST(CallbackDedup, ASecondRequestUpdatesTheOpenOneAndKeepsItsIdentity)
{
    CallbackRequest first = request("a", "600100200", 100, RequestStatus::Confirmed);
    first.failedAttempts = 1;
    const std::vector<CallbackRequest> existing{first};

    CallbackRequest second = request("b", "+48 600 100 200", 500, RequestStatus::Provisional);
    second.day = Date{2026, 3, 3};
    second.dayPart = DayPart::Afternoon;
    second.topicServiceId = "lapy-mieszkanie-chronione";
    second.firstName = "Ania";
    second.language = Language::Uk;
    second.kioskId = "lapy-hol-2";

    auto r = mergeCallbackRequest(existing, second);
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Updated);
    EXPECT_TRUE(r.changed);
    // Identity and history of the first request stay.
    EXPECT_EQ(r.request.id, "a");
    EXPECT_EQ(r.request.code, "T-a");
    EXPECT_EQ(r.request.phone, "600100200");
    EXPECT_EQ(r.request.createdAt, 100);
    EXPECT_EQ(r.request.status, RequestStatus::Confirmed);
    EXPECT_EQ(r.request.failedAttempts, 1);
    EXPECT_EQ(r.request.kioskId, "lapy-hol-1");
    // The resident's new wishes apply.
    EXPECT_EQ(r.request.day, (Date{2026, 3, 3}));
    EXPECT_EQ(r.request.dayPart, DayPart::Afternoon);
    EXPECT_EQ(r.request.topicServiceId, "lapy-mieszkanie-chronione");
    EXPECT_EQ(r.request.firstName, "Ania");
    EXPECT_EQ(r.request.language, Language::Uk);
}

TEST(CallbackDedup, ARequestWithoutTopicOrNameKeepsTheEarlierOnes)
{
    CallbackRequest first = request("a", "600100200", 100);
    first.equipmentTypeId = "wozek-inwalidzki"; // on the waiting list for a wheelchair
    CallbackRequest second = request("b", "600100200", 200);
    second.topicServiceId.clear();
    second.firstName.clear();
    second.dayPart = DayPart::Afternoon;
    auto r = mergeCallbackRequest(std::vector<CallbackRequest>{first}, second);
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Updated);
    EXPECT_EQ(r.request.topicServiceId, "lapy-wypozyczalnia");
    EXPECT_EQ(r.request.equipmentTypeId, "wozek-inwalidzki");
    EXPECT_EQ(r.request.firstName, "Anna");
    EXPECT_EQ(r.request.dayPart, DayPart::Afternoon);
}

TEST(CallbackDedup, TheSameRequestAgainIsAnUpdateWithoutChange)
{
    const CallbackRequest first = request("a", "600100200", 100);
    auto r = mergeCallbackRequest(std::vector<CallbackRequest>{first}, request("b", "600100200", 200));
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Updated);
    EXPECT_FALSE(r.changed);
    EXPECT_EQ(r.request.id, "a");
}

TEST(CallbackDedup, WithSeveralOpenRequestsTheOldestIsKeptAndTheOthersReported)
{
    const std::vector<CallbackRequest> existing{request("late", "600100200", 300), request("early", "600100200", 100),
                                                request("closed", "600100200", 50, RequestStatus::Closed),
                                                request("middle", "600100200", 200)};
    auto r = mergeCallbackRequest(existing, request("new", "600100200", 400));
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Updated);
    EXPECT_EQ(r.request.id, "early");
    EXPECT_EQ(r.otherOpenIds, (std::vector<std::string>{"late", "middle"}));
}

TEST(CallbackDedup, AStoredCopyOfTheIncomingRequestIsNotItsOwnDuplicate)
{
    // The server may already hold the request when a retry arrives; it must not merge with itself.
    const CallbackRequest incoming = request("a", "600100200", 100);
    auto r = mergeCallbackRequest(std::vector<CallbackRequest>{incoming}, incoming);
    EXPECT_EQ(r.outcome, CallbackMergeOutcome::Created);
    EXPECT_EQ(r.request.id, "a");
}
