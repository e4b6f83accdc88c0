#include "shared/domain/codes.hpp"

#include <array>
#include <utility>

namespace okienko::domain
{

namespace
{
template <typename E, std::size_t N> using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<ServiceStatus, 4> kServiceStatus{{{ServiceStatus::Active, "active"},
                                                  {ServiceStatus::Information, "information"},
                                                  {ServiceStatus::Planned, "planned"},
                                                  {ServiceStatus::Archived, "archived"}}};
constexpr Table<FeeKind, 4> kFeeKind{{{FeeKind::Free, "free"},
                                      {FeeKind::IncomeTable, "income-table"},
                                      {FeeKind::Fixed, "fixed"},
                                      {FeeKind::Unspecified, "unspecified"}}};
constexpr Table<KioskAction, 4> kKioskAction{{{KioskAction::None, "none"},
                                              {KioskAction::ReserveEquipment, "reserve-equipment"},
                                              {KioskAction::RequestCounselling, "request-counselling"},
                                              {KioskAction::Callback, "callback"}}};
constexpr Table<EquipmentCategory, 4> kCategory{{{EquipmentCategory::Mobility, "mobility"},
                                                 {EquipmentCategory::Care, "care"},
                                                 {EquipmentCategory::Hygiene, "hygiene"},
                                                 {EquipmentCategory::Exercise, "exercise"}}};
constexpr Table<UnitState, 6> kUnitState{{{UnitState::Available, "available"},
                                          {UnitState::Reserved, "reserved"},
                                          {UnitState::OnLoan, "on-loan"},
                                          {UnitState::Cleaning, "cleaning"},
                                          {UnitState::Repair, "repair"},
                                          {UnitState::Retired, "retired"}}};
constexpr Table<ReservationStatus, 8> kReservationStatus{{{ReservationStatus::Provisional, "provisional"},
                                                          {ReservationStatus::Held, "held"},
                                                          {ReservationStatus::Confirmed, "confirmed"},
                                                          {ReservationStatus::PickedUp, "picked-up"},
                                                          {ReservationStatus::Cancelled, "cancelled"},
                                                          {ReservationStatus::Expired, "expired"},
                                                          {ReservationStatus::Rejected, "rejected"},
                                                          {ReservationStatus::Conflict, "conflict"}}};
constexpr Table<RequestStatus, 7> kRequestStatus{{{RequestStatus::Provisional, "provisional"},
                                                  {RequestStatus::Received, "received"},
                                                  {RequestStatus::Confirmed, "confirmed"},
                                                  {RequestStatus::Moved, "moved"},
                                                  {RequestStatus::Cancelled, "cancelled"},
                                                  {RequestStatus::Done, "done"},
                                                  {RequestStatus::Closed, "closed"}}};
constexpr Table<ReturnCondition, 3> kReturnCondition{{{ReturnCondition::Fine, "fine"},
                                                      {ReturnCondition::NeedsCleaning, "needs-cleaning"},
                                                      {ReturnCondition::NeedsRepair, "needs-repair"}}};
constexpr Table<DayPart, 2> kDayPart{{{DayPart::Morning, "morning"}, {DayPart::Afternoon, "afternoon"}}};
constexpr Table<CallbackOutcome, 3> kOutcome{{{CallbackOutcome::NoAnswer, "no-answer"},
                                              {CallbackOutcome::WrongNumber, "wrong-number"},
                                              {CallbackOutcome::Done, "done"}}};
constexpr Table<StaffRole, 5> kStaffRole{{{StaffRole::Equipment, "equipment"},
                                          {StaffRole::Coordinator, "coordinator"},
                                          {StaffRole::Admin, "admin"},
                                          {StaffRole::Counsellor, "counsellor"},
                                          {StaffRole::Partner, "partner"}}};
constexpr Table<UsageKind, 7> kUsageKind{{{UsageKind::FlowStarted, "flow-started"},
                                          {UsageKind::FlowFinished, "flow-finished"},
                                          {UsageKind::FlowAbandoned, "flow-abandoned"},
                                          {UsageKind::ServiceViewed, "service-viewed"},
                                          {UsageKind::SearchMade, "search-made"},
                                          {UsageKind::Rating, "rating"},
                                          {UsageKind::Idea, "idea"}}};

template <typename E, std::size_t N> std::string_view find(const Table<E, N>& table, E v)
{
    for (const auto& [e, code] : table)
        if (e == v)
            return code;
    return table[0].second;
}

template <typename E, std::size_t N> std::optional<E> parse(const Table<E, N>& table, std::string_view code)
{
    for (const auto& [e, c] : table)
        if (c == code)
            return e;
    return std::nullopt;
}
} // namespace

std::string_view toCode(ServiceStatus v)
{
    return find(kServiceStatus, v);
}
std::string_view toCode(FeeKind v)
{
    return find(kFeeKind, v);
}
std::string_view toCode(KioskAction v)
{
    return find(kKioskAction, v);
}
std::string_view toCode(EquipmentCategory v)
{
    return find(kCategory, v);
}
std::string_view toCode(UnitState v)
{
    return find(kUnitState, v);
}
std::string_view toCode(ReservationStatus v)
{
    return find(kReservationStatus, v);
}
std::string_view toCode(RequestStatus v)
{
    return find(kRequestStatus, v);
}
std::string_view toCode(ReturnCondition v)
{
    return find(kReturnCondition, v);
}
std::string_view toCode(DayPart v)
{
    return find(kDayPart, v);
}
std::string_view toCode(CallbackOutcome v)
{
    return find(kOutcome, v);
}
std::string_view toCode(StaffRole v)
{
    return find(kStaffRole, v);
}
std::string_view toCode(UsageKind v)
{
    return find(kUsageKind, v);
}

template <> std::optional<ServiceStatus> fromCode(std::string_view c)
{
    return parse(kServiceStatus, c);
}
template <> std::optional<FeeKind> fromCode(std::string_view c)
{
    return parse(kFeeKind, c);
}
template <> std::optional<KioskAction> fromCode(std::string_view c)
{
    return parse(kKioskAction, c);
}
template <> std::optional<EquipmentCategory> fromCode(std::string_view c)
{
    return parse(kCategory, c);
}
template <> std::optional<UnitState> fromCode(std::string_view c)
{
    return parse(kUnitState, c);
}
template <> std::optional<ReservationStatus> fromCode(std::string_view c)
{
    return parse(kReservationStatus, c);
}
template <> std::optional<RequestStatus> fromCode(std::string_view c)
{
    return parse(kRequestStatus, c);
}
template <> std::optional<ReturnCondition> fromCode(std::string_view c)
{
    return parse(kReturnCondition, c);
}
template <> std::optional<DayPart> fromCode(std::string_view c)
{
    return parse(kDayPart, c);
}
template <> std::optional<CallbackOutcome> fromCode(std::string_view c)
{
    return parse(kOutcome, c);
}
template <> std::optional<StaffRole> fromCode(std::string_view c)
{
    return parse(kStaffRole, c);
}
template <> std::optional<UsageKind> fromCode(std::string_view c)
{
    return parse(kUsageKind, c);
}

} // namespace okienko::domain
