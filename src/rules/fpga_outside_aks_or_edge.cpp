// AML103: an FPGA VM size or FPGA request on a target the table gives no
// FPGA (F3). No target has FPGAs any more: FPGA deployment is a retired path
// (lifecycle.fpga), and the message says so; a table of your own that gives a
// target FPGAs gets the older message that names it.
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML103",
                         "fpga-outside-aks-or-edge",
                         Severity::kError,
                         RuleFamily::kCapability,
                         "F3",
                         "an FPGA VM size or FPGA request: a retired path on every target",
                         "targets.*.fpga, detection.fpga_vm_size, detection.fpga_key, "
                         "detection.fpga_image, lifecycle.fpga"};

struct Request {
  const Node* node;
  std::string subject;    // "'Standard_PB6s'"
  std::string predicate;  // "is an FPGA VM size"
};

bool lacks_fpga(const Manifest& deployment) {
  return deployment.target && deployment.target->fpga && !deployment.target->fpga->value;
}

// A value that switches something on: true, a positive number, a word other
// than a false one.
bool truthy(const Node& value) {
  if (const auto b = as_bool(&value)) return *b;
  if (const auto n = as_number(&value)) return *n > 0;
  const auto text = value_text(&value);
  return text && !text->empty();
}

// FPGA VM sizes anywhere, keys that ask for FPGAs, and FPGA base images.
std::vector<Request> fpga_requests(const Manifest& m, const Context& ctx) {
  const Detection& d = ctx.caps.detection();
  std::vector<Request> out;
  rules::for_each_scalar(*m.root(), [&](const Node& scalar) {
    if (d.fpga_vm_size.full_match(scalar.text)) {
      out.push_back({&scalar, quote(scalar.text), "is an FPGA VM size"});
    }
  });
  rules::for_each_entry(*m.root(), [&](const Node& key, const Node& value) {
    if (!key.is_scalar() || !d.fpga_key.search(key.resolved().text) || !truthy(value)) return;
    if (value.is_scalar() && d.fpga_vm_size.full_match(value.resolved().text))
      return;  // reported above
    out.push_back({&key, rules::key_value(key, value), "asks for an FPGA"});
  });
  if (m.format == Format::kV1InferenceConfig) {
    const Node& root = *m.root();
    const Node* docker = root.get("environment") ? root.get("environment")->get("docker") : nullptr;
    for (const MapEntry* e :
         {root.entry("baseImage"), docker ? docker->entry("baseImage") : nullptr}) {
      const auto image = e ? value_text(e->value) : std::nullopt;
      if (image && d.fpga_image.search(*image)) {
        out.push_back({e->value, "base image " + quote(*image), "is an FPGA image"});
      }
    }
  }
  return out;
}

class FpgaOutsideAksOrEdge final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (!m.root()) return;
    if (!is_v1(m.format)) {
      check_v2(m, ctx, out);
      return;
    }
    if (m.format == Format::kV1DeploymentConfig) {
      if (!lacks_fpga(m)) return;
      for (const Request& r : fpga_requests(m, ctx)) {
        out.report(kInfo, m, *r.node,
                   r.subject + " " + r.predicate + ", but " + why_not(*m.target, ctx));
      }
      return;
    }
    const std::vector<Request> requests = fpga_requests(m, ctx);
    if (requests.empty()) return;
    for (const Manifest* deployment : rules::paired(m, ctx)) {
      if (!lacks_fpga(*deployment)) continue;
      for (const Request& r : requests) {
        out.report(kInfo, m, *r.node,
                   r.subject + " in " + rules::file_name(m) + " " + r.predicate + ", but " +
                       rules::file_name(*deployment) + " deploys to " +
                       deployment->target->short_name + "; " + why_not(*deployment->target, ctx),
                   {rules::deploys_here(*deployment)});
      }
    }
  }

 private:
  // Why `target` cannot take an FPGA request, and what to do.
  static std::string why_not(const Target& target, const Context& ctx) {
    const std::string fpga_targets =
        rules::targets_where(ctx, [](const Target& t) { return t.fpga && t.fpga->value; });
    if (!fpga_targets.empty()) {
      const std::string deploy_to = rules::targets_where(ctx, [](const Target& t) {
        return t.fpga && t.fpga->value && !t.v1_compute_types.empty();
      });
      return target.short_name + " has no FPGAs; FPGA models run only on " + fpga_targets +
             (deploy_to.empty() ? "" : ": deploy to " + deploy_to);
    }
    const LifecycleEvent* fpga = ctx.caps.lifecycle("fpga");
    std::string why = "FPGA deployment is a retired path (F3)";
    if (fpga) {
      why += ": " + fpga->what + " " + (ctx.today >= fpga->ended ? "ended on " : "ends on ") +
             fpga->ended;
      if (!fpga->instead.empty()) why += "; use " + fpga->instead;
    }
    return why;
  }

  // CLI v2 files: an FPGA VM size where the file's target has no FPGAs.
  static void check_v2(const Manifest& m, const Context& ctx, Sink& out) {
    const Target* target = rules::v2_target(m, ctx);
    if (!target || !target->fpga || target->fpga->value) return;
    rules::for_each_scalar(*m.root(), [&](const Node& scalar) {
      if (!ctx.caps.detection().fpga_vm_size.full_match(scalar.text)) return;
      out.report(kInfo, m, scalar,
                 quote(scalar.text) + " is an FPGA VM size, but " + why_not(*target, ctx));
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_fpga_outside_aks_or_edge() {
  return std::make_unique<FpgaOutsideAksOrEdge>();
}

}  // namespace amlint
