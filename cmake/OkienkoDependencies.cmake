# Every external dependency, found as a Debian system package and exposed as an imported target.
# Targets that need a package link the imported target; nothing is downloaded or vendored.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(tomlplusplus 3 REQUIRED) # kiosk.toml (kiosk/core/config)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium) # argon2id PIN/password hashes, SHA-256, tokens
find_package(OpenSSL REQUIRED) # TLS of okienko-central (cpp-httplib is built with CPPHTTPLIB_OPENSSL_SUPPORT)
# cpp-httplib 0.11.4 (libcpp-httplib-dev): Debian ships a compiled library and a pkg-config file, no
# CMake config; its Cflags define CPPHTTPLIB_OPENSSL_SUPPORT (and zlib/brotli), matching the build.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# sd_notify (READY=1, WATCHDOG=1) of both executables under systemd (libsystemd-dev)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
find_package(CURL 7.85 REQUIRED) # kiosk sync client (libcurl4-openssl-dev; CURLOPT_PROTOCOLS_STR needs 7.85)
# libpq (libpq-dev): PostgreSQL's client library, the second backend's (decision 0014); so far its
# tests and benchmark only.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

# Kiosk UI: Dear ImGui 1.86 (libimgui-dev, pkg-config; include dirs become SYSTEM on the imported
# target) and SDL2. The SDL backends are compiled from the package's examples in kiosk/CMakeLists.txt.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
find_package(SDL2 REQUIRED)
set(OKIENKO_IMGUI_BACKENDS_DIR "/usr/share/doc/libimgui-dev/examples/backends" CACHE PATH
    "Directory with imgui_impl_sdl.cpp and imgui_impl_sdlrenderer.cpp")

if(OKIENKO_BUILD_TESTS)
    find_package(GTest REQUIRED)
    include(GoogleTest)
endif()
if(OKIENKO_BUILD_BENCH)
    find_package(benchmark REQUIRED)
endif()
