#include "kiosk/model/slip.hpp"

namespace okienko::receipt
{

Slip& Slip::title(std::string t)
{
    blocks.push_back({BlockKind::Title, std::move(t), {}, {}});
    return *this;
}

Slip& Slip::code(std::string c)
{
    blocks.push_back({BlockKind::Code, std::move(c), {}, {}});
    return *this;
}

Slip& Slip::qr(std::string payload)
{
    blocks.push_back({BlockKind::Qr, std::move(payload), {}, {}});
    return *this;
}

Slip& Slip::keyValue(std::string key, std::string value)
{
    blocks.push_back({BlockKind::KeyValue, std::move(key), std::move(value), {}});
    return *this;
}

Slip& Slip::paragraph(std::string t)
{
    blocks.push_back({BlockKind::Paragraph, std::move(t), {}, {}});
    return *this;
}

Slip& Slip::list(std::string heading, std::vector<std::string> items)
{
    blocks.push_back({BlockKind::List, std::move(heading), {}, std::move(items)});
    return *this;
}

Slip& Slip::signature(std::string caption)
{
    blocks.push_back({BlockKind::Signature, std::move(caption), {}, {}});
    return *this;
}

Slip& Slip::separator()
{
    blocks.push_back({BlockKind::Separator, {}, {}, {}});
    return *this;
}

Slip& Slip::cutHere()
{
    blocks.push_back({BlockKind::CutHere, {}, {}, {}});
    return *this;
}

std::vector<std::string> Slip::allText() const
{
    std::vector<std::string> out{jobTitle, header.cusName, header.address, header.phone, header.openingHours, footer};
    for (const auto& b : blocks)
    {
        out.push_back(b.text);
        out.push_back(b.value);
        out.insert(out.end(), b.items.begin(), b.items.end());
    }
    return out;
}

} // namespace okienko::receipt
