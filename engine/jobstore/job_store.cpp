// SPDX-License-Identifier: MIT
// Placeholder: the job store lands here.
