// Pulled changes (GET /api/v1/changes): one entry per changed entity, in the server's commit order.
// Catalogue entities carry exactly the JSON of the catalogue file (catalog_json.hpp); the others
// are defined here. The cursor is opaque to the kiosk: it stores it in the same transaction as the
// changes it covers and sends it back verbatim.
#pragma once

#include "shared/domain/counselling.hpp"
#include "shared/domain/reservation.hpp"
#include "shared/domain/staff.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/protocol/protocol_error.hpp"
#include "shared/util/result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::protocol
{

/// Entity names in a Change. Catalogue entities first (data = the catalogue file's object).
namespace entity
{
inline constexpr std::string_view kMunicipality = "municipality";    ///< id = municipality id; data as "municipality"
inline constexpr std::string_view kService = "service";              ///< id = service id
inline constexpr std::string_view kFeeTable = "fee_table";           ///< id = fee table id
inline constexpr std::string_view kEquipmentType = "equipment_type"; ///< id = type id
inline constexpr std::string_view kUnit = "unit";                    ///< id = inventory number; state is live
inline constexpr std::string_view kCounsellingKind = "counselling_kind"; ///< id = kind id
inline constexpr std::string_view kEmergencyNumber = "emergency_number"; ///< id = the number
inline constexpr std::string_view kAnnouncement = "announcement";        ///< id = announcement id
inline constexpr std::string_view kArea = "area";                        ///< id = area id (decision 0012)
inline constexpr std::string_view kTargetGroup = "target_group";         ///< id = target group id
inline constexpr std::string_view kCounsellingSlot = "counselling_slot"; ///< encodeSlot
inline constexpr std::string_view kStaff = "staff";                      ///< encodeStaff (argon2id PIN hash)
inline constexpr std::string_view kReservation = "reservation";          ///< own requests only: RequestStatusUpdate
inline constexpr std::string_view kCounsellingRequest = "counselling_request"; ///< own requests only
inline constexpr std::string_view kCallbackRequest = "callback_request";       ///< own requests only
/// Staff mode, every kiosk: a reservation awaiting hand-over (id = reservation id; PickupNotice).
inline constexpr std::string_view kPickup = "pickup";
/// Staff mode, every kiosk: a loan not yet returned (id = loan id; OpenLoanNotice).
inline constexpr std::string_view kOpenLoan = "open_loan";
/// Every kiosk: one activity of the schedule with its recurrence (id = activity id; activity_json.hpp).
inline constexpr std::string_view kActivity = "activity";
} // namespace entity

/// What a snapshot entity is to the kiosk, which decides what the end of a snapshot sweeps.
enum class SnapshotRole
{
    Catalogue, ///< part of the site's catalogue: swept only when the site has one (a municipality)
    Replica,   ///< the kiosk holds the server's rows as they are: swept
    OwnRequest ///< the status of this kiosk's own requests: never swept (the kiosk made them)
};

struct SnapshotEntity
{
    std::string_view name;
    SnapshotRole role;
};

/// The order a snapshot sends entities in (GET /api/v1/changes without a cursor): every entity
/// after the entities it refers to, because a kiosk applies each page in a transaction with its
/// foreign keys (a service names a fee table, a unit its equipment type, a slot its counselling
/// kinds, a service its areas and target groups). A new entity goes in here before everything that
/// refers to it; one not listed is still sent, after all of these, in log order.
inline constexpr SnapshotEntity kSnapshotOrder[] = {
    {entity::kMunicipality, SnapshotRole::Catalogue},
    {entity::kFeeTable, SnapshotRole::Catalogue},
    {entity::kEquipmentType, SnapshotRole::Catalogue},
    {entity::kCounsellingKind, SnapshotRole::Catalogue},
    {entity::kArea, SnapshotRole::Catalogue},
    {entity::kTargetGroup, SnapshotRole::Catalogue},
    {entity::kService, SnapshotRole::Catalogue},
    {entity::kUnit, SnapshotRole::Catalogue},
    {entity::kEmergencyNumber, SnapshotRole::Catalogue},
    {entity::kAnnouncement, SnapshotRole::Catalogue},
    {entity::kCounsellingSlot, SnapshotRole::Replica},
    {entity::kActivity, SnapshotRole::Replica},
    {entity::kStaff, SnapshotRole::Replica},
    {entity::kPickup, SnapshotRole::Replica},
    {entity::kOpenLoan, SnapshotRole::Replica},
    {entity::kReservation, SnapshotRole::OwnRequest},
    {entity::kCounsellingRequest, SnapshotRole::OwnRequest},
    {entity::kCallbackRequest, SnapshotRole::OwnRequest},
};

enum class ChangeOp
{
    Upsert, ///< "upsert": data is the entity's whole current state
    Delete, ///< "delete": data is {} (a tombstone)
};

std::string_view toCode(ChangeOp op);

struct Change
{
    std::int64_t seq = 0; ///< the server's log position; informational, paging uses the cursor
    std::string entity;
    std::string id;
    ChangeOp op = ChangeOp::Upsert;
    Json data = Json::object();
    /// Catalogue entities: the index in the file's list, so that a kiosk rebuilding the catalogue
    /// from changes keeps the file's order (browse order). -1 (not sent) for other entities.
    int position = -1;
};

struct ChangesPage
{
    std::string cursor; ///< send back as ?since= to get what follows
    bool more = false;  ///< true: ask again at once with the new cursor
    std::vector<Change> changes;
    /// Only on the last page of a snapshot: for each entity listed, the id of every row the kiosk
    /// should hold as of the snapshot. The kiosk deletes its other rows of these entities, so a
    /// kiosk that starts again from the beginning (new, or after 410 cursor_reset) ends with
    /// exactly the server's state even where the tombstones were compacted away. Entities not
    /// listed (the kiosk's own requests; the catalogue of a site the server keeps none for) are
    /// left as they are.
    std::optional<std::map<std::string, std::vector<std::string>>> live = std::nullopt;
};

/// Default and maximum page size of GET /api/v1/changes (?limit=).
inline constexpr int kDefaultChangesLimit = 200;
inline constexpr int kMaxChangesLimit = 1000;

Json encodeChange(const Change& change);
std::string encodeChangesPage(const ChangesPage& page);
/// Lenient about unknown keys (a newer server may add some), strict about types.
Result<ChangesPage, ProtocolError> decodeChangesPage(std::string_view body);

/// The status of a request this kiosk sent, as the CUS moves it on (held → expired, provisional →
/// confirmed, …). No personal data: the kiosk still has it until it erases it after the ack.
struct RequestStatusUpdate
{
    std::string id;     ///< the request id (= its event id)
    std::string code;   ///< reference code; empty for a hold whose reservation.created has not arrived
    std::string status; ///< a ReservationStatus or RequestStatus code
};

Json encodeRequestStatus(const RequestStatusUpdate& update);
Result<RequestStatusUpdate, ProtocolError> decodeRequestStatus(const Json& value, const std::string& path = "$");

/// {"id","kind_ids":[…],"counsellor","room","date","start_minute","duration_minutes","booked"}.
Json encodeSlot(const domain::CounsellingSlot& slot);
Result<domain::CounsellingSlot, ProtocolError> decodeSlot(const Json& value, const std::string& path = "$");

/// {"id","name","role","pin_hash","active"}.
Json encodeStaff(const domain::Staff& staff);
Result<domain::Staff, ProtocolError> decodeStaff(const Json& value, const std::string& path = "$");

/// A reservation awaiting hand-over, as staff mode shows it offline ("today's pick-ups"). Name and
/// phone only: never the address, never PESEL. The server sends a delete as soon as it is no longer
/// awaiting hand-over (picked up, expired, rejected, cancelled, in conflict).
struct PickupNotice
{
    std::string reservationId; ///< UUID; also the change's id
    std::string code;          ///< reference code ("R-…")
    std::string typeId;
    Date pickUpDate;
    int loanDays = 1;
    domain::ReservationStatus status = domain::ReservationStatus::Provisional;
    std::string name;  ///< PERSONAL
    std::string phone; ///< PERSONAL

    bool operator==(const PickupNotice&) const = default;
};

/// A loan not yet returned, lent at any kiosk (staff check equipment in and phone overdue borrowers).
/// Name and phone only. The server sends a delete as soon as the loan is returned.
struct OpenLoanNotice
{
    std::string loanId; ///< UUID; also the change's id
    std::string inventoryNumber;
    std::string typeId;
    Date start;
    Date due;
    std::string name;  ///< PERSONAL; may be empty when the server no longer holds it
    std::string phone; ///< PERSONAL; likewise

    bool operator==(const OpenLoanNotice&) const = default;
};

/// {"reservation_id","code","type_id","pick_up_date","loan_days","status","name","phone"}.
Json encodePickup(const PickupNotice& pickup);
/// Strict types; `status` must be a reservation status awaiting hand-over (provisional, held,
/// confirmed) and `name` non-empty, because that is when the server sends an upsert.
Result<PickupNotice, ProtocolError> decodePickup(const Json& value, const std::string& path = "$");

/// {"loan_id","inventory_number","type_id","start_date","due_date","name","phone"}; due ≥ start.
Json encodeOpenLoan(const OpenLoanNotice& loan);
Result<OpenLoanNotice, ProtocolError> decodeOpenLoan(const Json& value, const std::string& path = "$");

} // namespace okienko::protocol
