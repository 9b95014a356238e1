# Third-party libraries, all from Debian 12 (see packaging/install-deps.sh).

find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
find_package(OpenSSL 3 REQUIRED)

if(TRELLIS_FUZZ)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core)
    return()
endif()

# Gui only for QImage: the media repository's thumbnails (core/services, trellis_thumbnailer).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network Sql Concurrent Gui)
# QtKeychain needs only Qt Core and D-Bus: the core keeps the signing key with it.
find_package(Qt6Keychain REQUIRED)
if(TRELLIS_BUILD_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Widgets LinguistTools)
endif()
if(TRELLIS_BUILD_TESTS)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
endif()

# libhttp-parser (Debian: libhttp-parser-dev) parses HTTP/1.1 requests for core/http.
find_path(TRELLIS_HTTP_PARSER_INCLUDE_DIR http_parser.h)
find_library(TRELLIS_HTTP_PARSER_LIBRARY http_parser)
if(NOT TRELLIS_HTTP_PARSER_INCLUDE_DIR OR NOT TRELLIS_HTTP_PARSER_LIBRARY)
    message(FATAL_ERROR "libhttp-parser not found: install the Debian package libhttp-parser-dev")
endif()
add_library(TrellisHttpParser::HttpParser UNKNOWN IMPORTED)
set_target_properties(TrellisHttpParser::HttpParser PROPERTIES
    IMPORTED_LOCATION "${TRELLIS_HTTP_PARSER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${TRELLIS_HTTP_PARSER_INCLUDE_DIR}")
