// SPDX-License-Identifier: MIT
// The CLI's IBM account in CLI tests: pointed at the protocol emulator through the environment, or cleared.
#pragma once

#include "ibm_protocol_emulator.h"

#include <QByteArray>
#include <QtGlobal>

namespace test_support {

/// Sets QISKIT_IBM_TOKEN, QISKIT_IBM_INSTANCE, QAOA_IBM_URL and QAOA_IAM_URL so that the CLI talks to `emu`.
inline void pointCliAt(const ibmemu::IbmProtocolEmulator& emu)
{
    qputenv("QISKIT_IBM_TOKEN", QByteArray::fromStdString(emu.options().apiKey));
    qputenv("QISKIT_IBM_INSTANCE", QByteArray::fromStdString(emu.options().instanceCrn));
    qputenv("QAOA_IBM_URL", QByteArray::fromStdString(emu.apiBaseUrl()));
    qputenv("QAOA_IAM_URL", QByteArray::fromStdString(emu.iamUrl()));
}

/// Unsets the four variables of pointCliAt (no account from the environment).
inline void clearCliAccount()
{
    for (const char* name : {"QISKIT_IBM_TOKEN", "QISKIT_IBM_INSTANCE", "QAOA_IBM_URL", "QAOA_IAM_URL"})
        qunsetenv(name);
}

} // namespace test_support
