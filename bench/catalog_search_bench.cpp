// Keystroke latency of the catalogue search on a deterministic 10,000-entry catalogue: the kiosk
// searches on every key, so p95 must stay under 1 ms. Prints a p50/p95 table, then runs the same
// queries under Google Benchmark. Reports figures only; it never fails.
#include "shared/search/catalog_index.hpp"

#include <algorithm>
#include <array>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace
{

using okienko::domain::Language;

constexpr std::size_t kEntryCount = 10'000;
constexpr std::size_t kEquipmentTypeCount = 400;
constexpr int kWarmup = 50;
constexpr int kIterations = 2'000;
constexpr std::size_t kLimit = 20;

/// splitmix64: deterministic on every platform, unlike std:: distributions.
class Rng
{
  public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <typename T, std::size_t N> const T& pick(const std::array<T, N>& a) { return a[below(N)]; }
    template <typename T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  private:
    std::uint64_t m_state;
};

// Words a resident of a Polish gmina meets in a social-services catalogue.
constexpr std::array<std::string_view, 51> kPolishCore{"wózek",
                                                       "łóżko",
                                                       "kule",
                                                       "balkonik",
                                                       "materac",
                                                       "pomoc",
                                                       "usługi",
                                                       "opiekuńcze",
                                                       "rehabilitacja",
                                                       "seniorów",
                                                       "rodzina",
                                                       "rodzin",
                                                       "asystent",
                                                       "osobisty",
                                                       "transport",
                                                       "dowóz",
                                                       "wypożyczalnia",
                                                       "sprzętu",
                                                       "mieszkanie",
                                                       "chronione",
                                                       "poradnictwo",
                                                       "psychologiczne",
                                                       "terapia",
                                                       "zajęcia",
                                                       "warsztaty",
                                                       "świetlica",
                                                       "dzieci",
                                                       "młodzieży",
                                                       "niepełnosprawnych",
                                                       "opieka",
                                                       "wytchnieniowa",
                                                       "posiłki",
                                                       "żywność",
                                                       "dodatek",
                                                       "mieszkaniowy",
                                                       "klub",
                                                       "sąsiedzki",
                                                       "integracja",
                                                       "aktywność",
                                                       "zdrowie",
                                                       "profilaktyka",
                                                       "ćwiczenia",
                                                       "łazienka",
                                                       "gorący",
                                                       "posiłek",
                                                       "edukacja",
                                                       "praca",
                                                       "kultura",
                                                       "inwalidzki",
                                                       "domu",
                                                       "domowa"};
constexpr std::array<std::string_view, 12> kPolishStop{"w", "i",  "z",  "na",    "do",   "dla",
                                                       "o", "od", "po", "przez", "oraz", "się"};
constexpr std::array<std::string_view, 40> kPolishSyllables{
    "wo", "zek", "ło",  "żko", "prze", "szcz", "cze", "ść",  "ną",  "rę", "ka", "mi", "sta", "pra",
    "cy", "ja",  "nie", "po",  "moc",  "dom",  "ów",  "ego", "ski", "ła", "ń",  "ży", "dź",  "ją",
    "ro", "dzi", "na",  "gó",  "ra",   "wy",   "bo",  "śl",  "ęk",  "ta", "le", "źr"};

constexpr std::array<std::string_view, 30> kUkrainianCore{
    "візок",        "ліжко",        "милиці",       "ходунки",      "матрац",   "допомога",  "послуги",   "догляду",
    "реабілітація", "літніх",       "сімʼя",        "родин",        "асистент", "особистий", "транспорт", "прокат",
    "обладнання",   "житло",        "консультації", "психологічні", "терапія",  "заняття",   "майстерні", "діти",
    "молоді",       "інвалідністю", "їжа",          "ґанок",        "пʼять",    "здоровʼя"};
constexpr std::array<std::string_view, 8> kUkrainianStop{"в", "і", "з", "на", "до", "для", "та", "від"};
constexpr std::array<std::string_view, 30> kUkrainianSyllables{
    "ві", "зок", "лі", "жко", "до", "по", "мо", "га", "ка", "ня", "ї",  "ґа", "нок", "єм", "пʼя",
    "ть", "сл",  "у",  "ги",  "ре", "аб", "ще", "ди", "ти", "на", "ро", "ко", "ль",  "що", "ій"};

constexpr std::array<std::string_view, 30> kEnglishCore{
    "wheelchair",     "bed",          "crutches",    "walker",        "mattress",  "help",     "services",  "care",
    "rehabilitation", "seniors",      "family",      "families",      "assistant", "personal", "transport", "rental",
    "equipment",      "housing",      "counselling", "psychological", "therapy",   "classes",  "workshops", "children",
    "youth",          "disabilities", "food",        "meals",         "health",    "community"};
constexpr std::array<std::string_view, 8> kEnglishStop{"in", "and", "with", "for", "the", "of", "to", "at"};
constexpr std::array<std::string_view, 24> kEnglishSyllables{"re",  "ha", "bil", "ta",  "tion", "ser",  "vi",  "ces",
                                                             "com", "mu", "ni",  "ty",  "sup",  "port", "ho",  "me",
                                                             "ca",  "re", "wal", "ker", "lo",   "an",   "gro", "up"};

struct Vocabulary
{
    std::vector<std::string> words; ///< core words plus generated ones
    std::vector<std::string> stop;
};

template <std::size_t C, std::size_t S, std::size_t Y>
Vocabulary makeVocabulary(Rng& rng, const std::array<std::string_view, C>& core,
                          const std::array<std::string_view, S>& stop, const std::array<std::string_view, Y>& syllables,
                          std::size_t generated)
{
    Vocabulary v;
    for (std::string_view w : core)
        v.words.emplace_back(w);
    for (std::string_view w : stop)
        v.stop.emplace_back(w);
    for (std::size_t i = 0; i < generated; ++i)
    {
        std::string w;
        const std::size_t n = 2 + rng.below(3);
        for (std::size_t k = 0; k < n; ++k)
            w += rng.pick(syllables);
        v.words.push_back(std::move(w));
    }
    return v;
}

/// A word: a core word a third of the time (so realistic queries hit many entries), else any.
const std::string& word(Rng& rng, const Vocabulary& v, std::size_t coreCount)
{
    return rng.chance(33) ? v.words[rng.below(coreCount)] : rng.pick(v.words);
}

std::string sentence(Rng& rng, const Vocabulary& v, std::size_t coreCount, std::size_t minWords, std::size_t maxWords,
                     bool capitalise)
{
    std::string s;
    const std::size_t n = minWords + rng.below(maxWords - minWords + 1);
    for (std::size_t i = 0; i < n; ++i)
    {
        if (i > 0)
            s += rng.chance(8) ? ", " : " ";
        const bool stop = i > 0 && rng.chance(20);
        std::string w = stop ? rng.pick(v.stop) : word(rng, v, coreCount);
        if (capitalise && i == 0 && !w.empty() && w[0] >= 'a' && w[0] <= 'z')
            w[0] = static_cast<char>(w[0] - 'a' + 'A');
        s += w;
    }
    if (!capitalise)
        s += '.';
    return s;
}

struct Languages
{
    Vocabulary pl;
    Vocabulary uk;
    Vocabulary en;
};

okienko::domain::LocalizedText text(Rng& rng, const Languages& l, std::size_t minWords, std::size_t maxWords,
                                    bool isName)
{
    okienko::domain::LocalizedText t;
    t.pl = sentence(rng, l.pl, kPolishCore.size(), minWords, maxWords, isName);
    if (rng.chance(85))
        t.uk = sentence(rng, l.uk, kUkrainianCore.size(), minWords, maxWords, isName);
    if (rng.chance(80))
        t.en = sentence(rng, l.en, kEnglishCore.size(), minWords, maxWords, isName);
    return t;
}

okienko::domain::Catalog makeCatalog()
{
    Rng rng(20'240'601);
    Languages l{makeVocabulary(rng, kPolishCore, kPolishStop, kPolishSyllables, 4'000),
                makeVocabulary(rng, kUkrainianCore, kUkrainianStop, kUkrainianSyllables, 3'000),
                makeVocabulary(rng, kEnglishCore, kEnglishStop, kEnglishSyllables, 3'000)};
    okienko::domain::Catalog c;
    for (std::size_t i = 0; i < kEntryCount - kEquipmentTypeCount; ++i)
    {
        okienko::domain::Service s;
        s.id = "svc-" + std::to_string(i);
        s.status = rng.chance(5) ? okienko::domain::ServiceStatus::Archived : okienko::domain::ServiceStatus::Active;
        s.name = text(rng, l, 2, 5, true);
        s.summary = text(rng, l, 8, 16, false);
        s.description = text(rng, l, 30, 70, false);
        const std::size_t tagCount = 1 + rng.below(5);
        for (std::size_t k = 0; k < tagCount; ++k)
        {
            s.tags.pl.push_back(word(rng, l.pl, kPolishCore.size()));
            s.tags.uk.push_back(word(rng, l.uk, kUkrainianCore.size()));
            s.tags.en.push_back(word(rng, l.en, kEnglishCore.size()));
        }
        c.services.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < kEquipmentTypeCount; ++i)
    {
        okienko::domain::EquipmentType t;
        t.id = "eq-" + std::to_string(i);
        t.name = text(rng, l, 1, 3, true);
        t.description = text(rng, l, 10, 30, false);
        c.equipmentTypes.push_back(std::move(t));
    }
    return c;
}

struct Query
{
    std::string_view label;
    std::string_view text;
    Language lang;
};

constexpr std::array<Query, 19> kQueries{{
    {"1 letter", "w", Language::Pl},
    {"2 letters", "po", Language::Pl},
    {"prefix", "woz", Language::Pl},
    {"word", "wozek", Language::Pl},
    {"no diacritics", "lozko", Language::Pl},
    {"diacritics", "Łóżko", Language::Pl},
    {"2 words", "wozek inw", Language::Pl},
    {"3 words", "pomoc dla sen", Language::Pl},
    {"stop word + w", "w domu", Language::Pl},
    {"no match", "xyzzy", Language::Pl},
    {"no match 2nd", "wozek qqq", Language::Pl},
    {"uk 1 letter", "в", Language::Uk},
    {"uk 2 letters", "ві", Language::Uk},
    {"uk word", "візок", Language::Uk},
    {"uk forgiving", "пять", Language::Uk},
    {"uk typing pl", "rehabilitacja", Language::Uk},
    {"en 1 letter", "c", Language::En},
    {"en prefix", "whee", Language::En},
    {"en 2 words", "care seniors", Language::En},
}};

const okienko::search::CatalogIndex& sharedIndex()
{
    static const okienko::search::CatalogIndex index(makeCatalog());
    return index;
}

/// Pads to `width` code points: printf's widths count bytes, which misaligns Polish and Cyrillic.
std::string padded(std::string_view s, std::size_t width)
{
    std::size_t points = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++points;
    std::string out(s);
    if (points < width)
        out.append(width - points, ' ');
    return out;
}

/// Times every query on `index`; prints the table when asked. Returns the worst p95 in µs.
double timeQueries(const okienko::search::CatalogIndex& index, bool print)
{
    if (print)
        std::printf("%-15s %-16s %-4s %8s %10s %10s %10s %10s\n", "query", "text", "lang", "results", "p50 us",
                    "p95 us", "p99 us", "max us");
    double worstP95 = 0;
    std::vector<double> us(static_cast<std::size_t>(kIterations));
    for (const Query& q : kQueries)
    {
        std::size_t results = 0;
        for (int i = 0; i < kWarmup; ++i)
            results = index.query(q.text, q.lang, kLimit).size();
        for (double& sample : us)
        {
            const auto a = std::chrono::steady_clock::now();
            const auto r = index.query(q.text, q.lang, kLimit);
            const auto b = std::chrono::steady_clock::now();
            benchmark::DoNotOptimize(r.data());
            sample = std::chrono::duration<double, std::micro>(b - a).count();
        }
        std::sort(us.begin(), us.end());
        const auto at = [&](double p)
        {
            return us[static_cast<std::size_t>(p * static_cast<double>(us.size() - 1))];
        };
        worstP95 = std::max(worstP95, at(0.95));
        if (!print)
            continue;
        // Appended piecewise: GCC 12 at -O3 reports a false -Wrestrict on "\"" + std::string.
        std::string quoted(1, '"');
        quoted.append(q.text);
        quoted.push_back('"');
        std::printf("%-15s %s %-4s %8zu %10.1f %10.1f %10.1f %10.1f\n", std::string(q.label).c_str(),
                    padded(quoted, 16).c_str(), std::string(okienko::domain::languageCode(q.lang)).c_str(), results,
                    at(0.50), at(0.95), at(0.99), us.back());
    }
    return worstP95;
}

void printTable()
{
    const auto t0 = std::chrono::steady_clock::now();
    const okienko::domain::Catalog catalog = makeCatalog();
    const auto t1 = std::chrono::steady_clock::now();
    const okienko::search::CatalogIndex& index = sharedIndex();
    const auto t2 = std::chrono::steady_clock::now();
    const okienko::search::CatalogIndex plain(catalog, std::numeric_limits<std::size_t>::max());
    const auto t3 = std::chrono::steady_clock::now();
    const auto ms = [](auto d)
    {
        return std::chrono::duration<double, std::milli>(d).count();
    };
    std::printf("catalogue: %zu entries (%zu services, %zu equipment types); generated in %.0f ms, indexed in "
                "%.0f ms (%.0f ms without the frequent-prefix shortcuts)\n",
                index.size(), catalog.services.size(), catalog.equipmentTypes.size(), ms(t1 - t0), ms(t2 - t1),
                ms(t3 - t2));
    std::printf("frequent prefixes merged: %zu; one-word queries ranked at build time: %zu\n",
                index.frequentPrefixCount(), index.cachedQueryCount());
    std::printf("%d timed runs per query after %d warm-up runs, limit %zu\n\n", kIterations, kWarmup, kLimit);
    const double worstP95 = timeQueries(index, true);
    const double plainP95 = timeQueries(plain, false);
    std::printf("\nworst p95: %.1f us (goal <= 100 us on every query); plain posting scan: %.1f us\n\n", worstP95,
                plainP95);
}

void queryBenchmark(benchmark::State& state, const Query* q)
{
    const okienko::search::CatalogIndex& index = sharedIndex();
    for (auto _ : state)
    {
        auto r = index.query(q->text, q->lang, kLimit);
        benchmark::DoNotOptimize(r.data());
    }
}

} // namespace

int main(int argc, char** argv)
{
    try
    {
        printTable();
        for (const Query& q : kQueries)
            benchmark::RegisterBenchmark(("query/" + std::string(q.label)).c_str(), queryBenchmark, &q)
                ->Unit(benchmark::kMicrosecond);
        benchmark::Initialize(&argc, argv);
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
    }
    catch (const std::exception& e)
    {
        std::printf("benchmark stopped: %s\n", e.what());
    }
    return 0;
}
