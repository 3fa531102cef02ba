"""The site's data versions for saved plans: ``assets/data/versions.json``.

A saved plan (site_src/saved-plans.mjs) records the policy version and each
screening list's date it was last assessed with. Guide pages never start the
engine: site_src/saved-plans-notice.mjs compares those recorded versions with
this small file (the policy version and each list's label and date, from
:func:`assessments.watch.versions` under this build's configuration) and, when
the site's are newer, says that a saved plan needs a re-check, linking to the
self-assessment page, where the engine works out what changed. Added in
``on_files``, so the offline copy (sw.js, listed by hooks/assets.py) has it.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

import assessments.watch

import _project

VERSIONS_JSON = "assets/data/versions.json"  # read by site_src/saved-plans-notice.mjs (not content-hashed)


def versions_payload(institution: assessments.Config) -> str:
    return json.dumps(assessments.watch.versions(institution), ensure_ascii=False, sort_keys=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    payload = versions_payload(_project.institution(config))
    files.append(File.generated(config, VERSIONS_JSON, content=payload, inclusion=InclusionLevel.INCLUDED))
    return files
