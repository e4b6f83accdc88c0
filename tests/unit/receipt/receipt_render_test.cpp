// Rendering slips: what a resident takes home must carry the text and the QR code, in Polish and
// Ukrainian, with a cut, and nothing typed by a user may reach the printer as a command.
#include "escpos_decoder.hpp"
#include "kiosk/receipt/escpos_encoder.hpp"
#include "kiosk/receipt/pdf_renderer.hpp"
#include "kiosk/receipt/qr_code.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace okienko::receipt;
using okienko::receipt::test::decodeEscPos;

namespace
{
const FontSet& fonts()
{
    static FontSet set = []
    {
        auto loaded = FontSet::load(std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts");
        if (!loaded)
            throw std::runtime_error(loaded.error());
        return std::move(loaded).value();
    }();
    return set;
}

Slip sampleSlip()
{
    Slip slip;
    slip.jobTitle = "Okienko R-7KM2-9QX4";
    slip.header = {"Centrum Usług Społecznych w Łapach", "ul. Przykładowa 1, 18-100 Łapy", "tel. 85 000 00 00",
                   "pon.–pt. 7:30–15:30"};
    slip.title("Rezerwacja sprzętu")
        .code("R-7KM2-9QX4")
        .qr("R-7KM2-9QX4")
        .keyValue("Sprzęt", "Wózek inwalidzki")
        .keyValue("Odbiór", "2026-11-25")
        .paragraph("Zadzwonimy, aby potwierdzić rezerwację. Prosimy zabrać dowód osobisty.")
        .list("Co zabrać", {"Dowód osobisty", "Zaświadczenie lekarskie (łóżko)"});
    slip.footer = "2026-11-23 10:15 · Kiosk 1";
    return slip;
}

Bitmap qrNeedle(const std::string& payload, const LayoutSpec& spec)
{
    const auto matrix = encodeQr(payload);
    EXPECT_TRUE(matrix.ok());
    const int module = static_cast<int>(std::floor(spec.qrWidth / (matrix->size + 8)));
    Bitmap bmp;
    bmp.width = (matrix->size * module + 7) / 8 * 8;
    bmp.height = matrix->size * module;
    bmp.bits.assign(static_cast<std::size_t>(bmp.height * bmp.bytesPerRow()), 0);
    for (int y = 0; y < bmp.height; ++y)
        for (int x = 0; x < matrix->size * module; ++x)
            if (matrix->at(x / module, y / module))
                bmp.set(x, y);
    return bmp;
}

// Runs a poppler tool on the PDF; `after` follows the file name (pdftotext wants "-" for stdout).
std::string runTool(const std::string& command, const std::string& input, const std::string& after = "")
{
    char path[] = "/tmp/okienko-pdf-XXXXXX";
    const int fd = mkstemp(path);
    EXPECT_GE(fd, 0);
    close(fd);
    std::ofstream(path, std::ios::binary) << input;
    std::string out;
    if (FILE* p = popen((command + " " + path + " " + after + " 2>&1").c_str(), "r"))
    {
        std::array<char, 4096> buf{};
        while (std::size_t n = fread(buf.data(), 1, buf.size(), p))
            out.append(buf.data(), n);
        pclose(p);
    }
    unlink(path);
    return out;
}
} // namespace

TEST(EscPos, UserTextWithControlBytesNeverBecomesACommand)
{
    Slip slip = sampleSlip();
    // ESC @, GS V (cut), a cash-drawer pulse and NULs typed into a free-text field.
    slip.paragraph(std::string("Uwagi: \x1B@\x1DV\x01\x1Bp\x00\x19\xFA", 16) + " koniec");
    const std::string bytes = renderEscPos(slip, fonts(), LayoutSpec::escpos80()).value();
    const auto job = decodeEscPos(bytes);
    EXPECT_EQ(job.error, "");
    EXPECT_TRUE(job.initialised);
    EXPECT_EQ(job.cuts, 1);
}

TEST(EscPos, StreamStartsWithInitialiseAndEndsWithCut)
{
    const std::string bytes = renderEscPos(sampleSlip(), fonts(), LayoutSpec::escpos80()).value();
    ASSERT_GE(bytes.size(), 6u);
    EXPECT_EQ(bytes.substr(0, 2), "\x1B@");
    EXPECT_EQ(bytes.substr(bytes.size() - 4), std::string("\x1DV\x42\x00", 4));
}

TEST(EscPos, DecodedImageIsWhatWasRendered)
{
    std::vector<Bitmap> rendered;
    const std::string bytes = renderEscPos(sampleSlip(), fonts(), LayoutSpec::escpos80(), &rendered).value();
    const auto job = decodeEscPos(bytes);
    ASSERT_EQ(job.error, "");
    ASSERT_EQ(job.pages.size(), rendered.size());
    EXPECT_EQ(job.pages[0].width, 576);
    EXPECT_EQ(job.pages[0].bits, rendered[0].bits);
}

TEST(EscPos, CodeTitleAndPolishTextArePrinted)
{
    const auto spec = LayoutSpec::escpos80();
    const auto job = decodeEscPos(renderEscPos(sampleSlip(), fonts(), spec).value());
    ASSERT_EQ(job.error, "");
    const Bitmap& page = job.pages.at(0);
    EXPECT_TRUE(page.contains(rasterizeText("R-7KM2-9QX4", fonts(), FontStyle::Bold, spec.bodySize * 2.2)));
    EXPECT_TRUE(page.contains(rasterizeText("Wózek inwalidzki", fonts(), FontStyle::Regular, spec.bodySize)));
    EXPECT_TRUE(page.contains(rasterizeText("Rezerwacja sprzętu", fonts(), FontStyle::Bold, spec.bodySize * 1.35)));
    EXPECT_FALSE(page.contains(rasterizeText("Wózek elektryczny", fonts(), FontStyle::Regular, spec.bodySize)));
}

TEST(EscPos, QrCodeOfTheReferenceIsPrinted)
{
    for (const auto& spec : {LayoutSpec::escpos80(), LayoutSpec::escpos58()})
    {
        const auto job = decodeEscPos(renderEscPos(sampleSlip(), fonts(), spec).value());
        ASSERT_EQ(job.error, "");
        EXPECT_TRUE(job.pages.at(0).contains(qrNeedle("R-7KM2-9QX4", spec))) << spec.width;
        EXPECT_FALSE(job.pages.at(0).contains(qrNeedle("R-7KM2-9QX5", spec))) << spec.width;
    }
}

TEST(EscPos, UkrainianTextPrintsOnNarrowPaper)
{
    Slip slip;
    slip.header.cusName = "Центр соціальних послуг";
    slip.title("Бронювання обладнання").keyValue("Обладнання", "Інвалідний візок").paragraph("Ґанок, їжак, єнот");
    const auto spec = LayoutSpec::escpos58();
    const auto job = decodeEscPos(renderEscPos(slip, fonts(), spec).value());
    ASSERT_EQ(job.error, "");
    EXPECT_EQ(job.pages.at(0).width, 384);
    EXPECT_TRUE(job.pages[0].contains(rasterizeText("Ґанок, їжак, єнот", fonts(), FontStyle::Regular, spec.bodySize)));
}

TEST(EscPos, TwoCopiesAreCutApart)
{
    Slip slip = sampleSlip();
    slip.cutHere().title("Kopia dla CUS");
    const auto job = decodeEscPos(renderEscPos(slip, fonts(), LayoutSpec::escpos80()).value());
    ASSERT_EQ(job.error, "");
    EXPECT_EQ(job.cuts, 2);
}

TEST(Layout, WrappedLinesNeverExceedTheWidth)
{
    const std::string text = "Bezpłatnie wypożyczamy mieszkańcom gminy potrzebny sprzęt rehabilitacyjny – m.in. "
                             "wózki inwalidzkie, kule i łóżka specjalistyczne. Supercalifragilisticexpialidocious"
                             "żółwiowatośćniekończącasiębezspacji";
    for (double width : {200.0, 360.0, 560.0})
    {
        const auto lines = wrapText(fonts(), FontStyle::Regular, 24, text, width);
        ASSERT_GT(lines.size(), 1u);
        std::string joined;
        for (const auto& line : lines)
        {
            EXPECT_LE(measureText(fonts(), FontStyle::Regular, 24, line), width) << line;
            joined += line;
        }
        // Nothing is lost: every non-space character survives wrapping.
        std::string expected;
        for (char c : text)
            if (c != ' ')
                expected += c;
        std::string got;
        for (char c : joined)
            if (c != ' ')
                got += c;
        EXPECT_EQ(got, expected);
    }
}

// Found by fuzz/slip_layout: cairo refused a text with a malformed byte or a noncharacter and kept
// its measuring context in the error state, so every later text of the process measured 0 wide and
// long lines ran off the paper.
TEST(Layout, TextCairoRefusesDoesNotSpoilLaterSlips)
{
    const double before = measureText(fonts(), FontStyle::Regular, 24, "Wózek inwalidzki");
    ASSERT_GT(before, 0);
    for (const std::string& bad :
         {std::string("Wózek \xff"), std::string("Wózek \xEF\xB7\x90"), std::string("Wózek \xEF\xBF\xBF")})
    {
        Slip slip;
        slip.title(bad).paragraph(bad).keyValue(bad, bad);
        const Layout layout = layoutSlip(slip, fonts(), LayoutSpec::escpos80());
        for (const auto& op : layout.segments.front().ops)
            if (op.kind == DrawOp::Kind::Text)
            {
                EXPECT_NE(op.text.find("\xEF\xBF\xBD"), std::string::npos) << op.text;
            }
        EXPECT_GT(measureText(fonts(), FontStyle::Regular, 24, bad), 0);
        EXPECT_EQ(measureText(fonts(), FontStyle::Regular, 24, "Wózek inwalidzki"), before);
    }
}

TEST(Pdf, CarriesTheTextAndThePageSize)
{
    const std::string a4 = renderPdf(sampleSlip(), fonts(), PdfPage::A4);
    ASSERT_EQ(a4.substr(0, 5), "%PDF-");
    const std::string text = runTool("pdftotext -enc UTF-8", a4, "-");
    EXPECT_NE(text.find("R-7KM2-9QX4"), std::string::npos) << text;
    EXPECT_NE(text.find("Wózek inwalidzki"), std::string::npos) << text;
    EXPECT_NE(text.find("Centrum Usług Społecznych w Łapach"), std::string::npos) << text;
    EXPECT_NE(runTool("pdfinfo", a4).find("595.276 x 841.89 pts (A4)"), std::string::npos);

    const std::string a5 = renderPdf(sampleSlip(), fonts(), PdfPage::A5);
    EXPECT_NE(runTool("pdfinfo", a5).find("419.528 x 595.276 pts"), std::string::npos);

    const std::string receipt = renderPdf(sampleSlip(), fonts(), PdfPage::Receipt80);
    EXPECT_NE(runTool("pdfinfo", receipt).find("226.772 x"), std::string::npos);
}

TEST(Pdf, TwoCopiesMakeTwoPages)
{
    Slip slip = sampleSlip();
    slip.cutHere().title("Kopia dla CUS");
    const std::string info = runTool("pdfinfo", renderPdf(slip, fonts(), PdfPage::A5));
    EXPECT_NE(info.find("Pages:           2"), std::string::npos) << info;
}
