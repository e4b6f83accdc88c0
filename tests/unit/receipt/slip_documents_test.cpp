// What each slip says and never says: the privacy rules of product.md §7 and §5 as assertions.
#include "kiosk/core/slips/sample_slips.hpp"
#include "kiosk/receipt/escpos_encoder.hpp"

#include <algorithm>
#include <gtest/gtest.h>

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
    renderEscPos(agreement, fonts(), LayoutSpec::escpos80(), &pages);
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
