// The person form the equipment reservation and staff check-out share: name, phone and address, the
// field in focus, the validation messages, and how the on-screen keys edit it. Each flow adds its own
// fields through the same field ids (the carer's name; the PESEL and the unit's inventory number) and
// keeps their text itself.
#pragma once

#include "kiosk/core/flows/flow_field.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/keyboard_state.hpp"
#include "shared/domain/language.hpp"
#include "shared/domain/person.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace okienko::kiosk
{

/// Longest name, street, city the fields accept (code points).
inline constexpr std::size_t kPersonNameMax = 80;
inline constexpr std::size_t kPersonStreetMax = 60;
inline constexpr std::size_t kPersonCityMax = 40;
/// A Polish phone number has 9 digits; the keypad has no '+', so nothing longer is useful.
inline constexpr std::size_t kPersonPhoneDigits = 9;
/// "NNNNN": the keypad has no dash; the validator inserts it.
inline constexpr std::size_t kPersonPostalDigits = 5;

/// The fields of a person form, with the ones a flow adds.
enum class PersonField
{
    Name,
    Phone,
    Street,
    PostalCode,
    City,
    CarerName,       ///< equipment: the person the equipment is for, when a carer reserves
    Pesel,           ///< check-out: optional, never printed
    InventoryNumber, ///< check-out: the unit being lent (its first step)
};

/// A validation message under one field (a translation key such as "validate.phone.too_short").
struct PersonFieldError
{
    PersonField field = PersonField::Name;
    std::string messageKey;

    friend bool operator==(const PersonFieldError&, const PersonFieldError&) = default;
};

struct PersonForm
{
    FlowField name{kPersonNameMax, InputFilter::PersonName};
    FlowField phone{kPersonPhoneDigits, InputFilter::Digits};
    FlowField street{kPersonStreetMax, InputFilter::Any};
    FlowField postalCode{kPersonPostalDigits, InputFilter::Digits};
    FlowField city{kPersonCityMax, InputFilter::PersonName};
    PersonField focus = PersonField::Name;
    std::vector<PersonFieldError> errors;

    /// The form's own text field behind `id`; nullptr for a field the flow adds.
    FlowField* field(PersonField id);
    const FlowField* field(PersonField id) const;

    friend bool operator==(const PersonForm&, const PersonForm&) = default;
};

/// True for the fields typed on the numeric keypad.
bool isKeypadField(PersonField field);
/// The field after `field` in `order` (Done on a keyboard moves on); the last one, or one not in
/// `order`, stays where it is.
PersonField nextPersonField(PersonField field, std::span<const PersonField> order);
/// An on-screen key for `focused` (the text of `form.focus`): Done moves the focus along `order`;
/// the keypad's keys never touch the letter keyboard's state; typing answers the field's message.
void pressPersonKey(PersonForm& form, FlowField& focused, const Key& key, std::span<const PersonField> order,
                    KeyboardState& keyboard, domain::Language language);
/// Replaces `form.errors` with what fails of name and phone, and of the address when `withAddress`.
void validatePerson(PersonForm& form, bool withAddress);
/// Adds the message `messageKey` under `field` (a field-specific one when the key says it is empty).
void addPersonError(PersonForm& form, PersonField field, std::string_view messageKey);
/// `messageKey`, or for an empty field the message that names it ("input.empty.city").
std::string personMessageKey(PersonField field, std::string_view messageKey);
/// Drops the messages under `field` (it was edited).
void dropPersonErrors(PersonForm& form, PersonField field);
/// Moves the focus to the first field with a message; false when there is none.
bool focusFirstError(PersonForm& form);
/// The person as stored, from a form validatePerson(form, true) accepted.
domain::Person validatedPerson(const PersonForm& form);
/// Forgets what was typed, once the request is stored (the messages stay: the caller decides).
void clearPersonFields(PersonForm& form);

} // namespace okienko::kiosk
