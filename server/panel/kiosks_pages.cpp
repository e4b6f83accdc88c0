// Kiosk health. A kiosk silent for more than 10 minutes, a printer that is not ready and an outbox
// older than an hour are marked in words as well as by style. Revoked kiosks are listed apart, as
// revoked: their silence is expected, not a fault.
#include "server/panel/kiosks_pages.hpp"

#include <map>
#include <string>
#include <vector>

namespace okienko::server::panel
{

namespace
{
std::string formatDuration(std::int64_t seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return std::to_string(seconds) + " s";
    if (seconds < 7200)
        return std::to_string(seconds / 60) + " min";
    if (seconds < 2 * 86400)
        return std::to_string(seconds / 3600) + " h";
    return std::to_string(seconds / 86400) + " dni";
}

std::string printerLabel(const std::string& state)
{
    static const std::map<std::string, std::string> labels{{"ok", "sprawna"},
                                                           {"no-paper", "brak papieru"},
                                                           {"offline", "niedostępna"},
                                                           {"error", "błąd"},
                                                           {"unknown", "nieznany"}};
    auto it = labels.find(state);
    return it == labels.end() ? state : it->second;
}

std::string skewText(const std::optional<std::int64_t>& skew)
{
    if (!skew)
        return "brak danych";
    const std::int64_t v = *skew;
    std::string text = (v > 0 ? "+" : "") + std::to_string(v) + " s";
    if (v > 120)
        text += " (zegar kiosku się spieszy)";
    return text;
}

/// The display name enrol-kiosk gave, or a dash for kiosks added before names existed.
std::string displayNameText(const KioskHealth& k)
{
    return k.displayName.empty() ? std::string("—") : k.displayName;
}

/// Kiosks in service: a silent one is a problem to look into.
Html renderActiveKiosks(const std::vector<KioskHealth>& kiosks, std::int64_t now)
{
    Html body;
    body << "<p>Ostatni sygnał każdego kiosku. Kiosk wysyła sygnał co kilka minut; brak sygnału "
            "dłużej niż 10 minut jest oznaczony.</p>\n<table>\n<caption>Kioski</caption>\n<thead><tr>"
            "<th scope=\"col\">Kiosk</th><th scope=\"col\">Nazwa</th><th scope=\"col\">Ostatni sygnał</th>"
            "<th scope=\"col\">Drukarka</th><th scope=\"col\" class=\"num\">Kolejka do wysłania</th>"
            "<th scope=\"col\">Najstarsza w kolejce</th><th scope=\"col\">Wersja</th><th scope=\"col\">Czas "
            "pracy</th><th scope=\"col\">Ostatnia synchronizacja</th><th scope=\"col\">Przesunięcie zegara "
            "(szacunek)</th></tr></thead>\n<tbody>\n";
    for (const auto& k : kiosks)
    {
        if (!k.active)
            continue;
        body << "<tr><th scope=\"row\">" << k.name << "</th><td>" << displayNameText(k) << "</td>";
        if (!k.hasHeartbeat)
        {
            body << "<td class=\"warn\">brak sygnału</td><td>—</td><td class=\"num\">—</td><td>—</td><td>—</td>"
                    "<td>—</td><td>—</td><td>—</td></tr>\n";
            continue;
        }
        const std::int64_t age = now - k.receivedAt;
        const bool silent = age > 600;
        body << "<td" << (silent ? Markup(" class=\"warn\"") : Markup("")) << ">" << dateTimeText(k.receivedAt) << " ("
             << formatDuration(age) << " temu)" << (silent ? Markup(" — brak kontaktu") : Markup("")) << "</td><td"
             << (k.printerState == "ok" ? Markup("") : Markup(" class=\"warn\"")) << ">" << printerLabel(k.printerState)
             << "</td><td class=\"num\">" << k.outboxDepth << "</td><td"
             << (k.outboxOldestAgeSeconds > 3600 ? Markup(" class=\"warn\"") : Markup("")) << ">"
             << (k.outboxDepth > 0 ? formatDuration(k.outboxOldestAgeSeconds) : std::string("—")) << "</td><td>"
             << k.version << "</td><td>" << formatDuration(k.uptimeSeconds) << "</td><td>" << dateTimeText(k.lastSync)
             << "</td><td>" << skewText(k.clockSkewSeconds) << "</td></tr>\n";
    }
    body << "</tbody>\n</table>\n";
    return body;
}

/// Kiosks whose token revoke-kiosk withdrew: out of service on purpose, so their silence is not
/// marked. Nothing when there are none.
Html renderRevokedKiosks(const std::vector<KioskHealth>& kiosks)
{
    Html body;
    std::int64_t revoked = 0;
    for (const auto& k : kiosks)
        revoked += k.active ? 0 : 1;
    if (revoked == 0)
        return body;
    body << "<h2 id=\"wylaczone\">Kioski wyłączone</h2>\n<p>Token tych kiosków unieważniono (<code>okienko-central "
            "revoke-kiosk</code>): serwer odrzuca ich zapytania i nie sprawdza ich sygnału. Kiosk wraca do pracy "
            "tylko po ponownej rejestracji pod nowym identyfikatorem.</p>\n<table>\n<caption>Kioski wyłączone ("
         << revoked
         << ")</caption>\n<thead><tr><th scope=\"col\">Kiosk</th><th scope=\"col\">Nazwa</th><th "
            "scope=\"col\">Stan</th><th scope=\"col\">Ostatni sygnał</th></tr></thead>\n<tbody>\n";
    for (const auto& k : kiosks)
    {
        if (k.active)
            continue;
        body << "<tr><th scope=\"row\">" << k.name << "</th><td>" << displayNameText(k) << "</td><td>wyłączony"
             << (k.revokedAt ? " " + dateTimeText(*k.revokedAt) : std::string()) << "</td><td>"
             << (k.hasHeartbeat ? dateTimeText(k.receivedAt) : std::string("brak")) << "</td></tr>\n";
    }
    body << "</tbody>\n</table>\n";
    return body;
}

std::string eventTypeLabel(const std::string& type)
{
    static const std::map<std::string, std::string> labels{{"reservation.created", "rezerwacja sprzętu"},
                                                           {"counselling.requested", "poradnictwo"},
                                                           {"callback.requested", "prośba o oddzwonienie"},
                                                           {"loan.checked_out", "wypożyczenie"},
                                                           {"loan.checked_in", "zwrot"},
                                                           {"loan.extended", "przedłużenie"},
                                                           {"unit.state_changed", "zmiana stanu sprzętu"},
                                                           {"usage.recorded", "statystyka użycia"},
                                                           {"feedback.rated", "ocena"},
                                                           {"idea.submitted", "pomysł"}};
    auto it = labels.find(type);
    return it == labels.end() ? type : it->second;
}

/// Events the kiosks had acknowledged before the database was restored from an older backup and the
/// restored one lacks: staff help residents who come with their slips.
Html renderLostEvents(const std::vector<LostEventView>& lost)
{
    Html body;
    if (lost.empty())
        return body;
    body << "<h2 id=\"utracone\">Zgłoszenia utracone przy odtwarzaniu</h2>\n<p class=\"warn\">Baza serwera została "
            "odtworzona z kopii zapasowej. Kioski potwierdziły mieszkańcom poniższe zgłoszenia, ale odtworzona baza "
            "ich nie ma, a kiosk nie przechowuje danych osobowych. Gdy mieszkaniec przyjdzie z wydrukiem o tym "
            "kodzie, prosimy przyjąć zgłoszenie ponownie.</p>\n<table>\n<caption>Zgłoszenia utracone przy "
            "odtwarzaniu ("
         << static_cast<std::int64_t>(lost.size())
         << ")</caption>\n<thead><tr><th scope=\"col\">Kiosk</th><th scope=\"col\">Rodzaj</th>"
            "<th scope=\"col\">Kod / numer</th><th scope=\"col\">Potwierdzone w kiosku</th>"
            "<th scope=\"col\">Zgłoszone przez kiosk</th></tr></thead>\n<tbody>\n";
    for (const auto& e : lost)
        body << "<tr><td>" << e.kioskName << "</td><td>" << eventTypeLabel(e.type) << "</td><td>"
             << (e.reference.empty() ? std::string("—") : e.reference) << "</td><td>" << dateTimeText(e.ackedAt)
             << "</td><td>" << dateTimeText(e.reportedAt) << "</td></tr>\n";
    body << "</tbody>\n</table>\n";
    return body;
}
} // namespace

PanelResponse kiosksPage(const PageContext& ctx)
{
    auto kiosks = ctx.panelStore.kioskHealth();
    auto lost = ctx.panelStore.lostEvents();
    if (!kiosks || !lost)
        return messagePage(503, "Błąd", "Nie udało się odczytać stanu kiosków.");
    Html body = renderActiveKiosks(*kiosks, ctx.now.unix);
    body << renderRevokedKiosks(*kiosks) << renderLostEvents(*lost);
    return htmlPage(pageFrame(ctx, "Stan kiosków", "/panel/kiosks"), std::move(body));
}

} // namespace okienko::server::panel
