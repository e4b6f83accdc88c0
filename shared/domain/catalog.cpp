#include "shared/domain/catalog.hpp"

namespace okienko::domain
{

namespace
{
template <typename T, typename Id> const T* findById(const std::vector<T>& items, const Id& id)
{
    for (const auto& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

template <typename T> std::vector<const T*> activeOf(const std::vector<T>& items)
{
    std::vector<const T*> out;
    for (const auto& item : items)
        if (!item.retired)
            out.push_back(&item);
    return out;
}
} // namespace

const Service* Catalog::findService(const std::string& id) const
{
    return findById(services, id);
}
const EquipmentType* Catalog::findEquipmentType(const std::string& id) const
{
    return findById(equipmentTypes, id);
}
const FeeTable* Catalog::findFeeTable(const std::string& id) const
{
    return findById(feeTables, id);
}

const AreaDefinition* Catalog::findArea(const Area& id) const
{
    return findById(areas, id);
}
const TargetGroupDefinition* Catalog::findTargetGroup(const TargetGroup& id) const
{
    return findById(targetGroups, id);
}
std::vector<const AreaDefinition*> Catalog::activeAreas() const
{
    return activeOf(areas);
}
std::vector<const TargetGroupDefinition*> Catalog::activeTargetGroups() const
{
    return activeOf(targetGroups);
}

} // namespace okienko::domain
