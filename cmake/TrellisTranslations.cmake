# trellis_add_translations(<target>): compiles translations/trellis_*.ts into <target> under
# :/i18n. The strings live in ui/ and app/gui/; `cmake --build <dir> --target
# update_translations` refreshes the .ts files from them (lupdate).
function(trellis_add_translations target)
    file(GLOB ts_files "${PROJECT_SOURCE_DIR}/translations/trellis_*.ts")
    file(GLOB_RECURSE ui_sources "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h"
        "${PROJECT_SOURCE_DIR}/app/gui/*.cpp")
    qt_add_translations(${target}
        TS_FILES ${ts_files}
        SOURCES ${ui_sources}
        INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -no-obsolete -locations none)
endfunction()
