// Manifests whose findings have fixes of every kind amlint has, written so
// that a report's positions are easy to get wrong: a byte order mark, CRLF
// and lone CR line breaks, and characters of two, three and four bytes
// before an edit on its line. Each --fix applies in one round (no fix
// overlaps another or uncovers a new one), so that the fixes a report gives
// for the files as they are add up to what `check --fix` writes.
#pragma once

#include <map>
#include <string>

namespace amlint::testing {

// Relative paths (under deploy/) and their bytes. Safe fixes: two keys
// renamed (AML501), a YAML 1.1 boolean and a quoted number (AML502), a JSON
// trailing comma (AML004); unsafe: two enum values spelt near a valid one
// (AML503).
inline const std::map<std::string, std::string>& fixable_files() {
  static const std::map<std::string, std::string> kFiles = {
      // A byte order mark, CRLF, and 'ö' before the enum value on line 5.
      {"deploy/blue.yml",
       "\xEF\xBB\xBF"
       "enviroment_variables: {GR\xC3\x9CSSE: \"gr\xC3\xBC\xC3\x9F e\"}\r\n"
       "$schema: "
       "https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\r\n"
       "name: blue\r\n"
       "endpoint_name: my-endpoint\r\n"
       "model: {name: m\xC3\xB6"
       "del, version: 1, type: mlflow}\r\n"
       "instance_type: Standard_D4as_v4\r\n"
       "instance_count: 1\r\n"
       "description: \"Gr\xC3\xBC\xC3\x9F"
       "e \xF0\x9F\x9A\x80\"\r\n"
       "app_insights_enabled: yes\r\n"},
      // Lone CR line breaks (YAML has them; SARIF's default does not).
      {"deploy/endpoint.yml",
       "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\r"
       "name: my-endpoint\r"
       "descripton: \"\xC3\xA9t\xC3\xA9\"\r"
       "auth_mode: key\r"
       "public_network_access: disable\r"},
      // JSON: a quoted number, and a trailing comma whose line break stays.
      {"deploy/deploymentconfig.json",
       "{\n"
       "  \"computeType\": \"ACI\",\n"
       "  \"containerResourceRequirements\": {\"cpu\": \"1\", \"memoryInGB\": 1},\n"
       "  \"authEnabled\": true,\n"
       "}\n"},
  };
  return kFiles;
}

}  // namespace amlint::testing
