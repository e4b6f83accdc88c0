// The counselling register's duty hours and booked meetings (see counselling_register_pages.hpp).
// A meeting is marked once its day has come; marking again corrects the mark (the audit keeps
// both). The name copied into the register is the request's, as the plan's register asks.
#include "server/panel/counselling_register_pages.hpp"

#include "server/panel/route_table.hpp"

namespace okienko::server::panel
{

namespace
{
constexpr const char* kMarkPath = "/panel/registers/counselling/mark";
constexpr int kMinMinutes = 5;
constexpr int kMaxMinutes = 480;

std::string markState(const BookedMeetingView& m)
{
    if (!m.held)
        return "nieoznaczone";
    if (!*m.held)
        return "nie odbyło się";
    return "odbyło się, " + std::to_string(m.durationMinutes.value_or(0)) + " min";
}

Html markForm(const PageContext& ctx, const BookedMeetingView& m, const RegisterPeriod& p)
{
    const std::string id = "spotkanie-" + m.requestId;
    const int minutes = m.durationMinutes.value_or(m.slotMinutes);
    const bool notHeld = m.held && !*m.held;
    return Html() << "<form class=\"inline\" method=\"post\" enctype=\"multipart/form-data\" action=\""
                  << Markup("/panel/registers/counselling/mark") << "\">" << csrfField(ctx.session)
                  << "<input type=\"hidden\" name=\"booking\" value=\"" << m.requestId
                  << "\"><input type=\"hidden\" name=\"from\" value=\"" << p.from.iso()
                  << "\"><input type=\"hidden\" name=\"to\" value=\"" << p.to.iso() << "\"><label for=\"" << id
                  << "-held\" class=\"sr-only\">Czy spotkanie " << m.code << " się odbyło</label><select id=\"" << id
                  << "-held\" name=\"held\"><option value=\"1\">odbyło się</option><option value=\"0\""
                  << (notHeld ? Markup(" selected") : Markup("")) << ">nie odbyło się</option></select> <label for=\""
                  << id << "-min\">minut</label> <input id=\"" << id
                  << "-min\" name=\"minutes\" type=\"number\" min=\"5\" max=\"480\" size=\"4\" value=\"" << minutes
                  << "\"> <button type=\"submit\" aria-label=\"Zapisz spotkanie " << m.code
                  << "\">Zapisz</button></form>";
}

Html meetingsTable(const PageContext& ctx, const std::vector<BookedMeetingView>& meetings, const RegisterPeriod& p)
{
    const bool mayMark = mayUse(ctx.session.role, Method::Post, kMarkPath);
    Html rows;
    for (const auto& m : meetings)
    {
        const auto date = parseIsoDate(m.date);
        rows << "<tr><th scope=\"row\">" << (date ? dayText(*date) : m.date) << "</th><td>" << clockText(m.start)
             << "</td><td>" << m.code << "</td><td>" << m.kindName << "</td><td>"
             << (m.personName.empty() ? std::string("—") : m.personName) << "</td><td>" << markState(m) << "</td><td>";
        if (date && ctx.now.today < *date)
            rows << "zaplanowane";
        else if (mayMark)
            rows << markForm(ctx, m, p);
        rows << "</td></tr>\n";
    }
    Html out;
    out << "<section aria-labelledby=\"umowione\">\n<h2 id=\"umowione\">Spotkania umówione w kioskach ("
        << static_cast<std::int64_t>(meetings.size()) << ")</h2>\n";
    if (meetings.empty())
        return out << "<p role=\"status\">Brak umówionych spotkań w tym okresie.</p>\n</section>\n";
    return out << "<table aria-labelledby=\"umowione\">\n<thead><tr><th scope=\"col\">Dzień</th><th "
                  "scope=\"col\">Godzina</th><th scope=\"col\">Kod</th><th scope=\"col\">Rodzaj</th><th "
                  "scope=\"col\">Imię i nazwisko</th><th scope=\"col\">Stan</th><th scope=\"col\">Oznacz</th></tr>"
                  "</thead>\n<tbody>\n"
               << rows << "</tbody>\n</table>\n</section>\n";
}

/// Where the mark returns: the register for the period the form was sent from.
std::string backTo(const Form& form, const std::string& code, Date today)
{
    const RegisterPeriod period = requestedPeriod(form, today);
    return "/panel/registers/counselling?msg=" + code + "&from=" + period.from.iso() + "&to=" + period.to.iso();
}
} // namespace

std::string hoursAndMinutes(std::int64_t minutes)
{
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

std::map<std::string, FlashMessage> withMarkMessages(std::map<std::string, FlashMessage> messages)
{
    messages.insert({
        {"marked", {"Spotkanie oznaczone w rejestrze.", false}},
        {"bad-minutes", {"Czas trwania: podaj liczbę minut od 5 do 480.", true}},
        {"no-meeting",
         {"Nie można oznaczyć tego spotkania: nie ma go, zostało odwołane albo jego dzień jeszcze nie nadszedł.",
          true}},
    });
    return messages;
}

Result<Html, db::Error> counsellingRegisterSections(const PageContext& ctx, const RegisterPeriod& period)
{
    auto hours = ctx.panelStore.dutyHours(period.from.iso(), period.to.iso());
    if (!hours)
        return makeErr(hours.error());
    auto meetings = ctx.panelStore.bookedMeetings(period.from.iso(), period.to.iso());
    if (!meetings)
        return makeErr(meetings.error());
    Html out;
    out << "<p role=\"status\" id=\"godziny-dyzurow\">Godziny dyżurów w okresie: <strong>"
        << hoursAndMinutes(hours->minutes) << "</strong> (" << hours->slots
        << " dyżurów; suma czasu trwania dyżurów opublikowanych na stronie „Dyżury poradnictwa”).</p>\n"
        << meetingsTable(ctx, *meetings, period);
    return out;
}

PanelResponse counsellingMarkAction(const PageContext& ctx, const Form& form)
{
    const std::string booking = fieldValue(form, "booking");
    const std::string held = fieldValue(form, "held");
    if (booking.empty() || booking.size() > 64 || (held != "1" && held != "0"))
        return seeOther(backTo(form, "bad-input", ctx.now.today));
    MeetingMark mark;
    mark.requestId = booking;
    mark.today = ctx.now.today.iso();
    mark.held = held == "1";
    mark.staffId = ctx.session.staffId;
    mark.now = ctx.now.unix;
    if (mark.held)
    {
        const auto minutes = parseWholeNumber(fieldValue(form, "minutes"));
        if (!minutes || *minutes < kMinMinutes || *minutes > kMaxMinutes)
            return seeOther(backTo(form, "bad-minutes", ctx.now.today));
        mark.minutes = *minutes;
    }
    auto result = ctx.panelStore.markMeeting(mark);
    if (!result)
        return seeOther(backTo(form, "error", ctx.now.today));
    return seeOther(backTo(form, *result == RegisterWriteResult::Marked ? "marked" : "no-meeting", ctx.now.today));
}

} // namespace okienko::server::panel
