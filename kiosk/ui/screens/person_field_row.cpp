// The person form's field rows (see person_field_row.hpp).
#include "kiosk/ui/screens/person_field_row.hpp"

#include "kiosk/ui/widgets/big_button.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "shared/validate/phone.hpp"

#include <algorithm>

namespace okienko::kiosk::ui
{
namespace
{

/// The end of a field's translation key and of its widget id.
struct FieldSuffixes
{
    std::string_view key;
    std::string_view id;
};

FieldSuffixes suffixesOf(PersonField field)
{
    switch (field)
    {
    case PersonField::Name:
        return {"name", "name"};
    case PersonField::Phone:
        return {"phone", "phone"};
    case PersonField::Street:
        return {"street", "street"};
    case PersonField::PostalCode:
        return {"postal_code", "postal"};
    case PersonField::City:
        return {"city", "city"};
    case PersonField::CarerName:
        return {"carer_name", "carer"};
    case PersonField::Pesel:
        return {"pesel", "pesel"};
    case PersonField::InventoryNumber:
        break; // drawn on check-out's unit screen, never as a person row
    }
    return {"name", "name"};
}

} // namespace

std::string shownPersonValue(PersonField field, const std::string& text, bool focused)
{
    if (field == PersonField::PostalCode && text.size() > 2)
        return text.substr(0, 2) + "-" + text.substr(2);
    if (field == PersonField::Phone && text.size() == 9)
        return validate::formatPhone(text);
    if (field == PersonField::Pesel && !focused && !text.empty())
    {
        std::string masked;
        for (std::size_t i = 0; i < text.size(); ++i)
            masked += i + 2 < text.size() ? "•" : text.substr(i, 1);
        return masked;
    }
    return text;
}

bool personFieldRow(const ScreenEnv& env, UiContext& ctx, const PersonForm& form, PersonField field,
                    const FlowField& text, const PersonFieldNames& names)
{
    const FieldSuffixes suffixes = suffixesOf(field);
    const std::string keyPrefix(names.keyPrefix);
    const std::string id = std::string(names.idPrefix) + std::string(suffixes.id);
    Label(ctx, env.tr.tr(keyPrefix + std::string(suffixes.key)));
    const bool focused = form.focus == field;
    const std::string value = shownPersonValue(field, text.buffer.text(), focused);
    const std::string shown = value.empty() ? env.tr.tr(keyPrefix + "tap_to_type") : value;
    ButtonOptions options;
    options.style = focused ? ButtonStyle::Selected : ButtonStyle::Secondary;
    options.id = id;
    options.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
    const bool tapped = BigButton(ctx, shown + (focused ? " |" : "") + "##" + id, options);
    for (const PersonFieldError& err : form.errors)
        if (err.field == field)
            ParagraphColored(ctx, "⚠ " + env.tr.tr(err.messageKey), ctx.palette.warningText);
    return tapped;
}

std::optional<Key> personFormKeys(const ScreenEnv& env, UiContext& ctx, bool numeric)
{
    const float width = ImGui::GetContentRegionAvail().x;
    if (!numeric)
        return OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, width);
    const float padWidth = std::min(width, ctx.em(21.0f));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - padWidth) * 0.5f);
    return NumericKeypad(ctx, env.tr, padWidth);
}

} // namespace okienko::kiosk::ui
