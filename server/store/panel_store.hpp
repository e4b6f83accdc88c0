// What the coordinators' panel reads from and writes to the central database, as one interface:
// every query a page needs returns plain view structs, every action is one method that runs in one
// transaction. The panel holds no SQL; a second database backend implements this interface.
#pragma once

namespace okienko::server
{

class PanelStore
{
  public:
    virtual ~PanelStore() = default;

    // --- login, callbacks, reservations and counselling, kiosks, monitoring, loans ---

    // --- units, duty slots, catalogue and announcements ---
};

} // namespace okienko::server
