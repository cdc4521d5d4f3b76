# One INTERFACE target that every Opsdeck target links: language level, warnings as errors, Qt hygiene.
add_library(opsdeck_settings INTERFACE)
add_library(Opsdeck::Settings ALIAS opsdeck_settings)
target_compile_features(opsdeck_settings INTERFACE cxx_std_20)
target_compile_options(opsdeck_settings INTERFACE
    # -Wnull-dereference is left out: with GCC 12 at -O2 it fires on Qt's own inline containers (no source
    # location, "cc1plus: potential null pointer dereference"), so it cannot be an error here.
    -Wall -Wextra -Wpedantic -Werror
    -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    -Wno-deprecated-enum-enum-conversion)
target_compile_definitions(opsdeck_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_MESSAGELOGCONTEXT)
if(OPSDECK_SANITIZE)
    target_compile_options(opsdeck_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
    target_link_options(opsdeck_settings INTERFACE -fsanitize=address,undefined)
endif()

# opsdeck_add_test(<name> SOURCES <files…> [LIBS <targets…>] [GUI] [LABELS <labels…>] [TIMEOUT <s>])
# One QtTest executable per unit; GUI tests run with the offscreen platform.
function(opsdeck_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;DEFINITIONS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE opsdeck_settings Qt6::Test ${ARG_LIBS})
    # Header-only helpers in tests/support (clirun.h, freeport.h).
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    target_compile_definitions(${name} PRIVATE
        OPSDECK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        OPSDECK_BINARY_DIR="${PROJECT_BINARY_DIR}"
        OPSDECK_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
        ${ARG_DEFINITIONS})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
    add_test(NAME ${name} COMMAND ${name})
    set(_env "QT_QPA_PLATFORM=offscreen;OPSDECK_PLUGIN_PATH=;LC_ALL=C.UTF-8")
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${_env}" LABELS "${ARG_LABELS}")
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    else()
        set_tests_properties(${name} PROPERTIES TIMEOUT 300)
    endif()
endfunction()

# opsdeck_add_plugin(<id> CLASS_NAME <class> SOURCES <files…> [LIBS <targets…>] [OUTPUT_DIR <dir>] [NO_INSTALL])
# Model-backend plugin: metadata <id>.json.in is configured with the project version (so it cannot drift) and
# embedded by moc; the library lands in the build's plugin folder.
function(opsdeck_add_plugin id)
    cmake_parse_arguments(ARG "NO_INSTALL" "CLASS_NAME;OUTPUT_DIR;METADATA" "SOURCES;LIBS" ${ARGN})
    set(target opsdeck_plugin_${id})
    qt_add_plugin(${target} SHARED CLASS_NAME ${ARG_CLASS_NAME})
    # Qt 6.4 drops sources passed to qt_add_plugin directly: add them afterwards.
    target_sources(${target} PRIVATE ${ARG_SOURCES})
    if(NOT ARG_METADATA)
        set(ARG_METADATA "${CMAKE_CURRENT_SOURCE_DIR}/${id}.json.in")
    endif()
    set(OPSDECK_PLUGIN_ID ${id})
    configure_file(${ARG_METADATA} "${CMAKE_CURRENT_BINARY_DIR}/${id}.json" @ONLY)
    target_include_directories(${target} PRIVATE "${CMAKE_CURRENT_BINARY_DIR}")
    target_link_libraries(${target} PRIVATE opsdeck_settings opsdeck_sdk Qt6::Core ${ARG_LIBS})
    if(NOT ARG_OUTPUT_DIR)
        set(ARG_OUTPUT_DIR "${OPSDECK_PLUGIN_BUILD_DIR}")
    endif()
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIR}"
                                               OUTPUT_NAME "opsdeck_${id}" PREFIX "lib")
    if(NOT ARG_NO_INSTALL)
        install(TARGETS ${target} LIBRARY DESTINATION "${OPSDECK_PLUGIN_INSTALL_DIR}")
    endif()
endfunction()
