# Every external dependency, found as a Debian system package and exposed as an imported target.
# Targets that need a package link the imported target; nothing is downloaded or vendored.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)

if(OKIENKO_BUILD_TESTS)
    find_package(GTest REQUIRED)
    include(GoogleTest)
endif()
if(OKIENKO_BUILD_BENCH)
    find_package(benchmark REQUIRED)
endif()
