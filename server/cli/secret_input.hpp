// Secrets for the command line (staff PINs and passwords) read from standard input, never from
// argv, where `ps` and the shell's history would show them. On a terminal each secret is asked on
// stderr with echo off and asked twice; otherwise each is one line of standard input, in order, so
// scripts pipe them in (printf '%s\n' "$PIN" "$PASSWORD" | okienko-central … add-staff …).
#pragma once

#include "shared/util/result.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace okienko::server::cli
{

struct SecretPrompt
{
    std::string label;                        ///< "PIN", "password": in prompts and errors
    std::string (*check)(const std::string&); ///< empty when acceptable, else why not
};

/// One secret per prompt, each checked; the first problem as a sentence.
Result<std::vector<std::string>, std::string> readSecrets(const std::vector<SecretPrompt>& prompts,
                                                          std::FILE* in = stdin);

/// 6 to 8 digits (validate::validateStaffPin): what the kiosk's PIN pad takes.
std::string checkPin(const std::string& pin);
/// 8 to 1024 characters, no line breaks.
std::string checkPassword(const std::string& password);

/// Refuses an argument that would carry a secret on the command line; "" when there is none.
std::string secretOnCommandLine(const std::vector<std::string>& args);

} // namespace okienko::server::cli
