// The ids of the catalogue's areas and target groups (decision 0012). An id is a stable slug, written
// as it is in catalogue files, the change feed, usage events, residents' needs and activities; which
// ids a catalogue defines, with their names, is `Catalog::areas`/`targetGroups`. The 14 areas of
// art. 2 ust. 1 of the CUS act (ustawa z 19 lipca 2019 r. o realizowaniu usług społecznych przez
// centrum usług społecznych) and the 9 shipped target groups keep their ids as named constants.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace okienko::domain
{

/// 1–64 characters of [a-z0-9-], the first a letter or a digit: the form of every area and group id.
bool isCatalogueSlug(std::string_view text);

/// A slug kept in place (no allocation), so the named constants below are compile-time values.
class CatalogueSlug
{
  public:
    static constexpr std::size_t kMaxLength = 64;

    constexpr CatalogueSlug() = default;
    /// `text` must satisfy isCatalogueSlug; longer text is cut (never happens for a checked id).
    constexpr explicit CatalogueSlug(std::string_view text)
    {
        m_size = static_cast<std::uint8_t>(text.size() < kMaxLength ? text.size() : kMaxLength);
        for (std::size_t i = 0; i < m_size; ++i)
            m_chars[i] = text[i];
    }
    constexpr std::string_view text() const { return {m_chars.data(), m_size}; }

    friend constexpr bool operator==(const CatalogueSlug&, const CatalogueSlug&) = default;
    friend constexpr auto operator<=>(const CatalogueSlug&, const CatalogueSlug&) = default;

  private:
    std::array<char, kMaxLength> m_chars{};
    std::uint8_t m_size = 0;
};

/// An area's id. The 14 of the act are numbered as in the act (pkt 1 … pkt 14).
class Area
{
  public:
    /// Checks the id's form only; whether a catalogue defines it is the catalogue's to say.
    static std::optional<Area> parse(std::string_view id);

    constexpr std::string_view id() const { return m_id.text(); }

    friend constexpr bool operator==(const Area&, const Area&) = default;
    friend constexpr auto operator<=>(const Area&, const Area&) = default;

    static const Area ProFamily;        ///< polityka prorodzinna
    static const Area FamilySupport;    ///< wspieranie rodziny
    static const Area FosterCare;       ///< system pieczy zastępczej
    static const Area SocialAssistance; ///< pomoc społeczna
    static const Area Health;           ///< promocja i ochrona zdrowia
    static const Area Disability;       ///< wspieranie osób niepełnosprawnych
    static const Area Education;        ///< edukacja publiczna
    static const Area Unemployment;     ///< przeciwdziałanie bezrobociu
    static const Area Culture;          ///< kultura
    static const Area PhysicalCulture;  ///< kultura fizyczna i turystyka
    static const Area CivicActivity;    ///< pobudzanie aktywności obywatelskiej
    static const Area Housing;          ///< mieszkalnictwo
    static const Area Environment;      ///< ochrona środowiska
    static const Area Reintegration;    ///< reintegracja zawodowa i społeczna

  private:
    constexpr explicit Area(std::string_view id) : m_id(id) {}
    CatalogueSlug m_id;
};

inline constexpr Area Area::ProFamily{"01-prorodzinna"};
inline constexpr Area Area::FamilySupport{"02-wspieranie-rodziny"};
inline constexpr Area Area::FosterCare{"03-piecza-zastepcza"};
inline constexpr Area Area::SocialAssistance{"04-pomoc-spoleczna"};
inline constexpr Area Area::Health{"05-zdrowie"};
inline constexpr Area Area::Disability{"06-niepelnosprawnosc"};
inline constexpr Area Area::Education{"07-edukacja"};
inline constexpr Area Area::Unemployment{"08-bezrobocie"};
inline constexpr Area Area::Culture{"09-kultura"};
inline constexpr Area Area::PhysicalCulture{"10-sport-turystyka"};
inline constexpr Area Area::CivicActivity{"11-aktywnosc-obywatelska"};
inline constexpr Area Area::Housing{"12-mieszkalnictwo"};
inline constexpr Area Area::Environment{"13-srodowisko"};
inline constexpr Area Area::Reintegration{"14-reintegracja"};

inline constexpr int kShippedAreaCount = 14;

/// The id as written in files and the protocol ("01-prorodzinna"); a view into `area`.
std::string_view areaCode(const Area& area);
std::optional<Area> parseArea(std::string_view code);
/// The 14 areas of the act, in the act's order: the defaults of a catalogue without its own list.
const std::array<Area, kShippedAreaCount>& shippedAreas();
/// 1–14 for an area of the act (the kiosk's `area.NN.*` words), nothing for an added one.
std::optional<int> actNumber(const Area& area);

/// A target group's id.
class TargetGroup
{
  public:
    static std::optional<TargetGroup> parse(std::string_view id);

    constexpr std::string_view id() const { return m_id.text(); }

    friend constexpr bool operator==(const TargetGroup&, const TargetGroup&) = default;
    friend constexpr auto operator<=>(const TargetGroup&, const TargetGroup&) = default;

    static const TargetGroup Seniors;          ///< seniorzy 60+
    static const TargetGroup Families;         ///< rodziny z dziećmi
    static const TargetGroup ChildrenYouth;    ///< dzieci i młodzież
    static const TargetGroup Disabilities;     ///< osoby z niepełnosprawnościami
    static const TargetGroup Carers;           ///< opiekunowie osób zależnych
    static const TargetGroup ViolenceAffected; ///< osoby doświadczające przemocy
    static const TargetGroup Unemployed;       ///< osoby bezrobotne
    static const TargetGroup Addictions;       ///< osoby z problemem uzależnień
    /// Wszyscy mieszkańcy: a service for everyone is in every group.
    static const TargetGroup AllResidents;

  private:
    constexpr explicit TargetGroup(std::string_view id) : m_id(id) {}
    CatalogueSlug m_id;
};

inline constexpr TargetGroup TargetGroup::Seniors{"seniors"};
inline constexpr TargetGroup TargetGroup::Families{"families"};
inline constexpr TargetGroup TargetGroup::ChildrenYouth{"children-youth"};
inline constexpr TargetGroup TargetGroup::Disabilities{"disabilities"};
inline constexpr TargetGroup TargetGroup::Carers{"carers"};
inline constexpr TargetGroup TargetGroup::ViolenceAffected{"violence"};
inline constexpr TargetGroup TargetGroup::Unemployed{"unemployed"};
inline constexpr TargetGroup TargetGroup::Addictions{"addictions"};
inline constexpr TargetGroup TargetGroup::AllResidents{"all"};

inline constexpr int kShippedTargetGroupCount = 9;

/// "seniors", "families", "children-youth", "disabilities", "carers", "violence", "unemployed",
/// "addictions", "all"; a view into `group`.
std::string_view targetGroupCode(const TargetGroup& group);
std::optional<TargetGroup> parseTargetGroup(std::string_view code);
/// The 9 shipped groups: the defaults of a catalogue without its own list.
const std::array<TargetGroup, kShippedTargetGroupCount>& shippedTargetGroups();
bool isShipped(const TargetGroup& group);

} // namespace okienko::domain
