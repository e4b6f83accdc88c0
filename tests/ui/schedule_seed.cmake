# The schedule the UI scripts and the layout sweep see (okienko-test-seed --activity …), around the
# scripts' clock, Monday 2 March 2026 09:00: a weekly club meeting from today, a workshop tomorrow, a
# cancelled duty hour on Wednesday and a partner's event on Friday, with the Łapy CAS's kinds of texts.
set(OKIENKO_UI_SCHEDULE_SEED
    --activity a0000000-0000-4000-8000-000000000001 club 2026-03-02 17:00 19:00 2026-06-29 0
               "CAS, ul. Główna 1, sala 2" "Klub Seniora" "Клуб літніх людей" "Seniors' club" 20
               "Zapisy: tel. 85 715 00 00"
    --activity a0000000-0000-4000-8000-000000000002 workshop 2026-03-03 10:00 12:00 - 0 "CAS, sala komputerowa"
               "Warsztaty komputerowe dla seniorów" "Комп’ютерні майстер-класи для людей похилого віку"
               "Computer workshops for seniors" 12 -
    --activity a0000000-0000-4000-8000-000000000003 duty 2026-03-04 12:00 14:00 - 1 "CAS, pokój 12"
               "Dyżur psychologa" "Чергування психолога" "Psychologist on duty" - -
    --activity a0000000-0000-4000-8000-000000000004 partner-event 2026-03-06 16:00 18:00 - 0
               "Biblioteka Publiczna w Łapach" "Głośne czytanie dla dzieci" "Голосне читання для дітей"
               "Reading aloud for children" - -)
