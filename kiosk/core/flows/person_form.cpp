// The shared person form (see person_form.hpp).
#include "kiosk/core/flows/person_form.hpp"

#include "kiosk/core/flows/flow_context.hpp" // pressKeypad
#include "shared/validate/free_text.hpp"
#include "shared/validate/person_name.hpp"
#include "shared/validate/phone.hpp"
#include "shared/validate/postal_code.hpp"

#include <algorithm>
#include <utility>

namespace okienko::kiosk
{
namespace
{

/// Street and city: at least two characters (a street "Ul" is a typo, not an address).
constexpr std::size_t kAddressMin = 2;

} // namespace

const FlowField* PersonForm::field(PersonField id) const
{
    switch (id)
    {
    case PersonField::Name:
        return &name;
    case PersonField::Phone:
        return &phone;
    case PersonField::Street:
        return &street;
    case PersonField::PostalCode:
        return &postalCode;
    case PersonField::City:
        return &city;
    case PersonField::CarerName:
    case PersonField::Pesel:
    case PersonField::InventoryNumber:
        break;
    }
    return nullptr;
}

FlowField* PersonForm::field(PersonField id)
{
    return const_cast<FlowField*>(std::as_const(*this).field(id));
}

bool isKeypadField(PersonField field)
{
    return field == PersonField::Phone || field == PersonField::PostalCode || field == PersonField::Pesel;
}

PersonField nextPersonField(PersonField field, std::span<const PersonField> order)
{
    const auto at = std::find(order.begin(), order.end(), field);
    if (at == order.end() || std::next(at) == order.end())
        return field;
    return *std::next(at);
}

void pressPersonKey(PersonForm& form, FlowField& focused, const Key& key, std::span<const PersonField> order,
                    KeyboardState& keyboard, domain::Language language)
{
    if (key.action == KeyAction::Done)
    {
        form.focus = nextPersonField(form.focus, order);
        keyboard.reset();
        return;
    }
    if (isKeypadField(form.focus))
        pressKeypad(focused.buffer, key, language);
    else
        keyboard.press(key, focused.buffer);
    // Typing into a field answers its message; the others stay until the next check.
    dropPersonErrors(form, form.focus);
}

std::string personMessageKey(PersonField field, std::string_view messageKey)
{
    // An empty field is asked for by name: "Wpisz miejscowość.", not "Wpisz tekst." under each.
    if (!messageKey.ends_with(".empty"))
        return std::string(messageKey);
    switch (field)
    {
    case PersonField::Name:
        return "input.empty.name";
    case PersonField::CarerName:
        return "input.empty.carer_name";
    case PersonField::Street:
        return "input.empty.street";
    case PersonField::City:
        return "input.empty.city";
    case PersonField::Phone:      // "Wpisz numer telefonu."
    case PersonField::PostalCode: // "Wpisz kod pocztowy."
    case PersonField::Pesel:
    case PersonField::InventoryNumber:
        break;
    }
    return std::string(messageKey);
}

void addPersonError(PersonForm& form, PersonField field, std::string_view messageKey)
{
    form.errors.push_back({field, personMessageKey(field, messageKey)});
}

void dropPersonErrors(PersonForm& form, PersonField field)
{
    std::erase_if(form.errors, [&](const PersonFieldError& e) { return e.field == field; });
}

void validatePerson(PersonForm& form, bool withAddress)
{
    form.errors.clear();
    if (auto r = validate::validatePersonName(form.name.buffer.text()); !r.ok())
        addPersonError(form, PersonField::Name, validate::messageKey(r.error()));
    if (auto r = validate::normalisePhone(form.phone.buffer.text()); !r.ok())
        addPersonError(form, PersonField::Phone, validate::messageKey(r.error()));
    if (!withAddress)
        return;
    if (auto r = validate::validateFreeText(form.street.buffer.text(), kAddressMin, kPersonStreetMax); !r.ok())
        addPersonError(form, PersonField::Street, validate::messageKey(r.error().error));
    if (auto r = validate::normalisePostalCode(form.postalCode.buffer.text()); !r.ok())
        addPersonError(form, PersonField::PostalCode, validate::messageKey(r.error()));
    if (auto r = validate::validateFreeText(form.city.buffer.text(), kAddressMin, kPersonCityMax); !r.ok())
        addPersonError(form, PersonField::City, validate::messageKey(r.error().error));
}

bool focusFirstError(PersonForm& form)
{
    if (form.errors.empty())
        return false;
    form.focus = form.errors.front().field;
    return true;
}

domain::Person validatedPerson(const PersonForm& form)
{
    domain::Person p;
    p.name = validate::validatePersonName(form.name.buffer.text()).value();
    p.phone = validate::normalisePhone(form.phone.buffer.text()).value();
    p.address.street = validate::validateFreeText(form.street.buffer.text(), kAddressMin, kPersonStreetMax).value();
    p.address.postalCode = validate::normalisePostalCode(form.postalCode.buffer.text()).value();
    p.address.city = validate::validateFreeText(form.city.buffer.text(), kAddressMin, kPersonCityMax).value();
    return p;
}

void clearPersonFields(PersonForm& form)
{
    for (FlowField* f : {&form.name, &form.phone, &form.street, &form.postalCode, &form.city})
        f->buffer.clear();
}

} // namespace okienko::kiosk
