# Install rules and the two Debian packages (CPack DEB, docs/decisions/0006-debian-packages-with-cpack.md).
# `cmake --install` lays out the Debian 12 system: programs and data under the prefix (/usr when
# packaged), configuration, units, sysusers.d and tmpfiles.d at the fixed places systemd and the
# units read them from, whatever the prefix. Two components, one package each: `kiosk` and `central`.
include(GNUInstallDirs)

# Packaging needs the two programs only (scripts/package builds them), not every test and benchmark.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(OKIENKO_PACKAGING_DIR "${PROJECT_SOURCE_DIR}/packaging")
set(OKIENKO_PACKAGING_BINARY_DIR "${PROJECT_BINARY_DIR}/packaging")
# Debian 12 still installs units under /lib (usrmerge moratorium, DEP 17); lintian accepts both.
set(OKIENKO_UNIT_DIR "/lib/systemd/system")
set(OKIENKO_SYSUSERS_DIR "/usr/lib/sysusers.d")
set(OKIENKO_TMPFILES_DIR "/usr/lib/tmpfiles.d")
set(OKIENKO_CONFIG_DIR "/etc/okienko")
set(OKIENKO_SHARE_DIR "${CMAKE_INSTALL_DATADIR}/okienko")

# --- okienko-kiosk ---------------------------------------------------------------------------------
install(TARGETS okienko-kiosk RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT kiosk)
# The stub Vulkan loader that keeps EGL out of the kiosk's Wayland window (decision 0016): a private
# library, found by the kiosk at ../lib/okienko-kiosk from its executable, in no linker path.
install(TARGETS okienko-vulkan-stub LIBRARY DESTINATION "${OKIENKO_VULKAN_STUB_INSTALL_DIR}" COMPONENT kiosk)
# The kiosk's assets; the fonts are Debian's own (fonts-dejavu-core, identical files), linked so the
# package ships no duplicate font and security updates of the font reach the kiosk.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets/" DESTINATION "${OKIENKO_SHARE_DIR}/assets" COMPONENT kiosk
        PATTERN "fonts" EXCLUDE)
# The pictograms' icon font likewise links to fonts-material-design-icons-iconfont (decision 0008).
foreach(font dejavu/DejaVuSans.ttf dejavu/DejaVuSans-Bold.ttf material-design-icons-iconfont/MaterialIcons-Regular.ttf)
    get_filename_component(name "${font}" NAME)
    install(CODE "file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${OKIENKO_SHARE_DIR}/assets/fonts\")
                  file(CREATE_LINK ../../../fonts/truetype/${font}
                       \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${OKIENKO_SHARE_DIR}/assets/fonts/${name}\" SYMBOLIC)"
            COMPONENT kiosk)
endforeach()
install(FILES "${OKIENKO_PACKAGING_DIR}/kiosk.toml" DESTINATION "${OKIENKO_CONFIG_DIR}" COMPONENT kiosk
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES "${PROJECT_SOURCE_DIR}/systemd/okienko-kiosk.service" DESTINATION "${OKIENKO_UNIT_DIR}"
        COMPONENT kiosk)
install(FILES "${OKIENKO_PACKAGING_DIR}/kiosk/sysusers.conf" DESTINATION "${OKIENKO_SYSUSERS_DIR}"
        RENAME okienko-kiosk.conf COMPONENT kiosk)
install(FILES "${OKIENKO_PACKAGING_DIR}/kiosk/tmpfiles.conf" DESTINATION "${OKIENKO_TMPFILES_DIR}"
        RENAME okienko-kiosk.conf COMPONENT kiosk)

# --- okienko-central -------------------------------------------------------------------------------
install(TARGETS okienko-central RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT central)
# The seed catalogues for `import-catalog`; outside assets/, so the two packages own no file twice.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets/catalog/" DESTINATION "${OKIENKO_SHARE_DIR}/catalog"
        COMPONENT central)
install(FILES "${OKIENKO_PACKAGING_DIR}/central.toml" DESTINATION "${OKIENKO_CONFIG_DIR}" COMPONENT central
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
# The nginx site in front of the server (decision 0007): in sites-available, not enabled, because
# nginx would refuse to start before the certificate it names is in place.
set(OKIENKO_NGINX_SITE "/etc/nginx/sites-available/okienko-central")
install(FILES "${OKIENKO_PACKAGING_DIR}/nginx/okienko-central" DESTINATION /etc/nginx/sites-available
        COMPONENT central)
# Every okienko-central unit (the server, the backup service and its timer, …) goes with the server.
file(GLOB OKIENKO_CENTRAL_UNITS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/systemd/okienko-central*.service"
     "${PROJECT_SOURCE_DIR}/systemd/okienko-central*.timer")
install(FILES ${OKIENKO_CENTRAL_UNITS} DESTINATION "${OKIENKO_UNIT_DIR}" COMPONENT central)
install(FILES "${OKIENKO_PACKAGING_DIR}/central/sysusers.conf" DESTINATION "${OKIENKO_SYSUSERS_DIR}"
        RENAME okienko-central.conf COMPONENT central)
install(FILES "${OKIENKO_PACKAGING_DIR}/central/tmpfiles.conf" DESTINATION "${OKIENKO_TMPFILES_DIR}"
        RENAME okienko-central.conf COMPONENT central)

# --- documentation: copyright, changelog and manual pages (gzip -9n, as Debian wants them), lintian
# overrides ---------------------------------------------------------------------------------------------
file(MAKE_DIRECTORY "${OKIENKO_PACKAGING_BINARY_DIR}")
foreach(source changelog man/okienko-kiosk.1 man/okienko-central.1)
    get_filename_component(name "${source}" NAME)
    execute_process(COMMAND gzip -9nc "${OKIENKO_PACKAGING_DIR}/${source}"
                    OUTPUT_FILE "${OKIENKO_PACKAGING_BINARY_DIR}/${name}.gz" COMMAND_ERROR_IS_FATAL ANY)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${OKIENKO_PACKAGING_DIR}/${source}")
endforeach()
foreach(component kiosk central)
    set(package "okienko-${component}")
    install(FILES "${OKIENKO_PACKAGING_DIR}/copyright" "${OKIENKO_PACKAGING_BINARY_DIR}/changelog.gz"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}" COMPONENT ${component})
    install(FILES "${OKIENKO_PACKAGING_BINARY_DIR}/${package}.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
            COMPONENT ${component})
    install(FILES "${OKIENKO_PACKAGING_DIR}/${component}/lintian-overrides"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides" RENAME ${package} COMPONENT ${component})
endforeach()

# --- maintainer scripts and conffiles, one template for both packages (packaging/maintainer/) ---------
# okienko_control_files(<component> USER … HOME … GECOS … UNITS … PURGE … [GROUPS …] [PURGE_IF_EMPTY …]
#                       [CONFFILES …])
# (GROUPS: the user's supplementary groups, as the package's sysusers.d file says with `m` lines)
# writes the component's control files into the build tree and lists them in OKIENKO_<COMPONENT>_CONTROL.
function(okienko_control_files component)
    cmake_parse_arguments(C "" "USER;HOME;GECOS" "UNITS;GROUPS;PURGE;PURGE_IF_EMPTY;CONFFILES" ${ARGN})
    set(OKIENKO_PACKAGE "okienko-${component}")
    set(OKIENKO_USER "${C_USER}")
    set(OKIENKO_HOME "${C_HOME}")
    set(OKIENKO_GECOS "${C_GECOS}")
    set(OKIENKO_CONFIG "${OKIENKO_CONFIG_DIR}/${component}.toml")
    set(OKIENKO_SYSUSERS "${OKIENKO_SYSUSERS_DIR}/${OKIENKO_PACKAGE}.conf")
    set(OKIENKO_TMPFILES "${OKIENKO_TMPFILES_DIR}/${OKIENKO_PACKAGE}.conf")
    list(JOIN C_UNITS " " OKIENKO_UNITS)
    list(JOIN C_GROUPS " " OKIENKO_GROUPS)
    list(JOIN C_PURGE " " OKIENKO_PURGE)
    list(JOIN C_PURGE_IF_EMPTY " " OKIENKO_PURGE_IF_EMPTY)
    set(out "${OKIENKO_PACKAGING_BINARY_DIR}/${component}")
    set(files "")
    foreach(script postinst prerm postrm)
        configure_file("${OKIENKO_PACKAGING_DIR}/maintainer/${script}.in" "${out}/${script}" @ONLY
                       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                                        WORLD_EXECUTE)
        list(APPEND files "${out}/${script}")
    endforeach()
    set(conffiles "${OKIENKO_CONFIG}")
    list(APPEND conffiles ${C_CONFFILES})
    list(JOIN conffiles "\n" conffiles)
    file(WRITE "${out}/conffiles" "${conffiles}\n")
    list(APPEND files "${out}/conffiles")
    string(TOUPPER "${component}" upper)
    set(OKIENKO_${upper}_CONTROL "${files}" PARENT_SCOPE)
endfunction()

okienko_control_files(kiosk USER okienko-kiosk HOME /var/lib/okienko-kiosk GECOS "Okienko kiosk"
                      UNITS okienko-kiosk.service GROUPS video render input
                      PURGE /var/lib/okienko-kiosk /etc/okienko/kiosk.token /etc/okienko/kiosk-ca.crt)
set(central_unit_names "")
foreach(unit IN LISTS OKIENKO_CENTRAL_UNITS)
    get_filename_component(name "${unit}" NAME)
    list(APPEND central_unit_names "${name}")
endforeach()
# Purge also takes the site's link out of sites-enabled: a dangling one would stop nginx from starting.
okienko_control_files(central USER okienko-central HOME /var/lib/okienko GECOS "Okienko central server"
                      UNITS ${central_unit_names} PURGE /var/lib/okienko /etc/nginx/sites-enabled/okienko-central
                      PURGE_IF_EMPTY /var/backups/okienko CONFFILES "${OKIENKO_NGINX_SITE}")

# --- CPack: one .deb per component ------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME okienko)
set(CPACK_PACKAGE_VENDOR "Okienko")
set(CPACK_PACKAGE_CONTACT "Okienko maintainers <maintainers@users.noreply.h-seed-cfd1b575.example>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# RelWithDebInfo binaries carry their debug info; the packages ship them stripped.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk central)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared-library dependencies from dpkg-shlibdeps, as a debian/ build would compute them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The scripts use adduser when systemd-sysusers is missing.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME okienko-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
# What runs beside the kiosk: the compositor (and XWayland, which cage starts), CUPS's lp for the
# slips, the fonts its assets link to (text and pictograms), and Mesa (EGL, llvmpipe) for the
# accelerated renderer (a kiosk PC with a GPU; the software renderer's frames reach the compositor
# as shared memory and its window loads no EGL, decision 0016); the voice: the espeak-ng program,
# which the kiosk runs once per utterance (nothing of it is linked), and its voices (pl, uk, en;
# decision 0009).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "adduser, cage, xwayland, cups-client, fonts-dejavu-core, fonts-material-design-icons-iconfont, libegl-mesa0, libgl1-mesa-dri, espeak-ng, espeak-ng-data")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cups")
# The long descriptions: one line per control-file line (CPack indents them), at most 79 columns.
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
    "touchscreen kiosk of a social-services centre lobby
Okienko's kiosk lets residents browse the centre's services in Polish,
Ukrainian or English, reserve rehabilitation equipment, ask for counselling
or a call back, and staff hand equipment out and take it back. It runs
fullscreen under cage, works offline with its own SQLite database and syncs
with okienko-central over HTTPS.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA ${OKIENKO_KIOSK_CONTROL})

set(CPACK_DEBIAN_CENTRAL_PACKAGE_NAME okienko-central)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_SECTION net)
# nginx is the front that terminates TLS and holds hostile clients (decision 0007); Debian 12's
# nginx-light is only a transitional package that pulls in nginx with an extra module. The report's
# PDF is drawn in DejaVu Sans found through fontconfig (libcairo2 itself comes from shlibdeps).
set(CPACK_DEBIAN_CENTRAL_PACKAGE_DEPENDS "adduser, nginx, fonts-dejavu-core")
set(CPACK_COMPONENT_CENTRAL_DESCRIPTION
    "central server of the Okienko lobby kiosks
okienko-central serves the HTTPS API the Okienko kiosks sync with (catalogue,
reservations, requests, staff) and the coordinators' web panel, from one
SQLite database. It runs as its own unprivileged, sandboxed systemd service
on the loopback interface, behind the nginx site it ships, which terminates
TLS and bounds slow, idle and oversized requests.")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_EXTRA ${OKIENKO_CENTRAL_CONTROL})

include(CPack)
