// The config as people read it: `amlint config` prints the settings in
// effect and where each comes from; `amlint init` writes a starter file.
#pragma once

#include <ostream>
#include <string>

#include "policy/config.h"

namespace amlint {

void write_settings(std::ostream& out, const Config& config);

// The commented starter .amlint.yaml: valid as written (every setting in it
// is the default), and valid with any of its commented examples uncommented
// (a list's items are commented under its key, which has no value).
std::string starter_config();

}  // namespace amlint
