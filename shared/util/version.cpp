// The project version, compiled in here only so a version bump rebuilds one file.
#include "shared/util/version.hpp"

#ifndef OKIENKO_PROJECT_VERSION
#error "OKIENKO_PROJECT_VERSION must be defined by the build (shared/util/CMakeLists.txt)"
#endif

namespace okienko
{

std::string_view version()
{
    return OKIENKO_PROJECT_VERSION;
}

} // namespace okienko
