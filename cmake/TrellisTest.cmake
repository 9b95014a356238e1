# trellis_add_test(<name> SOURCES <files> LIBS <targets> [LABELS <labels>])
# Builds tst_<name> (Qt Test, GUI-less unless it links Widgets) and registers it with CTest.
# Tests find their fixtures through TRELLIS_TEST_DATA (tests/data) and run with the offscreen
# platform so that no display is needed.
set(TRELLIS_TEST_DATA_DIR "${PROJECT_SOURCE_DIR}/tests/data")

function(trellis_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    set(target tst_${name})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE ${ARG_LIBS} Qt6::Test trellis_warnings)
    target_compile_definitions(${target} PRIVATE
        TRELLIS_TEST_DATA="${TRELLIS_TEST_DATA_DIR}")
    add_test(NAME ${name} COMMAND ${target})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TRELLIS_TEST_DATA=${TRELLIS_TEST_DATA_DIR}"
        TIMEOUT 300
        LABELS "${ARG_LABELS}")
endfunction()
