// The person form's field rows (see person_field_row.hpp).
#include "kiosk/ui/screens/person_field_row.hpp"

#include "kiosk/ui/screens/request_screen_parts.hpp"
#include "kiosk/ui/screens/screen_frame.hpp"
#include "kiosk/ui/widgets/number_keypad.hpp"
#include "kiosk/ui/widgets/on_screen_keyboard.hpp"
#include "kiosk/ui/widgets/text.hpp"
#include "kiosk/ui/widgets/text_field.hpp"
#include "kiosk/ui/widgets/touch_scroll.hpp"
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
    const std::string& name = env.tr.tr(keyPrefix + std::string(suffixes.key));
    const float rowTop = ImGui::GetCursorPosY();
    Label(ctx, name);
    const bool focused = form.focus == field;
    const std::string value = shownPersonValue(field, text.buffer.text(), focused);
    const std::string hint = env.tr.tr(keyPrefix + "tap_to_type");
    TextFieldOptions options;
    options.hint = hint;
    options.id = id;
    options.focused = focused;
    options.name = name;
    options.personal = true; // name, phone, address, PESEL: read aloud only when asked
    const bool tapped = TextField(ctx, value, ImGui::GetContentRegionAvail().x, options);
    if (focused)
        drawInputNotice(env, ctx, text.buffer, field == PersonField::Name || field == PersonField::CarerName);
    for (const PersonFieldError& err : form.errors)
        if (err.field == field)
            ParagraphColored(ctx, "⚠ " + env.tr.tr(err.messageKey), ctx.palette.warningText);
    if (focused)
    {
        // The whole row (its label too, once cut in half above the field) comes into the middle of
        // the list when the focus moves here or Next finds errors: its neighbours above and below
        // share the rest, and a row taller than the list shows its top.
        scrollSpanIntoViewOnChange("##focused-field", id + "/" + std::to_string(form.errors.size()), rowTop,
                                   ImGui::GetCursorPosY(), SpanAlign::Centre);
    }
    return tapped;
}

void scrollIntoViewOnFocus(std::string_view id, float rowTop)
{
    scrollSpanIntoViewOnChange("##focused-field", id, rowTop, ImGui::GetCursorPosY(), SpanAlign::Centre);
}

namespace
{

/// True once each time `value` differs from the last one seen under `slot` in this list: only a
/// change scrolls, so a resident who drags the form to read it is not pulled back every frame.
bool changedSince(const char* slot, std::string_view value)
{
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(slot);
    const int now = static_cast<int>(ImGui::GetID(value.data(), value.data() + value.size()));
    if (storage->GetInt(key, 0) == now)
        return false;
    storage->SetInt(key, now);
    return true;
}

} // namespace

void scrollSpanIntoViewOnChange(const char* slot, std::string_view value, float top, float bottom, SpanAlign align)
{
    if (!changedSince(slot, value) || bottom <= top)
        return;
    const float margin = ImGui::GetStyle().ItemSpacing.y;
    const float view = ImGui::GetWindowHeight();
    const float now = ImGui::GetScrollY();
    float target = now;
    const bool whole = top - margin >= now && bottom + margin <= now + view;
    if (align == SpanAlign::Centre)
        target = (top + bottom - view) * 0.5f;
    else if (align == SpanAlign::Top && !whole)
        target = top; // flush: not even the edge of what stands above shows
    else if (bottom + margin > now + view)
        target = bottom + margin - view;
    if (align != SpanAlign::Top && top - margin < target)
        target = top - margin;
    if (target != now)
        ImGui::SetScrollY(std::max(0.0f, target));
}

namespace
{

/// The keyboard or keypad under the form (portrait) or beside it (landscape).
struct FormKeys
{
    bool beside = false;
    float width = 0.0f;     ///< the keys' column (beside) or the whole width
    float height = 0.0f;    ///< the keys' height
    float keyHeight = 0.0f; ///< the letter keys' height
};

NumberKeypadOptions formKeypad(float width, float height)
{
    NumberKeypadOptions pad;
    pad.width = width;
    pad.height = height;
    return pad;
}

FormKeys formKeys(const ScreenEnv& env, const UiContext& ctx, bool numeric)
{
    const float avail = ImGui::GetContentRegionAvail().x;
    const float roomDown = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool landscape = display.x > display.y;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    FormKeys keys;
    if (numeric)
    {
        keys.beside = keypadBeside(ctx);
        keys.width = keys.beside ? keypadBesideWidth(ctx) : avail;
        // Portrait: the keypad takes at most two fifths of the display, and less when the list would
        // not show the field being typed whole with its label and the button under it (200 px of
        // list at 720x1280 in large text); its keys never lower than the staff PIN keypad's Cancel
        // and OK (the senior-sized keypad is at least the staff one).
        const ImGuiStyle& style = ImGui::GetStyle();
        const float control = std::max(ctx.minTargetPx(), ImGui::GetFontSize() + style.FramePadding.y * 2.0f);
        const float rowNeeds =
            style.WindowPadding.y * 2.0f + ctx.faces().bold->FontSize + control * 2.0f + style.ItemSpacing.y * 3.0f;
        const float leastKey = std::max(ctx.minTargetPx(), ctx.em(2.6f));
        const float leastPad = leastKey * 4.0f + style.ItemSpacing.x * 0.75f * 3.0f;
        const float portrait =
            std::max(leastPad, std::min(display.y * 0.4f, roomDown - rowNeeds - style.ItemSpacing.y));
        const NumberKeypadOptions pad = formKeypad(keys.width, keys.beside ? roomDown : portrait);
        keys.height = numberKeypadSize(ctx, pad).y;
        return keys;
    }
    const KeyboardLayout& layout = env.state.keyboard.state.layout();
    const float units = layout.maxRowWidth();
    // The narrowest keyboard whose keys are a full-size target; beside the fields when the fields keep
    // 5 cm (and six and a half body heights) of width.
    const float minKeysW = units * ctx.minTargetPx() + (units - 1.0f) * letterKeyGap();
    const float keysW = std::max(minKeysW, avail * 0.6f);
    keys.beside = landscape && avail - keysW - gap >= std::max(ctx.em(6.5f), 50.0f * ctx.pxPerMm);
    keys.width = keys.beside ? keysW : avail;
    // Beside the fields the keyboard has the whole height down to the bottom bar (from under the top
    // bar, with beginFormColumn); its keys shrink towards a target's size when the rows would not
    // fit at their comfortable height.
    const KeyboardState& kb = env.state.keyboard.state;
    keys.keyHeight = keys.beside ? letterKeyHeightFor(ctx, kb, roomDown) : letterKeyHeight(ctx);
    keys.height = letterKeyboardHeight(ctx, kb, keys.keyHeight);
    return keys;
}

/// The column beginFormColumn opened: the keys measured there, where it starts and how high it is.
struct FormColumn
{
    bool open = false;
    FormKeys keys;
    float top = 0.0f; ///< screen y
    float height = 0.0f;
};
FormColumn g_column;

} // namespace

void beginFormColumn(const ScreenEnv& env, UiContext& ctx, const char* id, bool numeric)
{
    g_column = FormColumn{};
    const FormKeys keys = formKeys(env, ctx, numeric);
    if (!keys.beside)
        return;
    g_column.open = true;
    g_column.keys = keys;
    g_column.top = ImGui::GetCursorScreenPos().y;
    g_column.height = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    const float width = ImGui::GetContentRegionAvail().x - keys.width - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild(id, ImVec2(width, g_column.height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
}

bool formColumnOpen()
{
    return g_column.open;
}

void beginPersonForm(const ScreenEnv& env, UiContext& ctx, const char* id, bool numeric)
{
    if (g_column.open)
    {
        // The column's rest under the title: the fields scroll there, the keys are beside the column.
        TouchScrollBegin(ctx, id, ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, ctx.minTargetPx())));
        return;
    }
    const FormKeys keys = formKeys(env, ctx, numeric);
    const float roomDown = ImGui::GetContentRegionAvail().y - bottomBarHeight(env, ctx);
    if (keys.beside)
        TouchScrollBegin(
            ctx, id, ImVec2(ImGui::GetContentRegionAvail().x - keys.width - ImGui::GetStyle().ItemSpacing.x, roomDown));
    else
        TouchScrollBegin(ctx, id, ImVec2(0, roomDown - keys.height - ImGui::GetStyle().ItemSpacing.y));
}

std::optional<Key> endPersonForm(const ScreenEnv& env, UiContext& ctx, bool numeric)
{
    TouchScrollEnd(ctx);
    if (g_column.open)
    {
        g_column.open = false;
        ImGui::EndChild();
        ImGui::SameLine();
        const FormKeys& k = g_column.keys;
        ImGui::SetCursorScreenPos(
            ImVec2(ImGui::GetCursorScreenPos().x, g_column.top + std::max(0.0f, g_column.height - k.height)));
        ImGui::BeginGroup();
        const std::optional<Key> key =
            numeric ? NumberKeypad(ctx, env.tr, formKeypad(k.width, k.height))
                    : OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, k.width, k.keyHeight);
        ImGui::EndGroup();
        return key;
    }
    const FormKeys keys = [&]
    {
        // Measured as beginPersonForm did: from the top of the fields' area.
        const float top = ImGui::GetItemRectMin().y;
        const float saved = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top));
        const FormKeys k = formKeys(env, ctx, numeric);
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, saved));
        return k;
    }();
    if (keys.beside)
    {
        // Beside the fields, down at the bottom where a thumb rests.
        const float fieldsTop = ImGui::GetItemRectMin().y;
        const float fieldsBottom = ImGui::GetItemRectMax().y;
        ImGui::SameLine();
        ImGui::SetCursorScreenPos(
            ImVec2(ImGui::GetCursorScreenPos().x, std::max(fieldsTop, fieldsBottom - keys.height)));
    }
    ImGui::BeginGroup();
    std::optional<Key> key = numeric
                                 ? NumberKeypad(ctx, env.tr, formKeypad(keys.width, keys.height))
                                 : OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, keys.width, keys.keyHeight);
    ImGui::EndGroup();
    return key;
}

std::optional<Key> personFormKeys(const ScreenEnv& env, UiContext& ctx, bool numeric)
{
    const float width = ImGui::GetContentRegionAvail().x;
    if (!numeric)
        return OnScreenKeyboard(ctx, env.state.keyboard.state, env.tr, width);
    return NumberKeypad(ctx, env.tr, formKeypad(width, ImGui::GetIO().DisplaySize.y * 0.4f));
}

} // namespace okienko::kiosk::ui
