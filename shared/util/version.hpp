// The release this build is: the one place the binaries, the heartbeat and the staff status screen
// read it from. The number comes from the root CMakeLists.txt `project(okienko VERSION …)`.
#pragma once

#include <string_view>

namespace okienko
{

/// "0.1.0": the CMake project version this build was configured with.
std::string_view version();

} // namespace okienko
