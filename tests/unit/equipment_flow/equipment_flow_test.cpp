// The equipment reservation flow driven through the Controller on the real Łapy catalogue and a
// real temporary kiosk database: what is stored (exactly one reservation and one outbox event, or
// nothing), what a resident sees at each step, availability, and that nothing survives Home,
// Cancel or the idle wipe.
#include "kiosk/core/controller.hpp"
#include "kiosk/core/flows/reservation_writer.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "shared/catalog/catalog_loader.hpp"
#include "shared/util/uuid.hpp"
#include "tests/support/recording_kiosk_services.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace
{

using namespace okienko;
using namespace okienko::kiosk;
using std::chrono::seconds;

const Date kToday{2024, 1, 15}; // ManualClock's default start

class EquipmentFlowTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        auto cat = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
        ASSERT_TRUE(cat.ok());
        m_catalog = std::move(cat.value());
        build();
    }

    void build()
    {
        m_index = search::CatalogIndex(m_catalog);
        m_state = freshState(m_defaults);
        m_services = std::make_unique<okienko::testing::RecordingKioskServices>(m_dir.file("kiosk.db"));
        m_controller = std::make_unique<Controller>(m_state, m_catalog, m_index, m_defaults, seconds(90), seconds(30));
        m_controller->equipment().attach(FlowDeps{m_services.get(), &m_tr, &m_clock, "Test kiosk"});
        apply(StartSession{});
    }

    void apply(const Intent& i) { m_controller->apply(i, m_clock.now()); }
    void eq(equipment::Action a) { apply(EquipmentIntent{std::move(a)}); }

    /// Types `text` into the focused field with the keys a finger would tap.
    void type(const std::string& text)
    {
        const bool keypad = m_state.equipment.person.focus == PersonField::Phone ||
                            m_state.equipment.person.focus == PersonField::PostalCode;
        std::size_t i = 0;
        while (i < text.size())
        {
            std::size_t len = 1;
            while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80)
                ++len;
            const std::string ch = text.substr(i, len);
            bool found = false;
            for (int attempt = 0; attempt < 2 && !found; ++attempt)
            {
                const KeyboardLayout& layout = keypad ? numericKeypad() : m_state.keyboard.state.layout();
                const Key* pageKey = nullptr;
                for (const KeyRow& row : layout.rows)
                    for (const Key& k : row)
                    {
                        if (k.action == KeyAction::SwitchPage)
                            pageKey = &k;
                        if (!found && (k.text == ch || (ch == " " && k.action == KeyAction::Space)))
                        {
                            eq(equipment::Press{k});
                            found = true;
                        }
                    }
                if (!found && pageKey != nullptr)
                    eq(equipment::Press{*pageKey}); // digits and '.' are on the other page
            }
            if (!found)
                ADD_FAILURE() << "no key types " << ch;
            i += len;
        }
    }
    void fill(PersonField f, const std::string& text)
    {
        eq(equipment::Focus{f});
        type(text);
    }

    /// Type list → dates → clause → personal data, with valid data throughout.
    void upToSummary(const std::string& typeId = "kule-lokciowe")
    {
        eq(equipment::Start{});
        eq(equipment::SelectType{typeId});
        eq(equipment::PickDate{kToday.plusDays(2)});
        eq(equipment::DatesNext{});
        eq(equipment::AcknowledgeClause{});
        fill(PersonField::Name, "anna kowalska");
        fill(PersonField::Phone, "600123456");
        fill(PersonField::Street, "ul. polna 5");
        fill(PersonField::PostalCode, "18100");
        fill(PersonField::City, "łapy");
        eq(equipment::ToggleResidency{});
        eq(equipment::PersonNext{});
    }

    test::TempDir m_dir{"equipment-flow"};
    ManualClock m_clock;
    Translator m_tr; // no tables: the slip shows keys, which is enough to check its facts
    SessionDefaults m_defaults;
    domain::Catalog m_catalog;
    search::CatalogIndex m_index;
    AppState m_state;
    std::unique_ptr<okienko::testing::RecordingKioskServices> m_services;
    std::unique_ptr<Controller> m_controller;
};

TEST_F(EquipmentFlowTest, OfflineConfirmStoresOneReservationWithItsOutboxEventAndPrintsTheCode)
{
    upToSummary();
    ASSERT_EQ(m_state.router.current(), ScreenId::EquipmentSummary);
    EXPECT_EQ(m_services->count("reservations"), 0) << "nothing is stored before Confirm";
    eq(equipment::Confirm{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentDone);
    EXPECT_EQ(m_state.equipment.phase, EquipmentPhase::Done);
    EXPECT_EQ(m_state.equipment.status, domain::ReservationStatus::Provisional);
    EXPECT_EQ(m_services->count("reservations"), 1);
    EXPECT_EQ(m_services->count("outbox"), 1);
    EXPECT_GE(m_services->outboxSignals, 1);
    // The outbox event is the reservation's own id (the idempotency key) and its type.
    auto st = m_services->database().prepare(
        "SELECT r.id = o.id, o.type, r.person_phone, r.address_postal_code, r.pick_up_date, r.loan_days "
        "FROM reservations r JOIN outbox o ON o.id = r.id");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st.value().step().ok());
    EXPECT_TRUE(st.value().columnBool(0).value());
    EXPECT_EQ(st.value().columnText(1).value(), "reservation.created");
    EXPECT_EQ(st.value().columnText(2).value(), "600123456");
    EXPECT_EQ(st.value().columnText(3).value(), "18-100");
    EXPECT_EQ(st.value().columnText(4).value(), kToday.plusDays(2).iso());
    EXPECT_EQ(st.value().columnInt(5).value(), 30) << "the type's default period";
    // The slip carries the same code that the screen shows; the typed data is gone from memory.
    ASSERT_EQ(m_services->slips.size(), 1u);
    const auto text = m_services->slips.front().allText();
    EXPECT_NE(std::find(text.begin(), text.end(), m_state.equipment.code), text.end());
    EXPECT_TRUE(rules::parseReferenceCode(m_state.equipment.code, rules::ReferenceKind::Reservation).ok());
    EXPECT_EQ(m_state.equipment.maskedPhone, "600 *** *56");
    EXPECT_TRUE(m_state.equipment.person.name.buffer.empty());
    EXPECT_TRUE(m_state.equipment.person.phone.buffer.empty());
}

TEST_F(EquipmentFlowTest, DoubleConfirmMakesOneRequestOfflineAndOnline)
{
    upToSummary();
    eq(equipment::Confirm{});
    eq(equipment::Confirm{});
    EXPECT_EQ(m_services->count("reservations"), 1);
    EXPECT_EQ(m_services->count("outbox"), 1);
    EXPECT_EQ(m_services->slips.size(), 1u);

    // Online: the second tap comes while the hold is being checked.
    apply(GoHome{});
    m_services->serverConfigured = true;
    upToSummary("balkonik");
    eq(equipment::Confirm{});
    EXPECT_EQ(m_state.equipment.phase, EquipmentPhase::Checking);
    eq(equipment::Confirm{});
    ASSERT_EQ(m_services->holds.size(), 1u);
    EXPECT_EQ(m_services->count("reservations"), 1) << "nothing new is stored before the hold answers";
    const std::string id = m_services->holds.front().reservationId;
    EXPECT_EQ(m_services->holds.front().typeId, "balkonik");
    sync::HoldOutcome held;
    held.kind = sync::HoldOutcome::Kind::Held;
    m_controller->onCompletion(HoldCompletion{id, held});
    m_controller->onCompletion(HoldCompletion{id, held}); // a repeated answer changes nothing
    eq(equipment::Confirm{});
    EXPECT_EQ(m_state.equipment.status, domain::ReservationStatus::Held);
    EXPECT_EQ(m_services->count("reservations"), 2);
    EXPECT_EQ(m_services->count("outbox"), 2);
    auto st = m_services->database().prepare("SELECT status FROM reservations WHERE id = ?1");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st.value().bind(1, id).ok());
    ASSERT_EQ(st.value().step().value(), db::Step::Row) << "the stored row has the hold's id";
    EXPECT_EQ(st.value().columnText(0).value(), "held");
}

TEST_F(EquipmentFlowTest, CancelAndHomeStoreNothingAndEraseEverything)
{
    upToSummary();
    eq(equipment::Cancel{});
    EXPECT_EQ(m_state.router.current(), ScreenId::Home);
    EXPECT_EQ(m_state.equipment, EquipmentState{});
    upToSummary();
    apply(GoHome{});
    EXPECT_EQ(m_state.equipment, EquipmentState{});
    EXPECT_EQ(m_services->count("reservations"), 0);
    EXPECT_EQ(m_services->count("outbox"), 0);
}

TEST_F(EquipmentFlowTest, IdleWipeErasesEveryFieldOfTheFlow)
{
    upToSummary();
    eq(equipment::ToggleOnBehalf{});
    fill(PersonField::CarerName, "jan kowalski");
    ASSERT_NE(m_state.equipment, EquipmentState{});
    m_clock.advanceSeconds(91 + 31);
    m_controller->tick(m_clock.now());
    EXPECT_EQ(m_state.router.current(), ScreenId::Attract);
    EXPECT_EQ(m_state.equipment, EquipmentState{});
    AppState fresh = freshState(m_defaults);
    fresh.connectivity = m_state.connectivity;
    EXPECT_EQ(m_state, fresh);
    EXPECT_EQ(m_services->count("reservations"), 0);
}

TEST_F(EquipmentFlowTest, BackKeepsWhatWasEntered)
{
    upToSummary();
    apply(GoBack{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentPerson);
    apply(GoBack{});
    apply(GoBack{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentDates);
    EXPECT_EQ(m_state.equipment.pickUp, kToday.plusDays(2));
    // Forward again: the clause is not asked twice and the data is still there.
    eq(equipment::DatesNext{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentPerson);
    EXPECT_EQ(m_state.equipment.person.name.buffer.text(), "anna kowalska");
    EXPECT_EQ(m_state.equipment.person.phone.buffer.text(), "600123456");
    apply(SetLanguage{domain::Language::Uk});
    EXPECT_EQ(m_state.equipment.person.city.buffer.text(), "łapy");
}

TEST_F(EquipmentFlowTest, ValidationNamesEachBadFieldAndStopsAtTheDeclaration)
{
    eq(equipment::Start{});
    eq(equipment::SelectType{"kule-lokciowe"});
    eq(equipment::DatesNext{});
    EXPECT_EQ(m_state.equipment.dateErrorKey, "equipment.error.pick_date");
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentDates);
    eq(equipment::PickDate{kToday.plusDays(-1)});
    EXPECT_EQ(m_state.equipment.dateErrorKey, "equipment.error.date_range");
    eq(equipment::PickDate{kToday.plusDays(kPickUpHorizonDays + 1)});
    EXPECT_EQ(m_state.equipment.dateErrorKey, "equipment.error.date_range");
    eq(equipment::SetDays{1000});
    EXPECT_EQ(m_state.equipment.days, 90) << "clamped to the type's maximum";
    eq(equipment::PickDate{kToday});
    eq(equipment::DatesNext{});
    eq(equipment::AcknowledgeClause{});
    fill(PersonField::Name, "a");
    fill(PersonField::Phone, "60012");
    fill(PersonField::PostalCode, "181");
    eq(equipment::PersonNext{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentPerson);
    const std::vector<PersonFieldError> expected{{PersonField::Name, "validate.name.too_short"},
                                                 {PersonField::Phone, "validate.phone.too_short"},
                                                 {PersonField::Street, "input.empty.street"},
                                                 {PersonField::PostalCode, "validate.postal_code.format"},
                                                 {PersonField::City, "input.empty.city"}};
    EXPECT_EQ(m_state.equipment.person.errors, expected);
    EXPECT_EQ(m_state.equipment.person.focus, PersonField::Name);
    EXPECT_TRUE(m_state.equipment.residencyError);
    fill(PersonField::Name, "nna nowak");
    fill(PersonField::Phone, "3456");
    fill(PersonField::Street, "polna 5");
    fill(PersonField::PostalCode, "00");
    fill(PersonField::City, "łapy");
    eq(equipment::PersonNext{});
    EXPECT_TRUE(m_state.equipment.person.errors.empty());
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentPerson) << "the declaration is still missing";
    eq(equipment::ToggleResidency{});
    eq(equipment::PersonNext{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentSummary);
    EXPECT_EQ(m_services->count("reservations"), 0);
}

TEST_F(EquipmentFlowTest, TypesWithoutAFreeUnitShowTheNextDate)
{
    // Crutches: 3 lendable units (the fourth is in cleaning). Three stored reservations take them
    // all for the first ten days; the list must say when they are free again.
    for (int i = 0; i < 3; ++i)
    {
        domain::Reservation r;
        r.id = newUuid();
        r.code = "R-AB" + std::to_string(i);
        r.typeId = "kule-lokciowe";
        r.period = DateRange{kToday, 10};
        r.status = domain::ReservationStatus::Provisional;
        r.kioskId = "test-kiosk";
        ASSERT_TRUE(writeReservation(m_services->database(), r).ok());
    }
    // Rollator: its only lendable unit is taken for the whole horizon; LAP-RO-002 is in repair.
    domain::Reservation longOne;
    longOne.id = newUuid();
    longOne.code = "R-LONG";
    longOne.typeId = "rolator";
    longOne.period = DateRange{kToday, 180};
    longOne.status = domain::ReservationStatus::Held;
    ASSERT_TRUE(writeReservation(m_services->database(), longOne).ok());
    eq(equipment::Start{});
    auto find = [&](const std::string& id)
    {
        for (const TypeAvailability& a : m_state.equipment.availability)
            if (a.typeId == id)
                return a;
        ADD_FAILURE() << id;
        return TypeAvailability{};
    };
    EXPECT_EQ(find("kule-lokciowe").freeNow, 0);
    EXPECT_EQ(find("kule-lokciowe").nextAvailable, kToday.plusDays(10));
    EXPECT_EQ(find("wozek-inwalidzki").freeNow, 3) << "the unit in cleaning does not count";
    EXPECT_EQ(find("rolator").freeNow, 0);
    EXPECT_FALSE(find("rolator").nextAvailable.has_value());

    // Asking for crutches now: refused with the next date; the next date itself goes through.
    eq(equipment::SelectType{"kule-lokciowe"});
    eq(equipment::PickDate{kToday.plusDays(3)});
    eq(equipment::DatesNext{});
    EXPECT_EQ(m_state.equipment.dateErrorKey, "equipment.error.none_free");
    EXPECT_EQ(m_state.equipment.suggestedDate, kToday.plusDays(10));
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentDates);
    eq(equipment::PickDate{kToday.plusDays(10)});
    eq(equipment::DatesNext{});
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentClause);
}

TEST_F(EquipmentFlowTest, ServerSaysUnavailableThenTheWaitingListStoresOneEntryAndItsEvent)
{
    m_services->serverConfigured = true;
    upToSummary("wozek-inwalidzki");
    eq(equipment::Confirm{});
    ASSERT_EQ(m_services->holds.size(), 1u);
    sync::HoldOutcome none;
    none.kind = sync::HoldOutcome::Kind::Unavailable;
    none.response = protocol::HoldResponse{};
    none.response->nextAvailable = kToday.plusDays(20);
    m_controller->onCompletion(HoldCompletion{m_services->holds.front().reservationId, none});
    EXPECT_EQ(m_state.equipment.phase, EquipmentPhase::Unavailable);
    EXPECT_EQ(m_state.equipment.unavailableNext, kToday.plusDays(20));
    EXPECT_EQ(m_services->count("reservations"), 0);
    eq(equipment::JoinWaitingList{});
    eq(equipment::JoinWaitingList{});
    // One entry of the type's queue, not a callback: the server keeps the queue and calls when a unit returns.
    EXPECT_EQ(m_services->count("waitlist_entries"), 1);
    EXPECT_EQ(m_services->count("callback_requests"), 0);
    EXPECT_EQ(m_services->count("outbox"), 1);
    EXPECT_FALSE(m_state.equipment.waitingListCode.empty());
    EXPECT_EQ(m_state.router.current(), ScreenId::EquipmentDone);
    auto st = m_services->database().prepare(
        "SELECT w.type_id, w.phone, w.wanted_from, o.type, o.id = w.id, w.code FROM waitlist_entries w, outbox o");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st.value().step().ok());
    EXPECT_EQ(st.value().columnText(0).value(), "wozek-inwalidzki");
    EXPECT_EQ(st.value().columnText(1).value(), "600123456");
    EXPECT_EQ(st.value().columnText(2).value(), m_state.equipment.pickUp->iso());
    EXPECT_EQ(st.value().columnText(3).value(), "waitlist.joined");
    EXPECT_EQ(st.value().columnInt(4).value(), 1) << "the event id is the entry's id: a retry never queues twice";
    EXPECT_EQ(st.value().columnText(5).value(), m_state.equipment.waitingListCode);
}

TEST_F(EquipmentFlowTest, AFailedPrintKeepsTheCodeAndSaysWhy)
{
    upToSummary();
    eq(equipment::Confirm{});
    ASSERT_EQ(m_state.equipment.slip.status, SlipStatus::Printing);
    PrintCompletion failed;
    failed.ticket = m_state.equipment.slip.ticket;
    failed.result.outcome = receipt::PrintOutcome::Failed;
    failed.result.condition = receipt::PrinterCondition::PaperOut;
    m_controller->onCompletion(failed);
    EXPECT_EQ(m_state.equipment.slip.status, SlipStatus::Failed);
    EXPECT_EQ(m_state.equipment.slip.messageKey, "printer.paper_out");
    EXPECT_FALSE(m_state.equipment.code.empty());
}

TEST_F(EquipmentFlowTest, WithoutAPrinterTheCodeIsOnlyOnScreen)
{
    m_services->printerConfigured = false;
    upToSummary();
    eq(equipment::Confirm{});
    EXPECT_EQ(m_state.equipment.slip.status, SlipStatus::NoPrinter);
    EXPECT_TRUE(m_services->slips.empty());
    EXPECT_EQ(m_services->count("reservations"), 1);
}

/// A service whose name differs between Polish and Ukrainian (the sheet must follow the session).
const domain::Service* translatedService(const domain::Catalog& catalog)
{
    for (const domain::Service& s : catalog.services)
        if (!s.name.isFallback(domain::Language::Uk) &&
            s.name.in(domain::Language::Uk) != s.name.in(domain::Language::Pl))
            return &s;
    return nullptr;
}

bool slipMentions(const receipt::Slip& slip, const std::string& text)
{
    for (const std::string& t : slip.allText())
        if (t.find(text) != std::string::npos)
            return true;
    return false;
}

TEST_F(EquipmentFlowTest, ServicePagePrintButtonNeedsAPrinter)
{
    m_services->printerConfigured = false;
    const domain::Service* s = translatedService(m_catalog);
    ASSERT_NE(s, nullptr);
    apply(OpenService{s->id});
    EXPECT_FALSE(m_state.servicePrint.printerAvailable);
    apply(PrintServiceInfo{s->id});
    EXPECT_TRUE(m_services->slips.empty());
    EXPECT_EQ(m_state.servicePrint.slip.status, SlipStatus::None);
}

TEST_F(EquipmentFlowTest, ServicePagePrintsTheSheetInTheSessionLanguageOnceAndSaysHowItEnded)
{
    const domain::Service* s = translatedService(m_catalog);
    ASSERT_NE(s, nullptr);
    apply(PrintServiceInfo{"no-such-service"});
    EXPECT_TRUE(m_services->slips.empty());

    apply(SetLanguage{domain::Language::Uk});
    apply(OpenService{s->id});
    EXPECT_TRUE(m_state.servicePrint.printerAvailable);
    apply(PrintServiceInfo{s->id});
    apply(PrintServiceInfo{s->id}); // a second tap while printing: still one sheet
    ASSERT_EQ(m_services->slips.size(), 1u);
    EXPECT_TRUE(slipMentions(m_services->slips[0], s->name.in(domain::Language::Uk)));
    EXPECT_FALSE(slipMentions(m_services->slips[0], s->name.in(domain::Language::Pl)));
    EXPECT_EQ(m_state.servicePrint.slip.status, SlipStatus::Printing);

    PrintCompletion other;
    other.ticket = m_state.servicePrint.slip.ticket + 100;
    other.result.outcome = receipt::PrintOutcome::Printed;
    m_controller->onCompletion(other);
    EXPECT_EQ(m_state.servicePrint.slip.status, SlipStatus::Printing) << "someone else's ticket";

    PrintCompletion failed;
    failed.ticket = m_state.servicePrint.slip.ticket;
    failed.result.outcome = receipt::PrintOutcome::Failed;
    failed.result.condition = receipt::PrinterCondition::PaperOut;
    m_controller->onCompletion(failed);
    EXPECT_EQ(m_state.servicePrint.slip.status, SlipStatus::Failed);
    EXPECT_EQ(m_state.servicePrint.slip.messageKey, "printer.paper_out");

    // After a failure the resident may try again; this time it prints.
    apply(PrintServiceInfo{s->id});
    ASSERT_EQ(m_services->slips.size(), 2u);
    PrintCompletion printed;
    printed.ticket = m_state.servicePrint.slip.ticket;
    printed.result.outcome = receipt::PrintOutcome::Printed;
    m_controller->onCompletion(printed);
    EXPECT_EQ(m_state.servicePrint.slip.status, SlipStatus::Printed);
    EXPECT_EQ(m_state.servicePrint.slip.messageKey, "");
}

TEST_F(EquipmentFlowTest, ATimedOutSheetIsNotExplainedAsAReadyPrinter)
{
    const domain::Service* s = translatedService(m_catalog);
    ASSERT_NE(s, nullptr);
    apply(OpenService{s->id});
    apply(PrintServiceInfo{s->id});
    PrintCompletion late;
    late.ticket = m_state.servicePrint.slip.ticket;
    late.result.outcome = receipt::PrintOutcome::TimedOut;
    late.result.condition = receipt::PrinterCondition::Ready;
    m_controller->onCompletion(late);
    EXPECT_EQ(m_state.servicePrint.slip.status, SlipStatus::Failed);
    EXPECT_EQ(m_state.servicePrint.slip.messageKey, "printer.unknown");
}

TEST_F(EquipmentFlowTest, ThePrintOutcomeDoesNotSurviveTheIdleWipe)
{
    const domain::Service* s = translatedService(m_catalog);
    ASSERT_NE(s, nullptr);
    apply(OpenService{s->id});
    apply(PrintServiceInfo{s->id});
    const std::uint64_t ticket = m_state.servicePrint.slip.ticket;
    m_controller->wipeSession();
    EXPECT_EQ(m_state.servicePrint, ServicePrintState{});
    PrintCompletion printed;
    printed.ticket = ticket;
    printed.result.outcome = receipt::PrintOutcome::Printed;
    m_controller->onCompletion(printed);
    EXPECT_EQ(m_state.servicePrint, ServicePrintState{}) << "a result of a wiped session changes nothing";
}

} // namespace
