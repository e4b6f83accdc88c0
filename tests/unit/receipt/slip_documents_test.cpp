// What each slip says and never says: the privacy rules of product.md §7 and §5 as assertions.
#include "escpos_decoder.hpp"
#include "kiosk/core/slips/sample_slips.hpp"
#include "kiosk/receipt/escpos_encoder.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace okienko;
using namespace okienko::receipt;
using okienko::receipt::SampleWorld;

namespace
{
const SampleWorld& world()
{
    static SampleWorld w(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n");
    return w;
}

bool anyContains(const Slip& slip, const std::string& needle)
{
    const auto texts = slip.allText();
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(needle) != std::string::npos; });
}

const FontSet& fonts()
{
    static FontSet set = std::move(FontSet::load(std::string(OKIENKO_SOURCE_DIR) + "/assets/fonts")).value();
    return set;
}
} // namespace

TEST(SlipDocuments, EveryTextIsTranslatedInEveryLanguage)
{
    for (auto lang : domain::kAllLanguages)
        for (const auto& [name, slip] : world().allSlips(lang))
        {
            EXPECT_FALSE(anyContains(slip, "⟦")) << name << " in " << domain::languageCode(lang);
            EXPECT_FALSE(anyContains(slip, "{")) << name << " has an unfilled placeholder";
            EXPECT_FALSE(slip.header.cusName.empty());
        }
}

TEST(SlipDocuments, NoSlipCarriesPeselOrAFullPhoneNumber)
{
    for (auto lang : domain::kAllLanguages)
        for (const auto& [name, slip] : world().allSlips(lang))
        {
            EXPECT_FALSE(anyContains(slip, "44051401359")) << name;
            EXPECT_FALSE(anyContains(slip, "600123456")) << name;
            EXPECT_FALSE(anyContains(slip, "501222333")) << name;
            EXPECT_EQ(slip.jobTitle.find("Kowalski"), std::string::npos) << name;
            EXPECT_EQ(slip.jobTitle.find("Nowak"), std::string::npos) << name;
        }
}

TEST(SlipDocuments, PeselIsNotPrintedEvenAsPixels)
{
    const auto& w = world();
    const Slip agreement = lendingAgreementSlip(w.context(domain::Language::Pl), w.loan, w.wheelchair, "M. W.");
    std::vector<Bitmap> pages;
    ASSERT_TRUE(renderEscPos(agreement, fonts(), LayoutSpec::escpos80(), &pages).ok());
    const Bitmap pesel = rasterizeText(w.loan.pesel, fonts(), FontStyle::Regular, LayoutSpec::escpos80().bodySize);
    for (const auto& page : pages)
        EXPECT_FALSE(page.contains(pesel));
    // The borrower's name is on the agreement (it is signed), so the search itself must work.
    const Bitmap name = rasterizeText("Jan Kowalski", fonts(), FontStyle::Regular, LayoutSpec::escpos80().bodySize);
    EXPECT_TRUE(pages.at(0).contains(name));
}

TEST(SlipDocuments, CounsellingSlipNeverNamesTheKind)
{
    const auto& w = world();
    for (const char* kind : {"psychological", "family", "addiction"})
        for (auto lang : domain::kAllLanguages)
        {
            auto request = w.counselling;
            request.kindId = kind;
            const Slip slip = counsellingSlip(w.context(lang), request, w.slot);
            for (const char* word : {"psycholog", "Psycholog", "rodzin", "uzależn", "terapi", "addiction", "family",
                                     "психолог", "сімей", "залежн", "терапі", kind})
                EXPECT_FALSE(anyContains(slip, word)) << kind << " / " << word;
            EXPECT_TRUE(anyContains(slip, "S-4HQ-7M2-KXP"));
            EXPECT_TRUE(anyContains(slip, "26.11.2026"));
            EXPECT_TRUE(anyContains(slip, "10:00"));
        }
}

TEST(SlipDocuments, ReservationSaysWhetherItIsConfirmed)
{
    const auto& w = world();
    const auto ctx = w.context(domain::Language::Pl);
    auto r = w.reservation;
    EXPECT_TRUE(anyContains(reservationSlip(ctx, r, w.wheelchair), "Potwierdzimy rezerwację telefonicznie"));
    r.status = domain::ReservationStatus::Held;
    const Slip held = reservationSlip(ctx, r, w.wheelchair);
    EXPECT_TRUE(anyContains(held, "Rezerwacja jest potwierdzona"));
    EXPECT_TRUE(anyContains(held, "600 *** *56"));
    EXPECT_TRUE(anyContains(held, "25.11.2026"));
    EXPECT_TRUE(anyContains(held, "22.02.2027")); // 90 days from 25.11.2026, the last day included
    EXPECT_TRUE(anyContains(held, "Dowód osobisty"));
}

TEST(SlipDocuments, CallbackSlipTellsWhenAndTheCusPhone)
{
    const auto& w = world();
    const Slip slip = callbackSlip(w.context(domain::Language::Uk), w.callback, true);
    EXPECT_TRUE(anyContains(slip, "24.11.2026, після обіду"));
    EXPECT_TRUE(anyContains(slip, "85 000 00 00"));
    EXPECT_TRUE(anyContains(slip, "Ваше попереднє прохання оновлено."));
}

TEST(SlipDocuments, LendingAgreementHasTwoSignedCopies)
{
    const auto& w = world();
    const Slip slip = lendingAgreementSlip(w.context(domain::Language::Pl), w.loan, w.wheelchair, "Maria Wiśniewska");
    const auto count = [&](BlockKind kind)
    {
        return std::count_if(slip.blocks.begin(), slip.blocks.end(), [&](const Block& b) { return b.kind == kind; });
    };
    EXPECT_EQ(count(BlockKind::CutHere), 1);
    EXPECT_EQ(count(BlockKind::Signature), 4);
    EXPECT_TRUE(anyContains(slip, "LAP-WI-001"));
    EXPECT_TRUE(anyContains(slip, "23.02.2027"));
    EXPECT_TRUE(anyContains(slip, "Egzemplarz dla CUS"));
    EXPECT_TRUE(anyContains(slip, "Podpis pracownika CUS (Maria Wiśniewska)"));
}

TEST(SlipDocuments, APlaceholderCusPhoneIsNeverPrinted)
{
    SampleWorld w(std::string(OKIENKO_SOURCE_DIR) + "/assets/i18n");
    w.cus.phone = "— (do uzupełnienia)";
    for (const auto& [name, slip] : w.allSlips(domain::Language::Pl))
        EXPECT_FALSE(anyContains(slip, "do uzupełnienia")) << name;
    EXPECT_TRUE(anyContains(world().allSlips(domain::Language::Pl)[2].second, "85 000 00 00"));
}

namespace
{
/// The longest Polish text a real Łapy service puts on its information slip.
std::string longestRealSlipText()
{
    std::ifstream in(std::string(OKIENKO_SOURCE_DIR) + "/assets/catalog/lapy.json");
    const auto doc = nlohmann::json::parse(in);
    std::string longest;
    for (const auto& service : doc.at("services"))
        for (const char* key : {"summary", "delivered_by", "place", "hours", "eligibility", "qualification_mode",
                                "documents", "personal_data", "contact"})
            if (service.contains(key) && service.at(key).contains("pl") && service.at(key).at("pl").is_string())
                longest = std::max(longest, service.at(key).at("pl").get<std::string>(),
                                   [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    return longest;
}

/// Rows `top` … the end of `bmp`.
Bitmap rowsFrom(const Bitmap& bmp, int top)
{
    Bitmap out;
    out.width = bmp.width;
    out.height = bmp.height - top;
    out.bits.assign(bmp.bits.begin() + static_cast<std::ptrdiff_t>(top) * bmp.bytesPerRow(), bmp.bits.end());
    return out;
}
} // namespace

TEST(SlipDocuments, AServiceSlipTallerThanCairosLimitPrintsWhole)
{
    const auto& w = world();
    domain::Service service = w.service;
    const std::string text = longestRealSlipText();
    ASSERT_GT(text.size(), 300U);
    for (int i = 0; i < 160; ++i)
        service.eligibility.pl += text + "\n";
    service.eligibility.pl += "KONIEC";
    const Slip slip = serviceInfoSlip(w.context(domain::Language::Pl), service);

    std::vector<Bitmap> pages;
    auto bytes = renderEscPos(slip, fonts(), LayoutSpec::escpos80(), &pages);
    ASSERT_TRUE(bytes.ok()) << bytes.error();
    ASSERT_EQ(pages.size(), 1U);
    EXPECT_GT(pages[0].height, 32767); // one cairo surface could not have held it
    // The last words are drawn, and the printer gets every row.
    const Bitmap end = rasterizeText("KONIEC", fonts(), FontStyle::Regular, LayoutSpec::escpos80().bodySize);
    EXPECT_TRUE(rowsFrom(pages[0], pages[0].height - 600).contains(end));
    const auto job = okienko::receipt::test::decodeEscPos(*bytes);
    ASSERT_EQ(job.error, "");
    ASSERT_EQ(job.pages.size(), 1U);
    EXPECT_EQ(job.pages[0].height, pages[0].height);
    EXPECT_EQ(job.pages[0].bits, pages[0].bits);
}

TEST(SlipDocuments, ALineAcrossABandBoundaryIsDotForDotTheSameAsAlone)
{
    const double size = LayoutSpec::escpos80().bodySize;
    const std::string text = "Zażółć gęślą jaźń — wózek";
    Segment seg;
    DrawOp op;
    op.kind = DrawOp::Kind::Text;
    op.x = 4;
    op.y = kRasterBandRows + size * 0.4; // the baseline just below the boundary: the glyphs cross it
    op.style = FontStyle::Regular;
    op.size = size;
    op.text = text;
    seg.ops.push_back(op);
    seg.height = kRasterBandRows + size * 2;
    auto whole = rasterize(seg, fonts(), 576);
    ASSERT_TRUE(whole.ok()) << whole.error();
    const Bitmap around = rowsFrom(*whole, kRasterBandRows - static_cast<int>(size * 2)).cropped();
    const Bitmap alone = rasterizeText(text, fonts(), FontStyle::Regular, size);
    EXPECT_EQ(around.width, alone.width);
    EXPECT_EQ(around.height, alone.height);
    EXPECT_EQ(around.bits, alone.bits);
}
