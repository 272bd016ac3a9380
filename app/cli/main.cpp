// SPDX-License-Identifier: MIT
// Entry point of qaoa-cli; all logic lives in cli_app.cpp and the command files.
#include "cli_app.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    return cli::runCli(args, std::cout, std::cerr);
}
