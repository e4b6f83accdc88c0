// The equipment flow's state: the mapping from a field id to its text field.
#include "kiosk/core/flows/equipment_state.hpp"

#include <utility>

namespace okienko::kiosk
{

FlowField& EquipmentState::field(EquipmentField id)
{
    return const_cast<FlowField&>(std::as_const(*this).field(id));
}

const FlowField& EquipmentState::field(EquipmentField id) const
{
    switch (id)
    {
    case EquipmentField::Name:
        return name;
    case EquipmentField::Phone:
        return phone;
    case EquipmentField::Street:
        return street;
    case EquipmentField::PostalCode:
        return postalCode;
    case EquipmentField::City:
        return city;
    case EquipmentField::CarerName:
        return carerName;
    }
    return name;
}

} // namespace okienko::kiosk
