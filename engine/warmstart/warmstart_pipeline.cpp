// SPDX-License-Identifier: MIT
#include "warmstart/warmstart_pipeline.h"
