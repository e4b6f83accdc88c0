// The catalogue as one value: everything a kiosk shows before any request is made. Loaded from
// assets/catalog/*.json (docs/catalog-format.md) or pulled from the server.
#pragma once

#include "shared/domain/catalogue_lists.hpp"
#include "shared/domain/counselling.hpp"
#include "shared/domain/equipment.hpp"
#include "shared/domain/service.hpp"
#include "shared/domain/staff.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace okienko::domain
{

/// The CUS that runs the kiosk: what every slip's header and the attract screen show.
struct Municipality
{
    std::string id;        ///< "lapy", "starachowice"
    LocalizedText name;    ///< "Gmina Łapy"
    LocalizedText cusName; ///< "Centrum Usług Społecznych w Łapach"
    std::string address;
    std::string phone;
    std::string email;
    LocalizedText openingHours;
    bool contactToBeConfirmed = false; ///< the seeds give no contact data; the CUS must set it
    std::string internalNote;          ///< for coordinators only, as Service::internalNote

    friend bool operator==(const Municipality&, const Municipality&) = default;
};

/// One band of an income-dependent fee table: income above the previous band's limit and up to
/// and including `upToPercent` of the criterion pays these shares of the costs.
struct FeeBand
{
    int upToPercent = 100;
    int singlePercent = 0; ///< "osoby samotnie gospodarujące"
    int familyPercent = 0; ///< "osoby w rodzinie"

    friend bool operator==(const FeeBand&, const FeeBand&) = default;
};

struct FeeTable
{
    std::string id; ///< e.g. "lapy-mieszkanie-chronione"
    LocalizedText title;
    std::vector<FeeBand> bands;             ///< ascending by upToPercent
    std::int64_t criterionSingleGrosze = 0; ///< income criterion for a person living alone; 0: not stated
    std::int64_t criterionFamilyGrosze = 0; ///< income criterion per person in a family; 0: not stated
    LocalizedText criterionNote;            ///< where the criterion comes from and when it changes
    LocalizedText aboveLastBand;            ///< what the rules say above the last band (nothing: decided individually)
    LocalizedText paymentRule;

    friend bool operator==(const FeeTable&, const FeeTable&) = default;
};

struct Catalog
{
    int formatVersion = 1;
    Municipality municipality;
    std::vector<Service> services;
    std::vector<FeeTable> feeTables;
    std::vector<EquipmentType> equipmentTypes;
    std::vector<EquipmentUnit> units;
    std::vector<CounsellingKind> counsellingKinds;
    std::vector<EmergencyNumber> emergencyNumbers;
    std::vector<Announcement> announcements;
    /// Every area and target group the catalogue defines, retired ones included (old records name
    /// them); a catalogue without its own lists has the shipped ones (decision 0012).
    std::vector<AreaDefinition> areas = shippedAreaDefinitions();
    std::vector<TargetGroupDefinition> targetGroups = shippedTargetGroupDefinitions();

    const Service* findService(const std::string& id) const;
    const AreaDefinition* findArea(const Area& id) const;
    const TargetGroupDefinition* findTargetGroup(const TargetGroup& id) const;
    /// The ones not retired, in the catalogue's order: what every list a person picks from shows.
    std::vector<const AreaDefinition*> activeAreas() const;
    std::vector<const TargetGroupDefinition*> activeTargetGroups() const;
    const EquipmentType* findEquipmentType(const std::string& id) const;
    const FeeTable* findFeeTable(const std::string& id) const;

    friend bool operator==(const Catalog&, const Catalog&) = default;
};

} // namespace okienko::domain
