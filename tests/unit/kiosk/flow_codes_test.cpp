// The kiosk's flow names and screen names against the server's validator: every value the kiosk
// can put in a usage event or a rating is accepted, and anything outside the list is refused.
#include "kiosk/core/flows/flow_id.hpp"
#include "kiosk/core/screen_id.hpp"
#include "shared/protocol/flow_codes.hpp"
#include "shared/protocol/payloads.hpp"

#include <gtest/gtest.h>

namespace
{
using namespace okienko;

protocol::Event usageEvent(domain::UsageKind kind, const std::string& flow, const std::string& step = {})
{
    domain::UsageEvent u;
    u.id = "0b6e7a52-6b1c-4c57-9a43-4f1b2e0d9a11";
    u.kind = kind;
    u.flow = flow;
    u.step = step;
    u.rating = 4;
    u.at = 1'700'000'000;
    return protocol::makeUsageEvent(u);
}

std::string refusal(const protocol::Event& e)
{
    auto checked = protocol::validatePayload(e);
    return checked ? std::string() : checked.error().describe();
}
} // namespace

TEST(FlowCodes, EveryFlowTheKioskNamesIsAcceptedInUsageAndRatings)
{
    for (kiosk::FlowId id : kiosk::kAllFlowIds)
    {
        if (id == kiosk::FlowId::None)
            continue;
        const std::string flow = kiosk::flowName(id);
        EXPECT_TRUE(protocol::flow_code::isKnown(flow)) << flow;
        EXPECT_EQ(refusal(usageEvent(domain::UsageKind::Rating, flow)), "") << flow;
        EXPECT_EQ(refusal(usageEvent(domain::UsageKind::FlowStarted, flow)), "") << flow;
        EXPECT_EQ(refusal(usageEvent(domain::UsageKind::FlowFinished, flow)), "") << flow;
    }
    EXPECT_EQ(refusal(usageEvent(domain::UsageKind::ServiceViewed, std::string(protocol::flow_code::kCatalog))), "");
}

TEST(FlowCodes, EveryScreenNameIsAcceptedAsTheAbandonedStep)
{
    for (int i = 0; i <= static_cast<int>(kiosk::ScreenId::StaffUnits); ++i)
    {
        const std::string step(kiosk::screenName(static_cast<kiosk::ScreenId>(i)));
        EXPECT_EQ(refusal(usageEvent(domain::UsageKind::FlowAbandoned, "callback", step)), "") << step;
    }
}

TEST(FlowCodes, FormulasAndUnknownFlowsAreRefusedByName)
{
    for (const char* hostile :
         {"=HYPERLINK(\"http://x\",\"x\")", "=1+1", "+1+1", "-1+2", "@SUM(A1)", "Callback", "catalogue", "callback "})
    {
        const std::string rated = refusal(usageEvent(domain::UsageKind::Rating, hostile));
        EXPECT_NE(rated.find("flow"), std::string::npos) << hostile << ": " << rated;
        EXPECT_NE(rated.find("unknown flow"), std::string::npos) << hostile << ": " << rated;
        EXPECT_NE(refusal(usageEvent(domain::UsageKind::FlowStarted, hostile)), "") << hostile;
    }
    // Control characters are refused before the list is consulted, on the same field.
    EXPECT_NE(refusal(usageEvent(domain::UsageKind::Rating, "\tcallback")).find("$.payload.flow: bad_value"),
              std::string::npos);
    EXPECT_NE(refusal(usageEvent(domain::UsageKind::FlowAbandoned, "callback", "=1+1")).find("step"),
              std::string::npos);
}
