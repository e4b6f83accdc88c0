# Warning and sanitizer flags for Okienko's own targets only. Third-party code (the ImGui backend,
# system headers) never gets them, so a new compiler warning in a dependency cannot break the build.
function(okienko_target_defaults target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Woverloaded-virtual -Wsuggest-override
        -Wformat=2 -Wimplicit-fallthrough)
    # Not -Wnull-dereference: with GCC 12 at -O2 it reports false positives inside libstdc++'s own
    # iterators, which would make the warning set depend on the optimisation level.
    if(OKIENKO_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(OKIENKO_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=${OKIENKO_SANITIZE} -fno-sanitize-recover=all
                                                 -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=${OKIENKO_SANITIZE})
    endif()
endfunction()

# A module of the shared library: a static library named okienko_<name> with our defaults.
function(okienko_add_module name)
    add_library(okienko_${name} STATIC ${ARGN})
    target_include_directories(okienko_${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    okienko_target_defaults(okienko_${name})
endfunction()
