# One combination of the layout sweep: cmake -DKIOSK=… -DSEED=… -DROOT=… -DWORK=… -DSIZE=720x1280
# -DTEXT=normal|large -DLANG=pl|uk|en -P run_sweep.cmake
# Writes the combination's kiosk.toml and script (walk.kiosk.in, then staff.kiosk.in), empties its data
# folder, seeds two staff members and the schedule, runs the kiosk headless with `check-clips on` and fails with the
# kiosk. OKIENKO_SWEEP_SHOTS=DIR saves a PNG of every screen there; OKIENKO_SWEEP_CLIPS=report lists
# every clip instead of failing on the first.
foreach(var KIOSK SEED ROOT WORK SIZE TEXT LANG)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_sweep.cmake needs -D${var}=…")
    endif()
endforeach()
set(here "${CMAKE_CURRENT_LIST_DIR}")
string(REPLACE "x" ";" wh "${SIZE}")
list(GET wh 0 SWEEP_WIDTH)
list(GET wh 1 SWEEP_HEIGHT)
set(name "${SIZE}-${TEXT}-${LANG}")
set(SWEEP_DATA "${WORK}/data-${name}")
set(SWEEP_ROOT "${ROOT}")
file(REMOVE_RECURSE "${SWEEP_DATA}")
file(MAKE_DIRECTORY "${SWEEP_DATA}")
configure_file("${here}/kiosk.toml.in" "${WORK}/${name}.toml" @ONLY)

include("${here}/../schedule_seed.cmake")
execute_process(COMMAND "${SEED}" --db "${SWEEP_DATA}/kiosk.sqlite3"
                        --staff s-anna "Anna Nowak" equipment 482193 ${OKIENKO_UI_SCHEDULE_SEED}
                RESULT_VARIABLE seeded OUTPUT_VARIABLE said ERROR_VARIABLE said)
if(NOT seeded EQUAL 0)
    message(FATAL_ERROR "okienko-test-seed failed (${seeded}): ${said}")
endif()

# What a resident of each language types.
set(words_pl SEARCH "wozek" NAME "Anna Kowalska" FIRST "Anna" STREET "Polna 5" CITY "Łapy"
             IDEA "Więcej ławek przy wejściu")
set(words_uk SEARCH "психолог" NAME "Олена Коваль" FIRST "Олена" STREET "Польова 5" CITY "Завади"
             IDEA "Більше лавок біля входу")
set(words_en SEARCH "wheelchair" NAME "Anna Smith" FIRST "Anna" STREET "Polna 5" CITY "Lapy"
             IDEA "More benches by the door")

set(clips on)
if("$ENV{OKIENKO_SWEEP_CLIPS}" STREQUAL "report")
    set(clips report)
endif()
set(prefix "check-clips ${clips}\n")
# The idle wipe at the end of each section forgets the text size and language: set again per section.
set(settings "")
if(TEXT STREQUAL "large")
    string(APPEND settings "tap-id large-text\n")
endif()
if(NOT LANG STREQUAL "pl")
    string(APPEND settings "lang ${LANG}\n")
endif()
file(READ "${here}/walk.kiosk.in" walk)
file(READ "${here}/staff.kiosk.in" staff)
string(APPEND walk "${staff}")
set(pairs ${words_${LANG}})
list(LENGTH pairs n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET pairs ${i} key)
    list(GET pairs ${j} value)
    string(REPLACE "@${key}@" "${value}" walk "${walk}")
endforeach()
set(shots "$ENV{OKIENKO_SWEEP_SHOTS}")
if(shots)
    file(MAKE_DIRECTORY "${shots}")
endif()
# Without screenshots the frames need no pixels: layout only, a fraction of the time.
set(layout_only 1)
if(shots)
    set(layout_only 0)
endif()

# The scripts to run: the whole walk in one kiosk; in report mode one kiosk per section.
string(REPLACE ";" "\\;" walk "${walk}")
string(REPLACE "\n" ";" lines "${walk}")
set(part 0)
set(script_0 "${prefix}")
set(count 0)
foreach(line IN LISTS lines)
    if(line MATCHES "^# == section")
        if(clips STREQUAL "report" AND NOT script_${part} STREQUAL prefix)
            math(EXPR part "${part} + 1")
            set(script_${part} "${prefix}")
        endif()
        string(APPEND script_${part} "${settings}")
    elseif(line MATCHES "^#")
        # other comments stay in the sources
    elseif(line MATCHES "^shot (.+)$")
        if(shots)
            math(EXPR count "${count} + 1")
            if(count LESS 10)
                set(number "0${count}")
            else()
                set(number "${count}")
            endif()
            string(APPEND script_${part} "screenshot \"${shots}/${name}-${number}-${CMAKE_MATCH_1}.png\"\n")
        endif()
    else()
        string(APPEND script_${part} "${line}\n")
    endif()
endforeach()

set(failed "")
foreach(i RANGE 0 ${part})
    set(script "${name}")
    if(part GREATER 0)
        set(script "${name}-${i}")
    endif()
    file(WRITE "${WORK}/${script}.kiosk" "${script_${i}}")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E env "OKIENKO_SCRIPT_LAYOUT_ONLY=${layout_only}" "${KIOSK}"
                            --headless --config "${WORK}/${name}.toml" --script "${WORK}/${script}.kiosk"
                            --failure-shot "${WORK}/failed-${script}.png"
                    WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        string(APPEND failed " ${WORK}/failed-${script}.png")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "sweep ${name} failed; the failing frame:${failed}")
endif()
