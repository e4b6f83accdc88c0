// Protocol v1 codec: strict decoding of what the server receives (bad input first), round trips of
// what both sides send, and catalogue entities in exactly the catalogue file's shape.
#include "shared/catalog/catalog_loader.hpp"
#include "shared/protocol/catalog_json.hpp"
#include "shared/protocol/changes.hpp"
#include "shared/protocol/events.hpp"
#include "shared/protocol/fast_paths.hpp"
#include "shared/protocol/payloads.hpp"
#include "shared/rules/reference_code.hpp"
#include "shared/util/uuid.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace okienko;
using namespace okienko::protocol;

namespace
{
std::string code(rules::ReferenceKind kind)
{
    auto c = rules::newReferenceCode(kind, "kiosk-1");
    return c ? *c : std::string();
}

Event callbackEvent()
{
    domain::CallbackRequest c;
    c.id = newUuid();
    c.code = code(rules::ReferenceKind::Callback);
    c.phone = "600123456";
    c.day = Date{2030, 6, 18};
    c.dayPart = domain::DayPart::Afternoon;
    c.firstName = "Zofia";
    c.language = domain::Language::Uk;
    c.createdAt = 1718600000;
    return makeCallbackRequested(c);
}

std::string batchOf(const Json& event)
{
    return Json{{"events", Json::array({event})}}.dump();
}
} // namespace

TEST(ProtocolJson, RefusesInvalidUtf8AndDeepNesting)
{
    auto bad = parseJson(std::string("{\"a\":\"\xC3\x28\"}"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ProtocolErrorCode::InvalidUtf8);

    auto deep = parseJson(std::string(100, '[') + std::string(100, ']'));
    ASSERT_FALSE(deep.ok());
    EXPECT_EQ(deep.error().code, ProtocolErrorCode::MalformedJson);

    // Brackets inside strings are not nesting.
    EXPECT_TRUE(parseJson("{\"a\":\"" + std::string(100, '[') + "\"}").ok());
    EXPECT_FALSE(parseJson("{\"a\":1e400}").ok());
    EXPECT_FALSE(parseJson("{\"a\":").ok());
    EXPECT_FALSE(parseJson("").ok());
}

TEST(ProtocolEvents, BatchEnvelopeIsStrict)
{
    const Json good = encodeEvent(callbackEvent());
    EXPECT_TRUE(decodeEventBatch(batchOf(good)).ok());

    auto expectCode = [](const std::string& body, ProtocolErrorCode code, const std::string& path)
    {
        auto r = decodeEventBatch(body);
        ASSERT_FALSE(r.ok()) << body;
        EXPECT_EQ(r.error().code, code) << r.error().describe();
        EXPECT_EQ(r.error().path, path) << r.error().describe();
    };
    Json noId = good;
    noId.erase("id");
    expectCode(batchOf(noId), ProtocolErrorCode::MissingField, "$.events[0].id");
    Json badId = good;
    badId["id"] = "not-a-uuid";
    expectCode(batchOf(badId), ProtocolErrorCode::BadUuid, "$.events[0].id");
    Json stringTime = good;
    stringTime["created_at"] = "1718600000";
    expectCode(batchOf(stringTime), ProtocolErrorCode::WrongType, "$.events[0].created_at");
    Json hugeTime = good;
    hugeTime["created_at"] = 99999999999999999999.0;
    expectCode(batchOf(hugeTime), ProtocolErrorCode::OutOfRange, "$.events[0].created_at");
    Json extra = good;
    extra["extra"] = 1;
    expectCode(batchOf(extra), ProtocolErrorCode::UnknownField, "$.events[0].extra");
    Json payloadArray = good;
    payloadArray["payload"] = Json::array();
    expectCode(batchOf(payloadArray), ProtocolErrorCode::WrongType, "$.events[0].payload");

    expectCode(Json{{"events", Json::array({good, good})}}.dump(), ProtocolErrorCode::BadValue, "$.events[1].id");
    expectCode("{\"events\":[]}", ProtocolErrorCode::BadValue, "$.events");
    Json many = Json::array();
    for (std::size_t i = 0; i <= kMaxEventsPerBatch; ++i)
    {
        Json e = good;
        e["id"] = newUuid();
        many.push_back(e);
    }
    expectCode(Json{{"events", many}}.dump(), ProtocolErrorCode::TooLong, "$.events");
}

TEST(ProtocolEvents, UnknownTypeDecodesButFailsPayloadValidation)
{
    Json e = encodeEvent(callbackEvent());
    e["type"] = "teleport.requested";
    auto batch = decodeEventBatch(batchOf(e));
    ASSERT_TRUE(batch.ok());
    auto v = validatePayload(batch->front());
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().code, ProtocolErrorCode::UnknownEventType);
}

TEST(ProtocolPayloads, CallbackValidatesPhoneNameAndCode)
{
    Event e = callbackEvent();
    auto decoded = decodeCallbackRequested(e);
    ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
    EXPECT_EQ(decoded->id, e.id);
    EXPECT_EQ(decoded->phone, "600123456");
    EXPECT_EQ(decoded->dayPart, domain::DayPart::Afternoon);
    EXPECT_EQ(decoded->language, domain::Language::Uk);

    Event shortPhone = e;
    shortPhone.payload["phone"] = "60012";
    auto r1 = decodeCallbackRequested(shortPhone);
    ASSERT_FALSE(r1.ok());
    EXPECT_EQ(r1.error().path, "$.payload.phone");
    EXPECT_EQ(r1.error().message, "validate.phone.too_short");

    Event sqlName = e;
    sqlName.payload["first_name"] = "'); DROP TABLE events;--";
    auto r2 = decodeCallbackRequested(sqlName);
    ASSERT_FALSE(r2.ok());
    EXPECT_EQ(r2.error().path, "$.payload.first_name");

    Event wrongKind = e;
    wrongKind.payload["code"] = code(rules::ReferenceKind::Reservation);
    EXPECT_FALSE(decodeCallbackRequested(wrongKind).ok());

    Event badDay = e;
    badDay.payload["day"] = "2030-02-30";
    auto r3 = decodeCallbackRequested(badDay);
    ASSERT_FALSE(r3.ok());
    EXPECT_EQ(r3.error().code, ProtocolErrorCode::BadDate);

    Event control = e;
    control.payload["first_name"] = std::string("Zo\x01"
                                                "fia");
    EXPECT_FALSE(decodeCallbackRequested(control).ok());
}

TEST(ProtocolPayloads, ReservationRoundTripAndClauseRule)
{
    domain::Reservation r;
    r.id = newUuid();
    r.code = code(rules::ReferenceKind::Reservation);
    r.typeId = "wozek-inwalidzki";
    r.period = DateRange{Date{2030, 1, 10}, 30};
    r.person.name = "Jan Kowalski";
    r.person.phone = "600123456";
    r.person.address = {"ul. Prosta 1", "18-100", "Łapy"};
    r.onBehalfOf = "Maria Kowalska";
    r.residencyDeclared = true;
    r.clauseAcknowledged = true;
    r.language = domain::Language::Pl;
    r.createdAt = 42;
    const Event e = makeReservationCreated(r);
    auto back = decodeReservationCreated(e);
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(back->period.first, r.period.first);
    EXPECT_EQ(back->period.days, 30);
    EXPECT_EQ(back->person, r.person);
    EXPECT_EQ(back->onBehalfOf, r.onBehalfOf);

    Event noClause = e;
    noClause.payload["clause_acknowledged"] = false;
    EXPECT_FALSE(decodeReservationCreated(noClause).ok());

    Event badPostal = e;
    badPostal.payload["person"]["address"]["postal_code"] = "18100x";
    auto bp = decodeReservationCreated(badPostal);
    ASSERT_FALSE(bp.ok());
    EXPECT_EQ(bp.error().path, "$.payload.person.address.postal_code");

    Event tooLong = e;
    tooLong.payload["loan_days"] = 367;
    EXPECT_EQ(decodeReservationCreated(tooLong).error().code, ProtocolErrorCode::OutOfRange);

    // The decoder refuses an event of another type.
    EXPECT_FALSE(decodeReservationCreated(callbackEvent()).ok());
}

TEST(ProtocolPayloads, UsageFeedbackAndIdeaRoundTrip)
{
    domain::UsageEvent rating;
    rating.id = newUuid();
    rating.kind = domain::UsageKind::Rating;
    rating.flow = "callback";
    rating.rating = 5;
    Event e = makeUsageEvent(rating);
    EXPECT_EQ(e.type, "feedback.rated");
    ASSERT_TRUE(decodeUsageEvent(e).ok());
    e.payload["rating"] = 6;
    EXPECT_FALSE(decodeUsageEvent(e).ok());

    domain::UsageEvent idea;
    idea.id = newUuid();
    idea.kind = domain::UsageKind::Idea;
    idea.area = domain::Area::Culture;
    idea.text = "Więcej zajęć dla seniorów";
    Event i = makeUsageEvent(idea);
    auto back = decodeUsageEvent(i);
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(back->text, idea.text);
    EXPECT_EQ(back->area, idea.area);
    i.payload["text"] = std::string(2000, 'a');
    EXPECT_FALSE(decodeUsageEvent(i).ok());
}

TEST(ProtocolEvents, FingerprintDependsOnContentNotKeyOrder)
{
    Event a = callbackEvent();
    Event b = a;
    b.payload = Json::parse(a.payload.dump()); // same content, rebuilt
    EXPECT_EQ(eventFingerprint(a), eventFingerprint(b));
    b.payload["phone"] = "600123457";
    EXPECT_NE(eventFingerprint(a), eventFingerprint(b));
    Event c = a;
    c.type = "reservation.created";
    EXPECT_NE(eventFingerprint(a), eventFingerprint(c));
}

TEST(ProtocolEvents, ResultsRoundTripAndRejectionNeedsCode)
{
    std::vector<EventResult> results{{newUuid(), EventStatus::Applied, "", Json{{"status", "held"}}},
                                     {newUuid(), EventStatus::Rejected, "bad_value", Json::object()}};
    auto back = decodeEventResults(encodeEventResults(results));
    ASSERT_TRUE(back.ok()) << back.error().describe();
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[0].data["status"], "held");
    EXPECT_EQ((*back)[1].code, "bad_value");
    Json noCode = Json::parse(encodeEventResults(results));
    noCode["results"][1].erase("code");
    EXPECT_FALSE(decodeEventResults(noCode.dump()).ok());
}

TEST(ProtocolFastPaths, HoldRequestStrictAndRoundTrip)
{
    HoldRequest h{newUuid(), "wozek-inwalidzki", Date{2030, 5, 1}, 14};
    auto back = decodeHoldRequest(encodeHoldRequest(h));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->pickUpDate, h.pickUpDate);
    EXPECT_EQ(back->loanDays, 14);

    Json j = Json::parse(encodeHoldRequest(h));
    j["loan_days"] = 14.5;
    EXPECT_EQ(decodeHoldRequest(j.dump()).error().code, ProtocolErrorCode::OutOfRange);
    j["loan_days"] = "14";
    EXPECT_EQ(decodeHoldRequest(j.dump()).error().code, ProtocolErrorCode::WrongType);
    j["loan_days"] = 14;
    j["type_id"] = "Wózek";
    EXPECT_EQ(decodeHoldRequest(j.dump()).error().code, ProtocolErrorCode::BadValue);

    HoldResponse conflict{h.reservationId, "unavailable", 0, 0, std::nullopt, Date{2030, 6, 1}};
    auto c = decodeHoldResponse(encodeHoldResponse(conflict));
    ASSERT_TRUE(c.ok()) << c.error().describe();
    EXPECT_EQ(c->nextAvailable, conflict.nextAvailable);
    EXPECT_FALSE(c->pickUpBy.has_value());
}

TEST(ProtocolFastPaths, HeartbeatAndErrorBody)
{
    Heartbeat hb{"0.1.0", 100, 3, 60, "no-paper", std::nullopt};
    auto back = decodeHeartbeat(encodeHeartbeat(hb));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->outboxDepth, 3);
    EXPECT_FALSE(back->lastSync.has_value());
    Json j = Json::parse(encodeHeartbeat(hb));
    j["printer_state"] = "on fire";
    EXPECT_FALSE(decodeHeartbeat(j.dump()).ok());
    j["printer_state"] = "ok";
    j["outbox_depth"] = -1;
    EXPECT_EQ(decodeHeartbeat(j.dump()).error().code, ProtocolErrorCode::OutOfRange);

    auto err = decodeErrorBody(encodeErrorBody({"rate_limited", "slow down"}));
    ASSERT_TRUE(err.ok());
    EXPECT_EQ(err->code, "rate_limited");
}

TEST(ProtocolChanges, PageRoundTrip)
{
    ChangesPage page{"abc-12", true, {}};
    domain::CounsellingSlot slot{"slot-1", {"psychological"}, "Anna Nowak", "12", Date{2030, 1, 2}, 540, 60, false};
    page.changes.push_back(
        Change{11, std::string(entity::kCounsellingSlot), slot.id, ChangeOp::Upsert, encodeSlot(slot)});
    page.changes.push_back(
        Change{12, std::string(entity::kAnnouncement), "piknik", ChangeOp::Delete, Json::object(), 3});
    auto back = decodeChangesPage(encodeChangesPage(page));
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_EQ(back->cursor, "abc-12");
    ASSERT_EQ(back->changes.size(), 2u);
    EXPECT_EQ(back->changes[1].op, ChangeOp::Delete);
    EXPECT_EQ(back->changes[1].position, 3);
    auto s = decodeSlot(back->changes[0].data);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->startMinute, 540);
    EXPECT_EQ(s->kindIds, slot.kindIds);
}

TEST(ProtocolCatalog, EntitiesKeepTheCatalogueFileShape)
{
    for (const char* file : {"lapy.json", "starachowice.json"})
    {
        auto loaded = catalog::loadCatalogFile(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/" + file);
        ASSERT_TRUE(loaded.ok()) << file;
        const domain::Catalog& c = *loaded;
        // The whole catalogue encoded entity by entity is a file the loader reads back identically.
        auto reparsed = catalog::parseCatalog(encodeCatalog(c).dump());
        ASSERT_TRUE(reparsed.ok()) << file << ": " << catalog::formatCatalogError(reparsed.error().front());
        EXPECT_EQ(*reparsed, c) << file;

        for (const auto& s : c.services)
        {
            auto back = decodeService(encodeServiceWithNote(s));
            ASSERT_TRUE(back.ok()) << s.id << ": " << back.error().describe();
            EXPECT_EQ(*back, s);
            // Kiosks get the service without the coordinators' note, and nothing else missing.
            auto sent = decodeService(encodeService(s));
            ASSERT_TRUE(sent.ok()) << s.id << ": " << sent.error().describe();
            EXPECT_FALSE(encodeService(s).contains("internal_note")) << s.id;
            domain::Service withoutNote = s;
            withoutNote.internalNote.clear();
            EXPECT_EQ(*sent, withoutNote);
        }
        for (const auto& u : c.units)
        {
            auto back = decodeUnit(encodeUnit(u));
            ASSERT_TRUE(back.ok()) << back.error().describe();
            EXPECT_EQ(*back, u);
        }
        for (const auto& t : c.equipmentTypes)
            EXPECT_EQ(*decodeEquipmentType(encodeEquipmentType(t)), t);
        auto m = decodeMunicipality(encodeMunicipalityWithNote(c.municipality));
        ASSERT_TRUE(m.ok()) << m.error().describe();
        EXPECT_EQ(*m, c.municipality);
        EXPECT_FALSE(c.municipality.internalNote.empty()) << file;
        EXPECT_FALSE(encodeMunicipality(c.municipality).contains("internal_note")) << file;
    }
}

TEST(ProtocolCatalog, EntityErrorsUseTheLoadersRulesWithEntityPaths)
{
    domain::EquipmentUnit u{"LAP-WI-001", "wozek-inwalidzki", domain::UnitState::Available, ""};
    Json j = encodeUnit(u);
    j["state"] = "stolen";
    auto r = decodeUnit(j);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().path, "$.state");
    j = encodeUnit(u);
    j["inventory_number"] = "lap wi 1";
    EXPECT_EQ(decodeUnit(j).error().path, "$.inventory_number");
    j = encodeUnit(u);
    j["nmae"] = "x";
    EXPECT_EQ(decodeUnit(j).error().code, ProtocolErrorCode::UnknownField);
    EXPECT_EQ(decodeService(Json::array()).error().code, ProtocolErrorCode::WrongType);
}
