// The counselling, callback and feedback flows driven through the real Controller on the real seed
// catalogue, storing into a real temporary kiosk database with the real outbox: exactly one
// request row and one outbox row per confirmation, one open callback per phone, discretion about
// the counselling kind, and nothing left after an idle wipe.
#include "kiosk/core/controller.hpp"
#include "kiosk/core/flows/callback_flow.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "tests/support/recording_kiosk_services.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;
using std::chrono::seconds;

class RequestFlowsTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto cat = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(cat.ok());
        m_catalog = std::move(cat.value());
        m_index = search::CatalogIndex(m_catalog);
        m_services = std::make_unique<okienko::testing::RecordingKioskServices>(m_dir.file("kiosk.db"));
        ASSERT_TRUE(m_translator.loadDirectory(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n").ok());
        m_state = freshState(m_defaults);
        m_controller = std::make_unique<Controller>(m_state, m_catalog, m_index, m_defaults, seconds(90), seconds(30));
        m_controller->requests().attach(FlowDeps{m_services.get(), &m_translator, &m_clock, "Test kiosk"});
        apply(StartSession{});
    }

    void apply(const Intent& i) { m_controller->apply(i, m_clock.now()); }
    template <typename A> void act(A a) { apply(RequestIntent{RequestAction{std::move(a)}}); }

    void keypad(RequestField field, const std::string& digits)
    {
        for (char c : digits)
            for (const KeyRow& row : numericKeypad().rows)
                for (const Key& k : row)
                    if (k.text == std::string(1, c))
                        act(RequestKey{field, k});
    }
    void letters(RequestField field, const std::string& word)
    {
        for (char c : word)
            for (const KeyRow& row : m_state.keyboard.state.layout().rows)
                for (const Key& k : row)
                    if (k.text == std::string(1, c))
                        act(RequestKey{field, k});
    }

    /// Runs the callback flow up to the confirm screen.
    void callbackUpToConfirm(const std::string& phone, CallbackDay day = CallbackDay::Tomorrow)
    {
        act(StartCallback{});
        keypad(RequestField::CallbackPhone, phone);
        act(NextStep{});
        act(ChooseCallbackDay{day});
        act(ChooseCallbackDayPart{domain::DayPart::Morning});
        act(NextStep{});
        act(ChooseCallbackTopic{""});
        act(NextStep{});
        act(SetConsent{true});
    }

    std::int64_t openCallbacks()
    {
        auto st = m_services->database().prepare(
            "SELECT COUNT(*) FROM callback_requests WHERE status NOT IN ('done','closed','cancelled')");
        EXPECT_TRUE(st.ok());
        EXPECT_TRUE(st->step().ok());
        return st->columnInt64(0).value();
    }

    test::TempDir m_dir{"request-flows"};
    ManualClock m_clock{LocalDateTime{Date{2024, 6, 17}, 9, 30, 0}}; // a Monday morning
    domain::Catalog m_catalog;
    search::CatalogIndex m_index;
    Translator m_translator;
    SessionDefaults m_defaults;
    AppState m_state;
    std::unique_ptr<okienko::testing::RecordingKioskServices> m_services;
    std::unique_ptr<Controller> m_controller;
};

TEST_F(RequestFlowsTest, CallbackRejectsAShortNumberWithItsOwnMessage)
{
    act(StartCallback{});
    keypad(RequestField::CallbackPhone, "60012");
    act(NextStep{});
    EXPECT_EQ(m_state.router.current(), ScreenId::CallbackPhone);
    EXPECT_EQ(m_state.requests.callback.errorKey, "validate.phone.too_short");
    keypad(RequestField::CallbackPhone, "3456");
    EXPECT_TRUE(m_state.requests.callback.errorKey.empty()) << "typing clears the message";
    act(NextStep{});
    EXPECT_EQ(m_state.router.current(), ScreenId::CallbackWhen);
    EXPECT_EQ(m_state.requests.callback.phoneNormalised, "600123456");
}

TEST_F(RequestFlowsTest, CallbackNeedsConsentBeforeStoring)
{
    callbackUpToConfirm("600123456");
    act(SetConsent{false});
    act(ConfirmRequest{});
    EXPECT_EQ(m_state.requests.callback.errorKey, "request.error.consent");
    EXPECT_EQ(m_services->count("callback_requests"), 0);
    auto st = m_services->database().prepare("SELECT COUNT(*) FROM outbox WHERE type = 'callback.requested'");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnInt64(0).value(), 0);
}

TEST_F(RequestFlowsTest, CallbackConfirmStoresOneRowAndOneOutboxRowAndPrintsTheCode)
{
    callbackUpToConfirm("600123456");
    act(ConfirmRequest{});
    act(ConfirmRequest{}); // a double tap
    ASSERT_TRUE(m_state.requests.callback.stored.has_value());
    EXPECT_EQ(m_state.router.current(), ScreenId::CallbackDone);
    EXPECT_EQ(m_services->count("callback_requests"), 1);
    auto st = m_services->database().prepare("SELECT COUNT(*) FROM outbox WHERE type = 'callback.requested'");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnInt64(0).value(), 1);
    const std::string code = m_state.requests.callback.stored->code;
    EXPECT_EQ(code.rfind("T-", 0), 0u) << code;
    ASSERT_EQ(m_services->slips.size(), 1u);
    bool codeOnSlip = false;
    for (const std::string& t : m_services->slips[0].allText())
    {
        codeOnSlip = codeOnSlip || t.find(code) != std::string::npos;
        EXPECT_EQ(t.find("600123456"), std::string::npos) << "the full number must not be printed: " << t;
    }
    EXPECT_TRUE(codeOnSlip);
    EXPECT_EQ(m_state.requests.callback.stored->slip.status, SlipStatus::Printing);
}

TEST_F(RequestFlowsTest, SecondCallbackForTheSameNumberUpdatesTheFirst)
{
    callbackUpToConfirm("600123456");
    act(ConfirmRequest{});
    const std::string firstCode = m_state.requests.callback.stored->code;
    act(FinishFlow{});
    callbackUpToConfirm("600123456", CallbackDay::Today);
    act(ConfirmRequest{});
    ASSERT_TRUE(m_state.requests.callback.stored.has_value());
    EXPECT_TRUE(m_state.requests.callback.updatedExisting);
    EXPECT_EQ(m_state.requests.callback.stored->code, firstCode);
    EXPECT_EQ(openCallbacks(), 1);
    auto st = m_services->database().prepare("SELECT day FROM callback_requests");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnText(0).value(), "2024-06-17") << "the window is the latest wish";
    // Another number is another request.
    act(FinishFlow{});
    callbackUpToConfirm("501234567");
    act(ConfirmRequest{});
    EXPECT_FALSE(m_state.requests.callback.updatedExisting);
    EXPECT_EQ(openCallbacks(), 2);
}

TEST_F(RequestFlowsTest, TodaysWindowsAreNotOfferedOnceTheyHavePassed)
{
    m_clock.advanceSeconds(3 * 3600); // 12:30: the morning is over, the afternoon is not
    act(StartCallback{});
    keypad(RequestField::CallbackPhone, "600123456");
    act(NextStep{});
    act(ChooseCallbackDay{CallbackDay::Today});
    EXPECT_EQ(m_state.requests.callback.day, CallbackDay::Today);
    act(ChooseCallbackDayPart{domain::DayPart::Morning});
    EXPECT_FALSE(m_state.requests.callback.dayPart.has_value());
    EXPECT_EQ(m_state.requests.callback.errorKey, "callback.error.window_passed");
    act(ChooseCallbackDayPart{domain::DayPart::Afternoon});
    EXPECT_EQ(m_state.requests.callback.dayPart, domain::DayPart::Afternoon);
    m_clock.advanceSeconds(4 * 3600); // 16:30: nothing is left today
    act(NextStep{});
    EXPECT_EQ(m_state.router.current(), ScreenId::CallbackWhen);
    EXPECT_EQ(m_state.requests.callback.errorKey, "callback.error.window_passed");
    act(ChooseCallbackDay{CallbackDay::Tomorrow});
    act(ChooseCallbackDay{CallbackDay::Today});
    EXPECT_EQ(m_state.requests.callback.day, CallbackDay::Tomorrow) << "today cannot be chosen any more";
    act(ChooseCallbackDayPart{domain::DayPart::Afternoon});
    EXPECT_TRUE(m_state.requests.callback.errorKey.empty());
}

TEST_F(RequestFlowsTest, CallbackDaysSkipTheWeekend)
{
    // 2024-06-20 is a Thursday, 06-21 a Friday, 06-22/23 the weekend, 06-24 a Monday.
    const LocalDateTime thursday{Date{2024, 6, 20}, 9, 0, 0};
    EXPECT_EQ(callbackDate(CallbackDay::Tomorrow, thursday), (Date{2024, 6, 21}));
    EXPECT_TRUE(callbackNextDayIsTomorrow(thursday));
    const LocalDateTime friday{Date{2024, 6, 21}, 9, 0, 0};
    EXPECT_EQ(callbackDate(CallbackDay::Today, friday), (Date{2024, 6, 21}));
    EXPECT_EQ(callbackDate(CallbackDay::Tomorrow, friday), (Date{2024, 6, 24}));
    EXPECT_FALSE(callbackNextDayIsTomorrow(friday));
    EXPECT_TRUE(callbackWindowOffered(CallbackDay::Today, domain::DayPart::Morning, friday));
    for (const Date weekend : {Date{2024, 6, 22}, Date{2024, 6, 23}})
    {
        const LocalDateTime morning{weekend, 8, 0, 0};
        EXPECT_FALSE(callbackWindowOffered(CallbackDay::Today, domain::DayPart::Morning, morning));
        EXPECT_FALSE(callbackWindowOffered(CallbackDay::Today, domain::DayPart::Afternoon, morning));
        EXPECT_EQ(callbackDate(CallbackDay::Tomorrow, morning), (Date{2024, 6, 24}));
    }
    EXPECT_TRUE(callbackNextDayIsTomorrow(LocalDateTime{Date{2024, 6, 23}, 8, 0, 0})) << "Sunday's tomorrow is Monday";
}

TEST_F(RequestFlowsTest, AFridayEveningRequestIsStoredForMonday)
{
    m_clock.advanceSeconds(4 * 86400 + 9 * 3600); // Friday 2024-06-21, 18:30
    act(StartCallback{});
    keypad(RequestField::CallbackPhone, "600123456");
    act(NextStep{});
    act(ChooseCallbackDay{CallbackDay::Today});
    EXPECT_EQ(m_state.requests.callback.day, CallbackDay::None);
    callbackUpToConfirm("600123456");
    act(ConfirmRequest{});
    ASSERT_TRUE(m_state.requests.callback.stored.has_value());
    EXPECT_EQ(m_state.requests.callback.storedDay, (Date{2024, 6, 24}));
    auto st = m_services->database().prepare("SELECT day FROM callback_requests");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnText(0).value(), "2024-06-24");
    ASSERT_EQ(m_services->slips.size(), 1u);
    bool dated = false;
    for (const std::string& t : m_services->slips[0].allText())
        dated = dated || t.find("24.06.2024") != std::string::npos;
    EXPECT_TRUE(dated) << "the slip names the actual date";
}

TEST_F(RequestFlowsTest, BackKeepsWhatWasEnteredAndHomeErasesIt)
{
    act(StartCallback{});
    keypad(RequestField::CallbackPhone, "600123456");
    act(NextStep{});
    act(ChooseCallbackDay{CallbackDay::Tomorrow});
    apply(GoBack{});
    EXPECT_EQ(m_state.router.current(), ScreenId::CallbackPhone);
    EXPECT_EQ(m_state.requests.callback.phone.buffer.text(), "600123456");
    apply(OpenScreen{ScreenId::CallbackWhen});
    EXPECT_EQ(m_state.requests.callback.day, CallbackDay::Tomorrow);
    apply(GoHome{});
    EXPECT_EQ(m_state.requests, RequestFlowsState{});
}

TEST_F(RequestFlowsTest, IdleWipeMidFlowErasesEverythingAndCountsTheAbandonedStep)
{
    act(StartCounselling{});
    act(ChooseCounsellingKind{"addiction"});
    act(ChooseCounsellingSlot{std::nullopt});
    letters(RequestField::CounsellingName, "anna");
    act(FocusRequestField{RequestField::CounsellingPhone});
    keypad(RequestField::CounsellingPhone, "600123456");
    ASSERT_FALSE(m_state.requests.counselling.name.buffer.empty());
    m_clock.advanceSeconds(200);
    m_controller->tick(m_clock.now());
    m_controller->tick(m_clock.now());
    AppState fresh = freshState(m_defaults);
    fresh.connectivity = m_state.connectivity;
    EXPECT_EQ(m_state.requests, RequestFlowsState{});
    EXPECT_EQ(m_state, fresh);
    auto st = m_services->database().prepare("SELECT flow, step FROM usage_events WHERE kind = 'flow-abandoned'");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnText(0).value(), "counselling");
    EXPECT_EQ(st->columnText(1).value(), "counselling-contact");
    EXPECT_EQ(m_services->count("counselling_requests"), 0);
}

TEST_F(RequestFlowsTest, CounsellingOfflineStoresProvisionallyAndNeverPrintsTheKind)
{
    act(StartCounselling{});
    act(ChooseCounsellingKind{"addiction"});
    act(NextStep{});
    EXPECT_EQ(m_state.requests.counselling.errorKey, "counselling.error.slot");
    act(ChooseCounsellingSlot{std::nullopt});
    act(NextStep{});
    EXPECT_EQ(m_state.requests.counselling.errorKey, "input.empty.name");
    letters(RequestField::CounsellingName, "anna");
    act(FocusRequestField{RequestField::CounsellingPhone});
    keypad(RequestField::CounsellingPhone, "600123456");
    act(NextStep{});
    ASSERT_EQ(m_state.router.current(), ScreenId::CounsellingConsent);
    act(ConfirmRequest{});
    EXPECT_EQ(m_state.requests.counselling.errorKey, "request.error.consent");
    act(SetConsent{true});
    act(ConfirmRequest{});
    act(ConfirmRequest{});
    ASSERT_TRUE(m_state.requests.counselling.stored.has_value());
    EXPECT_EQ(m_services->count("counselling_requests"), 1);
    auto st = m_services->database().prepare("SELECT r.id, o.id, r.status, r.kind_id FROM counselling_requests r"
                                             " JOIN outbox o ON o.id = r.id");
    ASSERT_TRUE(st.ok() && st->step().ok() && st->columnText(0).ok());
    EXPECT_EQ(st->columnText(0).value(), st->columnText(1).value()) << "outbox id = request id";
    EXPECT_EQ(st->columnText(2).value(), "provisional");
    EXPECT_EQ(st->columnText(3).value(), "addiction");
    EXPECT_EQ(m_state.requests.counselling.stored->code.rfind("S-", 0), 0u);
    ASSERT_EQ(m_services->slips.size(), 1u);
    for (const domain::CounsellingKind& k : m_catalog.counsellingKinds)
        for (const domain::Language l : {domain::Language::Pl, domain::Language::Uk, domain::Language::En})
            for (const std::string& t : m_services->slips[0].allText())
                EXPECT_EQ(t.find(k.name.in(l)), std::string::npos) << t;
}

TEST_F(RequestFlowsTest, CounsellingOnlineBooksWithTheRequestIdAndOffersAlternativesWhenTaken)
{
    ASSERT_TRUE(m_services->database()
                    .exec("INSERT INTO counselling_slots(id, counsellor, room, date, start_minute, duration_minutes)"
                          " VALUES ('s1', 'X', '12', '2024-06-18', 600, 60), ('s2', 'X', '12', '2024-06-19', 600, 60);"
                          "INSERT INTO counselling_slot_kinds VALUES ('s1', 0, 'family'), ('s2', 0, 'family');")
                    .ok());
    m_services->serverConfigured = true;
    act(StartCounselling{});
    act(ChooseCounsellingKind{"family"});
    ASSERT_EQ(m_state.requests.counselling.slots.size(), 2u);
    act(ChooseCounsellingSlot{std::string("s1")});
    letters(RequestField::CounsellingName, "anna");
    act(FocusRequestField{RequestField::CounsellingPhone});
    keypad(RequestField::CounsellingPhone, "600123456");
    act(NextStep{});
    act(SetConsent{true});
    act(ConfirmRequest{});
    act(ConfirmRequest{});
    ASSERT_EQ(m_services->bookings.size(), 1u) << "a double tap books once";
    const std::string requestId = m_services->bookings[0].requestId;
    EXPECT_EQ(m_services->count("counselling_requests"), 0) << "nothing stored before the answer";

    BookCompletion taken;
    taken.requestId = requestId;
    taken.outcome.kind = sync::BookOutcome::Kind::Taken;
    protocol::CounsellingBookResponse resp;
    domain::CounsellingSlot alt;
    alt.id = "s2";
    alt.date = Date{2024, 6, 19};
    alt.startMinute = 600;
    alt.room = "12";
    resp.alternatives.push_back(alt);
    taken.outcome.response = resp;
    m_controller->onCompletion(taken);
    EXPECT_EQ(m_state.router.current(), ScreenId::CounsellingSlot);
    EXPECT_TRUE(m_state.requests.counselling.slotTaken);
    EXPECT_EQ(m_state.requests.counselling.name.buffer.text(), "anna");

    act(ChooseCounsellingSlot{std::string("s2")});
    act(NextStep{});
    act(ConfirmRequest{});
    ASSERT_EQ(m_services->bookings.size(), 2u);
    EXPECT_EQ(m_services->bookings[1].requestId, requestId);
    BookCompletion booked;
    booked.requestId = requestId;
    booked.outcome.kind = sync::BookOutcome::Kind::Booked;
    m_controller->onCompletion(booked);
    ASSERT_TRUE(m_state.requests.counselling.stored.has_value());
    EXPECT_EQ(m_state.requests.counselling.stored->id, requestId);
    auto st = m_services->database().prepare("SELECT r.status, s.booked FROM counselling_requests r"
                                             " JOIN counselling_slots s ON s.id = r.slot_id");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnText(0).value(), "confirmed");
    EXPECT_EQ(st->columnInt(1).value(), 1);
}

TEST_F(RequestFlowsTest, RatingAndIdeaAreStoredWithTheirOutboxRows)
{
    callbackUpToConfirm("600123456");
    act(ConfirmRequest{});
    act(RateFlow{7});
    EXPECT_FALSE(m_state.requests.feedback.ratingDone);
    act(RateFlow{4});
    act(RateFlow{5});
    auto st = m_services->database().prepare("SELECT COUNT(*), MAX(rating) FROM usage_events WHERE kind = 'rating'");
    ASSERT_TRUE(st.ok() && st->step().ok());
    EXPECT_EQ(st->columnInt64(0).value(), 1);
    EXPECT_EQ(st->columnInt(1).value(), 4);
    act(OpenIdeaBox{});
    act(SubmitIdea{});
    EXPECT_EQ(m_state.requests.feedback.errorKey, "idea.error.area");
    act(ChooseIdeaArea{domain::Area::Culture});
    act(SubmitIdea{});
    EXPECT_EQ(m_state.requests.feedback.errorKey, "input.empty.idea");
    letters(RequestField::Idea, "kino");
    act(SubmitIdea{});
    EXPECT_TRUE(m_state.requests.feedback.ideaSent);
    auto o = m_services->database().prepare("SELECT COUNT(*) FROM outbox WHERE type = 'idea.submitted'");
    ASSERT_TRUE(o.ok() && o->step().ok());
    EXPECT_EQ(o->columnInt64(0).value(), 1);
}

} // namespace
