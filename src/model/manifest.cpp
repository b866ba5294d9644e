#include "model/manifest.h"

namespace amlint {

Location Manifest::locate(const Node& node) const {
  return Location{file, node.range, document_path(node)};
}

}  // namespace amlint
