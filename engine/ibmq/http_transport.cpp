// SPDX-License-Identifier: MIT
// Placeholder: the HTTP transport lands here.
