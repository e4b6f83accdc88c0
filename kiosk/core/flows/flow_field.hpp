// A text field of a flow's state: a TextBuffer compared by content, so a flow's state compares by
// value (the idle-wipe and logout tests compare a wiped state with a fresh one).
#pragma once

#include "kiosk/core/text_buffer.hpp"

#include <cstddef>

namespace okienko::kiosk
{

struct FlowField
{
    TextBuffer buffer;

    FlowField(std::size_t maxCodePoints, InputFilter filter) : buffer(maxCodePoints, filter) {}
    friend bool operator==(const FlowField& a, const FlowField& b)
    {
        return a.buffer.text() == b.buffer.text() && a.buffer.maxLength() == b.buffer.maxLength() &&
               a.buffer.filter() == b.buffer.filter();
    }
};

} // namespace okienko::kiosk
