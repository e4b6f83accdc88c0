#include "kiosk/receipt/qr_code.hpp"

#include <qrencode.h>

namespace okienko::receipt
{

Result<QrMatrix, std::string> encodeQr(const std::string& payload)
{
    QRcode* code = QRcode_encodeData(static_cast<int>(payload.size()),
                                     reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M);
    if (!code)
        return makeErr(std::string("QR encoding failed"));
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(code->width * code->width));
    for (std::size_t i = 0; i < m.dark.size(); ++i)
        m.dark[i] = static_cast<std::uint8_t>(code->data[i] & 1u);
    QRcode_free(code);
    return m;
}

} // namespace okienko::receipt
