// SPDX-License-Identifier: MIT
#include "warmstart/decomposition.h"
