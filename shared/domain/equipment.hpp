// Rehabilitation equipment (product.md §4): a type is what a resident reserves, a unit is one
// physical item with an inventory number that staff lend out and take back.
#pragma once

#include "shared/domain/language.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okienko::domain
{

enum class EquipmentCategory
{
    Mobility, ///< poruszanie się
    Care,     ///< pielęgnacja
    Hygiene,  ///< higiena
    Exercise, ///< ćwiczenia
};

/// A fact that decides whether a type fits a person (max user weight, seat width, …).
struct EquipmentAttribute
{
    std::string key;     ///< stable, e.g. "max-user-weight-kg"
    LocalizedText label; ///< "Maks. waga użytkownika"
    LocalizedText value; ///< "120 kg"

    friend bool operator==(const EquipmentAttribute&, const EquipmentAttribute&) = default;
};

struct EquipmentType
{
    std::string id; ///< e.g. "wozek-inwalidzki"
    EquipmentCategory category = EquipmentCategory::Mobility;
    LocalizedText name;
    LocalizedText description;
    std::string pictogram; ///< asset name under assets/pictograms
    std::vector<EquipmentAttribute> attributes;
    int defaultLoanDays = 30;
    int maxLoanDays = 90;
    LocalizedList whatToBring;
    LocalizedText notes;

    friend bool operator==(const EquipmentType&, const EquipmentType&) = default;
};

/// The state of one physical unit. Cleaning, Repair and Retired take it out of lending until staff
/// change the state; Reserved and OnLoan mirror a reservation or loan record.
enum class UnitState
{
    Available,
    Reserved,
    OnLoan,
    Cleaning,
    Repair,
    Retired,
};

struct EquipmentUnit
{
    std::string inventoryNumber; ///< printed as a barcode label, e.g. "LAP-WI-001"
    std::string typeId;
    UnitState state = UnitState::Available;
    std::string notes;

    friend bool operator==(const EquipmentUnit&, const EquipmentUnit&) = default;
};

} // namespace okienko::domain
