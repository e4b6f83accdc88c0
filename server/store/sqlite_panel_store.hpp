// The panel's queries and actions on the central SQLite database (PanelStore over ServerStore's
// reader pool and its one writer). One .cpp file per group of pages.
#pragma once

#include "server/server_store.hpp"
#include "server/store/panel_store.hpp"

namespace okienko::server
{

class SqlitePanelStore final : public PanelStore
{
  public:
    explicit SqlitePanelStore(ServerStore& store) : m_store(store) {}

    // --- login, callbacks, reservations and counselling, kiosks, monitoring, loans ---

    // --- units, duty slots, catalogue and announcements ---

  private:
    ServerStore& m_store;
};

} // namespace okienko::server
