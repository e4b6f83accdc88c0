#include "shared/domain/catalog.hpp"

namespace okienko::domain
{

namespace
{
template <typename T> const T* findById(const std::vector<T>& items, const std::string& id)
{
    for (const auto& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
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

} // namespace okienko::domain
