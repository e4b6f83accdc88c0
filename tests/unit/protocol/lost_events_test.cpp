// The restore recovery's codec: the epoch in answers, which payloads a kiosk may keep to re-send
// (none with personal data), receipt references, and POST /api/v1/lost-events both ways with the
// JSON path of every malformed field.
#include "shared/protocol/events.hpp"
#include "shared/protocol/lost_events.hpp"

#include <gtest/gtest.h>

using namespace okienko::protocol;

TEST(LostEvents, TheEpochIsReadFromAnyAnswerAndIgnoredWhenOddOrAbsent)
{
    EXPECT_EQ(responseEpoch(R"({"server_time":1,"epoch":"3f9c2a1b7d4e5f60"})"), "3f9c2a1b7d4e5f60");
    EXPECT_EQ(responseEpoch(encodeEventResults({}, "abc")), "abc");
    EXPECT_EQ(responseEpoch(encodeEventResults({})), "");
    EXPECT_EQ(responseEpoch(R"({"epoch":7})"), "");
    EXPECT_EQ(responseEpoch(R"({"epoch":"a b"})"), "");
    EXPECT_EQ(responseEpoch("not json"), "");
}

TEST(LostEvents, OnlyPayloadsWithoutPersonalDataAreResendable)
{
    EXPECT_TRUE(isResendable("usage.recorded", Json{{"kind", "flow-started"}, {"flow", "callback"}}));
    EXPECT_TRUE(isResendable("feedback.rated", Json{{"flow", "callback"}, {"rating", 5}}));
    EXPECT_TRUE(isResendable("loan.extended", Json{{"loan_id", "x"}, {"due", "2030-01-01"}}));
    EXPECT_TRUE(isResendable("loan.checked_in", Json{{"loan_id", "x"}, {"notes", ""}}));
    EXPECT_FALSE(isResendable("loan.checked_in", Json{{"loan_id", "x"}, {"notes", "pan Jan oddał"}}));
    EXPECT_FALSE(isResendable("unit.state_changed", Json{{"notes", "porysowany"}}));
    EXPECT_FALSE(isResendable("idea.submitted", Json{{"text", "więcej ławek"}}));
    for (const char* personal :
         {"reservation.created", "counselling.requested", "callback.requested", "loan.checked_out"})
        EXPECT_FALSE(isResendable(personal, Json::object())) << personal;
    EXPECT_FALSE(isResendable("something.new", Json::object()));
}

TEST(LostEvents, TheReceiptReferenceIsTheCodeElseTheUnitElseTheLoan)
{
    EXPECT_EQ(receiptReference(Json{{"code", "T-7K4-29Q-X4Z"}, {"phone", "600123456"}}), "T-7K4-29Q-X4Z");
    EXPECT_EQ(receiptReference(Json{{"inventory_number", "LAP-1"}, {"loan_id", "abc"}}), "LAP-1");
    EXPECT_EQ(receiptReference(Json{{"loan_id", "5c1d2a0e-0000-4000-8000-000000000001"}}),
              "5c1d2a0e-0000-4000-8000-000000000001");
    EXPECT_EQ(receiptReference(Json{{"kind", "flow-started"}}), "");
    EXPECT_EQ(receiptReference(Json{{"code", "has space"}}), "");
}

TEST(LostEvents, ReportsRoundTripAndMalformedOnesNameTheirPath)
{
    const std::vector<LostEventReport> reports{
        {"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10", "callback.requested", "T-7K4-29Q-X4Z", 1718600000},
        {"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e11", "usage.recorded", "", 1718600001}};
    auto decoded = decodeLostEventReports(encodeLostEventReports(reports));
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    ASSERT_EQ(decoded->size(), 2u);
    EXPECT_EQ((*decoded)[0].reference, "T-7K4-29Q-X4Z");
    EXPECT_EQ((*decoded)[1].ackedAt, 1718600001);

    const auto pathOf = [](const std::string& body)
    {
        auto d = decodeLostEventReports(body);
        return d ? std::string("ok") : d.error().path + " " + std::string(errorCodeName(d.error().code));
    };
    EXPECT_EQ(pathOf(R"({"events":[]})"), "$.events bad_value");
    EXPECT_EQ(pathOf(R"({"events":[{"id":"nope","type":"t","acked_at":1}]})"), "$.events[0].id bad_uuid");
    EXPECT_EQ(pathOf(R"({"events":[{"id":"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10","type":"t","acked_at":-1}]})"),
              "$.events[0].acked_at out_of_range");
    EXPECT_EQ(
        pathOf(R"({"events":[{"id":"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10","type":"t","acked_at":1,"phone":"6"}]})"),
        "$.events[0].phone unknown_field");
    EXPECT_EQ(pathOf(R"({"events":[{"id":"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10","type":"t","reference":"a b",)"
                     R"("acked_at":1}]})"),
              "$.events[0].reference bad_value");
    EXPECT_EQ(pathOf(R"({"events":[{"id":"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10","type":"t","acked_at":1},)"
                     R"({"id":"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10","type":"t","acked_at":1}]})"),
              "$.events[1].id bad_value");
    EXPECT_EQ(pathOf("{"), "$ malformed_json");
}

TEST(LostEvents, ResultsRoundTripWithTheEpoch)
{
    const std::string body = encodeLostEventResults({{"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10", LostEventStatus::Present},
                                                     {"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e11", LostEventStatus::Lost}},
                                                    "ep0ch");
    EXPECT_EQ(responseEpoch(body), "ep0ch");
    auto decoded = decodeLostEventResults(body);
    ASSERT_TRUE(decoded.ok());
    ASSERT_EQ(decoded->size(), 2u);
    EXPECT_EQ((*decoded)[0].status, LostEventStatus::Present);
    EXPECT_EQ((*decoded)[1].status, LostEventStatus::Lost);
    EXPECT_FALSE(decodeLostEventResults(R"({"results":[{"id":"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10","status":"x"}]})"));
}
