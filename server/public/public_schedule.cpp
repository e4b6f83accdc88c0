// The public schedule (see public_schedule.hpp).
#include "server/public/public_schedule.hpp"

#include "server/public/public_texts.hpp"
#include "shared/protocol/json_reader.hpp"
#include "shared/util/date_format.hpp"
#include "shared/util/warsaw_time.hpp"

#include <algorithm>

namespace okienko::server::pub
{

using panel::Html;
using panel::Markup;

namespace
{

std::string langCode(domain::Language lang)
{
    return std::string(domain::languageCode(lang));
}

/// The text in `lang`; in a span marked Polish when the translation is missing.
Html shown(const domain::LocalizedText& text, domain::Language lang)
{
    const bool polish = lang != domain::Language::Pl && text.isFallback(lang);
    return polish ? Html() << "<span lang=\"pl\">" << text.pl << "</span>" : Html() << text.in(lang);
}

std::string timeRange(int start, int end)
{
    return formatClock(start / 60, start % 60) + "–" + formatClock(end / 60, end % 60);
}

Html entry(const CatalogSnapshot& snapshot, domain::Language lang, const domain::Activity& a,
           const domain::ActivityOccurrence& o)
{
    Html out;
    out << "<li><p><strong>" << timeRange(o.startMinute, o.endMinute) << "</strong> " << shown(a.title, lang);
    if (o.cancelled)
        out << " <strong class=\"cancelled\">(" << word(lang, "schedule.cancelled") << ")</strong>";
    // A date called off on its own: the coordinator's reason, as typed (in Polish).
    if (!o.reason.empty())
        out << " "
            << (lang == domain::Language::Pl ? Html() << o.reason
                                             : Html() << "<span lang=\"pl\">" << o.reason << "</span>");
    out << "</p>\n<p>" << word(lang, "schedule.kind." + std::string(domain::activityKindCode(a.kind))) << " · "
        << a.place << "</p>\n";
    if (a.weekly && a.until)
        out << "<p>" << word(lang, "schedule.weekly", {{"date", formatDate(*a.until)}}) << "</p>\n";
    if (!a.signUp.empty())
        out << "<p>" << shown(a.signUp, lang) << "</p>\n";
    if (a.capacity)
        out << "<p>" << word(lang, "schedule.capacity", {{"places", std::to_string(*a.capacity)}}) << "</p>\n";
    if (const domain::Service* s = snapshot.catalog.findService(a.serviceId))
        out << "<p><a href=\"" << snapshot.base << langCode(lang) << "/service/" << s->id << "\">"
            << shown(s->name, lang) << "</a></p>\n";
    return out << "</li>\n";
}

protocol::Json textOrNull(const domain::LocalizedText& t)
{
    const auto orNull = [](const std::string& s)
    {
        return s.empty() ? protocol::Json(nullptr) : protocol::Json(s);
    };
    return protocol::Json{{"pl", t.pl}, {"uk", orNull(t.uk)}, {"en", orNull(t.en)}};
}

protocol::Json activityJson(const domain::Activity& a)
{
    return protocol::Json{{"id", a.id},
                          {"kind", domain::activityKindCode(a.kind)},
                          {"title", textOrNull(a.title)},
                          {"service_id", a.serviceId.empty() ? protocol::Json(nullptr) : protocol::Json(a.serviceId)},
                          {"area", a.area ? protocol::Json(domain::areaCode(*a.area)) : protocol::Json(nullptr)},
                          {"place", a.place},
                          {"first_date", a.date.iso()},
                          {"start_time", formatClock(a.startMinute / 60, a.startMinute % 60)},
                          {"end_time", formatClock(a.endMinute / 60, a.endMinute % 60)},
                          {"weekly_until", a.until ? protocol::Json(a.until->iso()) : protocol::Json(nullptr)},
                          {"capacity", a.capacity ? protocol::Json(*a.capacity) : protocol::Json(nullptr)},
                          {"sign_up", a.signUp.empty() ? protocol::Json(nullptr) : textOrNull(a.signUp)},
                          {"cancelled", a.cancelled}};
}

} // namespace

Html schedulePage(const CatalogSnapshot& snapshot, domain::Language lang,
                  const std::vector<domain::Activity>& activities, Date today)
{
    const auto occurrences = domain::occurrencesBetween(activities, today, today.plusDays(kSchedulePageDays - 1), true);
    Html out;
    out << "<h1>" << word(lang, "schedule.title") << "</h1>\n<p>" << word(lang, "pub.schedule.intro") << "</p>\n";
    if (occurrences.empty())
        return out << "<p>" << word(lang, "pub.schedule.none") << "</p>\n";
    std::size_t i = 0;
    while (i < occurrences.size())
    {
        const Date day = occurrences[i].date;
        const std::string id = "dzien-" + day.iso();
        out << "<section aria-labelledby=\"" << id << "\">\n<h2 id=\"" << id << "\">"
            << word(lang, "pub.weekday." + std::to_string(day.weekday())) << " " << formatDate(day) << "</h2>\n"
            << "<ul class=\"schedule\">\n";
        for (; i < occurrences.size() && occurrences[i].date == day; ++i)
            out << entry(snapshot, lang, activities[occurrences[i].index], occurrences[i]);
        out << "</ul>\n</section>\n";
    }
    return out;
}

JsonAnswer scheduleJson(const std::vector<domain::Activity>& activities,
                        const std::map<std::string, std::string>& query, Date today)
{
    for (const auto& [key, value] : query)
        if (key != "from" && key != "days" && key != "kind")
            return jsonError(400, "unknown_parameter",
                             key.substr(0, 40) + ": unknown query parameter (known: from, days, kind)");
    Date from = today;
    if (auto it = query.find("from"); it != query.end())
    {
        auto parsed = parseIsoDate(it->second);
        if (!parsed)
            return jsonError(400, "bad_from", "from: a day as YYYY-MM-DD");
        from = *parsed;
    }
    int days = kSchedulePageDays;
    if (auto it = query.find("days"); it != query.end())
    {
        const std::string& v = it->second;
        const bool digits =
            !v.empty() && v.size() <= 2 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        days = digits ? std::stoi(v) : 0;
        if (days < 1 || days > kScheduleApiMaxDays)
            return jsonError(400, "bad_days", "days: a whole number from 1 to " + std::to_string(kScheduleApiMaxDays));
    }
    std::optional<domain::ActivityKind> kind;
    if (auto it = query.find("kind"); it != query.end())
    {
        kind = domain::parseActivityKind(it->second);
        if (!kind)
            return jsonError(400, "bad_kind", "kind: one of workshop, club, duty, partner-event");
    }
    const Date to = from.plusDays(days - 1);
    std::vector<domain::Activity> chosen;
    for (const auto& a : activities)
        if (!kind || a.kind == *kind)
            chosen.push_back(a);
    const auto occurrences = domain::occurrencesBetween(chosen, from, to, true);
    protocol::Json list = protocol::Json::array();
    std::vector<bool> listed(chosen.size(), false);
    protocol::Json when = protocol::Json::array();
    for (const auto& o : occurrences)
    {
        const domain::Activity& a = chosen[o.index];
        if (!listed[o.index])
            list.push_back(activityJson(a));
        listed[o.index] = true;
        when.push_back({{"activity_id", a.id},
                        {"date", o.date.iso()},
                        {"start", warsawTimestamp(o.date, o.startMinute)},
                        {"end", warsawTimestamp(o.date, o.endMinute)},
                        {"cancelled", o.cancelled},
                        {"cancel_reason", o.reason.empty() ? protocol::Json(nullptr) : protocol::Json(o.reason)}});
    }
    protocol::Json body{{"from", from.iso()},
                        {"to", to.iso()},
                        {"time_zone", "Europe/Warsaw"},
                        {"activities", list},
                        {"occurrences", when}};
    return JsonAnswer{200, body.dump()};
}

} // namespace okienko::server::pub
