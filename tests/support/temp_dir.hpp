// A directory under /tmp that exists for the life of a test and is removed with everything in it.
#pragma once

#include <string>

namespace okienko::test
{

class TempDir
{
  public:
    explicit TempDir(const std::string& prefix = "okienko");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

  private:
    std::string m_path;
};

/// Writes `content` to `path`, creating or truncating it; returns false on failure.
bool writeFile(const std::string& path, const std::string& content);
/// The whole file, or "" if it cannot be read.
std::string readFile(const std::string& path);

} // namespace okienko::test
