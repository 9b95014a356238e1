# Trellis as an installable desktop application, app ID org.trellis_matrix.Trellis:
#   - install rules for what a desktop needs besides the programs (app/*/CMakeLists.txt install
#     those): the .desktop file, AppStream metainfo, the icon (SVG and PNG renders made at build
#     time), man pages, the licence;
#   - the window icon, compiled into `trellis` as
#     :/icons/<N>x<N>/apps/org.trellis_matrix.Trellis.png;
#   - CPack: `cpack -G DEB` (or the `package` target, or `cmake --workflow --preset package`)
#     makes trellis_<version>_<arch>.deb.
# The Flatpak manifest (packaging/org.trellis_matrix.Trellis.yml) builds with these same rules.
# Included by the top-level CMakeLists.txt after app/, so that the `trellis` target exists.
include(GNUInstallDirs)

set(TRELLIS_APP_ID "org.trellis_matrix.Trellis")
# hicolor sizes a desktop asks for; the window icon takes those up to 256.
set(TRELLIS_ICON_SIZES 16 22 24 32 48 64 128 256 512)
set(TRELLIS_WINDOW_ICON_MAX_SIZE 256)
set(_trellis_packaging_dir "${PROJECT_SOURCE_DIR}/packaging")
set(_trellis_icon_svg "${PROJECT_SOURCE_DIR}/resources/icons/${TRELLIS_APP_ID}.svg")

# ---- the desktop application (only with the GUI: a launcher must have something to launch) ----
if(TARGET trellis)
    find_program(TRELLIS_RSVG_CONVERT rsvg-convert)
    if(NOT TRELLIS_RSVG_CONVERT)
        message(FATAL_ERROR "rsvg-convert not found (it renders the app icon): install the Debian "
            "package librsvg2-bin, or run packaging/install-deps.sh")
    endif()

    set(_trellis_icon_dir "${CMAKE_CURRENT_BINARY_DIR}/icons/hicolor")
    set(_trellis_icon_pngs "")
    set(_trellis_window_icons "")
    foreach(size IN LISTS TRELLIS_ICON_SIZES)
        set(_trellis_png_dir "${_trellis_icon_dir}/${size}x${size}/apps")
        set(_trellis_png "${_trellis_png_dir}/${TRELLIS_APP_ID}.png")
        add_custom_command(OUTPUT "${_trellis_png}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${_trellis_png_dir}"
            COMMAND "${TRELLIS_RSVG_CONVERT}" --width ${size} --height ${size}
                    --output "${_trellis_png}" "${_trellis_icon_svg}"
            DEPENDS "${_trellis_icon_svg}"
            COMMENT "Rendering the ${size}x${size} app icon"
            VERBATIM)
        list(APPEND _trellis_icon_pngs "${_trellis_png}")
        if(size LESS_EQUAL TRELLIS_WINDOW_ICON_MAX_SIZE)
            list(APPEND _trellis_window_icons "${_trellis_png}")
        endif()
        install(FILES "${_trellis_png}"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
    endforeach()
    # The resource takes the renders up to 256 only: `all` builds every one, for `install`.
    add_custom_target(trellis_icons ALL DEPENDS ${_trellis_icon_pngs})

    # The window icon: the renders as a Qt resource in an object library of this directory (the
    # rules that make the PNGs live here, so the resource must too), linked into `trellis`.
    add_library(trellis_app_icon OBJECT)
    target_link_libraries(trellis_app_icon PRIVATE Qt6::Core)
    qt_add_resources(trellis_app_icon trellis_app_icon
        PREFIX /icons
        BASE "${_trellis_icon_dir}"
        FILES ${_trellis_window_icons})
    target_link_libraries(trellis PRIVATE trellis_app_icon)

    install(FILES "${_trellis_icon_svg}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
    install(FILES "${_trellis_packaging_dir}/${TRELLIS_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${_trellis_packaging_dir}/${TRELLIS_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${_trellis_packaging_dir}/trellis.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endif()

if(TARGET trellis-cli)
    install(FILES "${_trellis_packaging_dir}/trellis-cli.1"
        DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endif()
# Debian's place for the licence (GPL-3.0-or-later, as the metainfo says).
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/trellis"
    RENAME copyright)

# ---- CPack: the .deb ----
set(TRELLIS_PACKAGE_MAINTAINER "The Trellis developers <trellis@trellis-matrix.org>"
    CACHE STRING "Maintainer (Name <email>) written into packages")

set(CPACK_PACKAGE_NAME trellis)
set(CPACK_PACKAGE_VENDOR "The Trellis developers")
set(CPACK_PACKAGE_CONTACT "${TRELLIS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "personal Matrix homeserver and explorer of room DAGs")
set(CPACK_PACKAGE_DESCRIPTION
    "Trellis hosts your own single-user, federating Matrix homeserver in a\n"
    "desktop application (or headless: trellis-cli serve) and lets you look\n"
    "inside Matrix rooms: their event graphs (DAGs), rejected events with the\n"
    "authorisation rule that failed, and how state resolution decides them.\n"
    "Any Matrix client can use the homeserver.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # trellis_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Libraries the programs link come from dpkg-shlibdeps (package dpkg-dev); Qt plugins are loaded
# at run time, so shlibdeps cannot see them: the SQLite driver (the database) and the platform
# plugins (the window) are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
if(TARGET trellis)
    string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", qt6-qpa-plugins")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
endif()
# The signing key goes to the Secret Service when one runs (otherwise a 0600 file).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "gnome-keyring | kwalletmanager | keepassxc, qt6-translations-l10n")

set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_IGNORE_FILES "/[.]git/" "/[.]cache/" "^${PROJECT_SOURCE_DIR}/build/")

include(CPack)
