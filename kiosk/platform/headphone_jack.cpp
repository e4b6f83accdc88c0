// headphonesPluggedIn: walks ALSA's cards and their CARD-interface controls for a boolean whose
// name says "Headphone" and "Jack" (the HDA driver's "Headphone Jack", "Front Headphone Jack").
#include "kiosk/platform/headphone_jack.hpp"

#include <alsa/asoundlib.h>
#include <string>
#include <string_view>

namespace okienko::kiosk::platform
{
namespace
{

/// The jack's state on card `card`, if it has a headphone jack control.
std::optional<bool> cardHeadphones(int card)
{
    snd_ctl_t* ctl = nullptr;
    const std::string name = "hw:" + std::to_string(card);
    if (snd_ctl_open(&ctl, name.c_str(), 0) < 0)
        return std::nullopt;
    std::optional<bool> plugged;
    snd_ctl_elem_list_t* list = nullptr;
    snd_ctl_elem_list_malloc(&list);
    if (snd_ctl_elem_list(ctl, list) == 0)
    {
        const unsigned count = snd_ctl_elem_list_get_count(list);
        snd_ctl_elem_list_alloc_space(list, count);
        if (snd_ctl_elem_list(ctl, list) == 0)
        {
            for (unsigned i = 0; i < count && !plugged; ++i)
            {
                const std::string_view element = snd_ctl_elem_list_get_name(list, i);
                if (snd_ctl_elem_list_get_interface(list, i) != SND_CTL_ELEM_IFACE_CARD ||
                    element.find("Headphone") == std::string_view::npos ||
                    element.find("Jack") == std::string_view::npos)
                    continue;
                snd_ctl_elem_value_t* value = nullptr;
                snd_ctl_elem_value_malloc(&value);
                snd_ctl_elem_value_set_numid(value, snd_ctl_elem_list_get_numid(list, i));
                if (snd_ctl_elem_read(ctl, value) == 0)
                    plugged = snd_ctl_elem_value_get_boolean(value, 0) != 0;
                snd_ctl_elem_value_free(value);
            }
        }
        snd_ctl_elem_list_free_space(list);
    }
    snd_ctl_elem_list_free(list);
    snd_ctl_close(ctl);
    return plugged;
}

} // namespace

std::optional<bool> headphonesPluggedIn()
{
    int card = -1;
    while (snd_card_next(&card) == 0 && card >= 0)
    {
        if (const std::optional<bool> plugged = cardHeadphones(card))
            return plugged;
    }
    return std::nullopt;
}

} // namespace okienko::kiosk::platform
