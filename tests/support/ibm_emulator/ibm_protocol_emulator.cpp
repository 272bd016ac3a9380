// SPDX-License-Identifier: MIT
// Placeholder: the protocol emulator lands here.
