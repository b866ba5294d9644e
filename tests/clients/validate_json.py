"""Validates a JSON document against a JSON Schema with the jsonschema
package (Debian's python3-jsonschema). Usage: validate_json.py SCHEMA FILE.
Prints one line per error and exits 1 if there is any."""
import json
import sys

import jsonschema


def main():
    schema_path, instance_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(instance_path, encoding="utf-8") as f:
        instance = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = list(validator_class(schema).iter_errors(instance))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{instance_path}: /{where}: {error.message}")
    print(f"{validator_class.__name__}: {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
