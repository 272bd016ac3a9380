// SPDX-License-Identifier: MIT
// qaoa-ibm-emulator: serves the local IBM Quantum protocol emulator until SIGINT/SIGTERM, for manual GUI runs.
#include "ibm_protocol_emulator.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

void usage()
{
    std::cout << "usage: qaoa-ibm-emulator [--port N] [--api-key KEY] [--crn CRN] [--queued SECONDS]\n"
                 "                         [--running SECONDS] [--rate JOBS_PER_MINUTE]\n"
                 "Serves IAM at /identity/token and the Quantum API at /api/v1 on 127.0.0.1.\n";
}

} // namespace

int main(int argc, char** argv)
{
    ibmemu::EmulatorOptions options;
    options.queuedSeconds = 2.0;
    options.runningSeconds = 2.0;
    int port = 8765;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "--help" || arg == "-h") {
                usage();
                return 0;
            }
            if (i + 1 >= argc) {
                std::cerr << "qaoa-ibm-emulator: " << arg << " needs a value\n";
                usage();
                return 2;
            }
            const std::string value = argv[++i];
            if (arg == "--port")
                port = std::stoi(value);
            else if (arg == "--api-key")
                options.apiKey = value;
            else if (arg == "--crn")
                options.instanceCrn = value;
            else if (arg == "--queued")
                options.queuedSeconds = std::stod(value);
            else if (arg == "--running")
                options.runningSeconds = std::stod(value);
            else if (arg == "--rate")
                options.jobCreationsPerMinute = std::stoi(value);
            else {
                std::cerr << "qaoa-ibm-emulator: unknown option " << arg << "\n";
                usage();
                return 2;
            }
        }
        if (port < 0 || port > 65535 || options.queuedSeconds < 0 || options.runningSeconds < 0 ||
            options.jobCreationsPerMinute < 0)
            throw std::invalid_argument("a value is out of range");
    } catch (const std::exception& error) {
        std::cerr << "qaoa-ibm-emulator: invalid argument (" << error.what() << ")\n";
        return 2;
    }

    // Block the stop signals before any thread starts, so that only sigwait below receives them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    try {
        ibmemu::IbmProtocolEmulator emulator(options);
        emulator.start(port);
        std::cout << "IAM token URL:    " << emulator.iamUrl() << "\n"
                  << "Quantum API base: " << emulator.apiBaseUrl() << "\n"
                  << "API key:          " << options.apiKey << "\n"
                  << "Instance CRN:     " << options.instanceCrn << "\n"
                  << "Press Ctrl+C to stop." << std::endl;
        int received = 0;
        sigwait(&signals, &received);
        std::cout << "Stopping (" << emulator.jobsCreated() << " jobs created)." << std::endl;
    } catch (const std::exception& error) {
        std::cerr << "qaoa-ibm-emulator: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
