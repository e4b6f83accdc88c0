// The catalogue's areas and target groups as data (decision 0012): each id with its names, the
// pictogram it shows and whether it is retired; and the shipped lists, the defaults of a catalogue
// that does not give its own.
#pragma once

#include "shared/domain/area.hpp"
#include "shared/domain/language.hpp"

#include <string>
#include <vector>

namespace okienko::domain
{

struct AreaDefinition
{
    Area id;
    LocalizedText name;    ///< the official name (the act's, for a shipped area)
    std::string pictogram; ///< empty, or the id of a shipped area or group whose pictogram it shows
    bool retired = false;  ///< off the lists; old records still name it

    friend bool operator==(const AreaDefinition&, const AreaDefinition&) = default;
};

struct TargetGroupDefinition
{
    TargetGroup id;
    LocalizedText name;
    std::string pictogram; ///< as AreaDefinition::pictogram
    bool retired = false;

    friend bool operator==(const TargetGroupDefinition&, const TargetGroupDefinition&) = default;
};

/// The 14 areas of the act with the act's names in pl/uk/en.
const std::vector<AreaDefinition>& shippedAreaDefinitions();
/// The 9 shipped target groups with their names in pl/uk/en.
const std::vector<TargetGroupDefinition>& shippedTargetGroupDefinitions();

/// An id a pictogram may name: a shipped area's or a shipped group's.
bool isShippedPictogram(std::string_view id);

/// The name of the pictogram an area or group shows: its own id when shipped, else the chosen one
/// (empty: the generic picture, which an unknown name draws).
std::string pictogramOf(const AreaDefinition& area);
std::string pictogramOf(const TargetGroupDefinition& group);

} // namespace okienko::domain
