// Every slip type filled with sample records: what the installer's bring-up tool
// (`okienko-kiosk --print-test QUEUE`) prints, and what the tests and the benchmark render.
// The records are invented; nothing here is a real person.
#pragma once

#include "kiosk/core/slips/slip_documents.hpp"

#include <string>
#include <utility>
#include <vector>

namespace okienko::receipt
{

struct SampleWorld
{
    kiosk::Translator translator;
    domain::Municipality cus;
    domain::EquipmentType wheelchair;
    domain::Reservation reservation;
    domain::CounsellingRequest counselling;
    domain::CounsellingSlot slot;
    domain::CallbackRequest callback;
    domain::Service service;
    domain::Loan loan;

    /// Loads the translations from `i18nDir`; `cus` defaults to a sample CUS.
    explicit SampleWorld(const std::string& i18nDir);
    bool ok() const { return m_ok; }
    SlipContext context(domain::Language lang) const;
    /// (name, slip) for every slip type, in `lang`.
    std::vector<std::pair<std::string, Slip>> allSlips(domain::Language lang) const;

  private:
    bool m_ok = false;
};

} // namespace okienko::receipt
