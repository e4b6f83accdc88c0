// The equipment flow's state: the mapping from a field id to its text field.
#include "kiosk/core/flows/equipment_state.hpp"

#include <utility>

namespace okienko::kiosk
{

FlowField& EquipmentState::field(PersonField id)
{
    return const_cast<FlowField&>(std::as_const(*this).field(id));
}

const FlowField& EquipmentState::field(PersonField id) const
{
    if (id == PersonField::CarerName)
        return carerName;
    const FlowField* own = person.field(id);
    return own != nullptr ? *own : person.name;
}

} // namespace okienko::kiosk
