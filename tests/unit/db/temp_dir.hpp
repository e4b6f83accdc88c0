// A fresh directory under the system temp dir for one test, removed afterwards. The db tests use
// real files because WAL, locking between connections and durability do not exist in :memory:.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace okienko::test
{

class TempDir
{
  public:
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "okienko-db-XXXXXX").string();
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        if (mkdtemp(buffer.data()) == nullptr)
            std::abort();
        m_path = buffer.data();
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }

    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

} // namespace okienko::test
