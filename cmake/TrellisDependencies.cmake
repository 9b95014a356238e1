# Third-party libraries, all from Debian 12 (see packaging/install-deps.sh).

find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
find_package(OpenSSL 3 REQUIRED)

if(TRELLIS_FUZZ)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core)
    return()
endif()

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network Sql Concurrent)
# QtKeychain needs only Qt Core and D-Bus: the core keeps the signing key with it.
find_package(Qt6Keychain REQUIRED)
if(TRELLIS_BUILD_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Gui Widgets LinguistTools)
endif()
if(TRELLIS_BUILD_TESTS)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
endif()
