// SPDX-License-Identifier: MIT
// Placeholder until the implementation lands.
#include "warmstart/feasible_decoding.h"
