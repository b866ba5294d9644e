"""The work of src/data/refresh_facts.py, the yearly refresh of amlint's Azure
facts, split by responsibility. Dependencies point one way, down this list:

  inputs       reading input files; InputError, reported as FILE:LINE: reason
  markdown     a markdown page: front matter, ms.date, headings, pipe tables, cells
  sku_page     the facts of the managed online SKU list page
  quotas_page  the facts of the quotas page (online endpoint limits)
  rules_file   targeted, atomic line edits of rules/compute-targets.yaml, and
               the size-name casing of rules/vm-sizes.yaml
  apply        turning the pages' facts into edits of the rules file

Only the standard library is used. The command line lives in refresh_facts.py.
"""
