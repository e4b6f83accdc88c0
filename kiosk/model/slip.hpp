// The slip document model: what a receipt says, independent of how it is printed. Every slip
// type (reservation, counselling, callback, service information, lending agreement, return,
// test page) is built as a Slip (kiosk/core/slips) and rendered by the ESC/POS or PDF renderer
// (kiosk/receipt).
#pragma once

#include <string>
#include <vector>

namespace okienko::receipt
{

/// The CUS's identity, printed at the top of every slip.
struct SlipHeader
{
    std::string cusName;
    std::string address;
    std::string phone;
    std::string openingHours;
};

enum class BlockKind
{
    Title,     ///< the slip's title, bold and large
    Code,      ///< the reference code in very large type
    Qr,        ///< a QR code of `text`
    KeyValue,  ///< "label: value" line, wrapped
    Paragraph, ///< wrapped body text
    List,      ///< a heading (`text`) and bullet items
    Signature, ///< a signature line with a caption (`text`)
    Separator, ///< a thin horizontal rule
    CutHere,   ///< between two copies of a document: feed and cut on receipt printers
};

struct Block
{
    BlockKind kind = BlockKind::Paragraph;
    std::string text;               ///< title, code, QR payload, key, paragraph, list heading or caption
    std::string value;              ///< the value of a KeyValue
    std::vector<std::string> items; ///< list items
};

struct Slip
{
    std::string jobTitle; ///< CUPS job title: never personal data (CUPS logs it)
    SlipHeader header;
    std::vector<Block> blocks;
    std::string footer; ///< date, time, kiosk

    Slip& title(std::string t);
    Slip& code(std::string c);
    Slip& qr(std::string payload);
    Slip& keyValue(std::string key, std::string value);
    Slip& paragraph(std::string t);
    Slip& list(std::string heading, std::vector<std::string> items);
    Slip& signature(std::string caption);
    Slip& separator();
    Slip& cutHere();

    /// Every piece of text the slip carries, for checks such as "no PESEL on any slip".
    std::vector<std::string> allText() const;
};

} // namespace okienko::receipt
