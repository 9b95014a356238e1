# Compiler set-up shared by every target: ccache when present, warnings, -Werror in CI.

find_program(TRELLIS_CCACHE ccache)
if(TRELLIS_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    # Paths relative to the checkout and no working directory in the hash: another clone or
    # build directory of the same sources (a CI clean clone) hits the same cache entries.
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}"
        CCACHE_NOHASHDIR=1 "${TRELLIS_CCACHE}")
    message(STATUS "Using ccache: ${TRELLIS_CCACHE}")
endif()

add_library(trellis_warnings INTERFACE)
target_compile_options(trellis_warnings INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
if(TRELLIS_WERROR)
    target_compile_options(trellis_warnings INTERFACE -Werror)
endif()

# Qt must not silently convert between QString and const char* / QByteArray.
add_compile_definitions(QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# trellis_module(NAME SOURCES... DEPENDS...): one static library per core/ui module.
function(trellis_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_link_libraries(${name} PUBLIC ${ARG_DEPENDS} PRIVATE trellis_warnings)
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# The fuzz build instruments everything it compiles with ASan + UBSan and libFuzzer's coverage.
if(TRELLIS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "TRELLIS_FUZZ needs clang (use the 'fuzz' preset)")
    endif()
    add_compile_options(-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
