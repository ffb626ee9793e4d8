"""JSON Schemas of the content files, generated from the pydantic models, for editors.

VS Code with the YAML extension (yaml-language-server) reads these schemas to complete
keys, show the Indonesian field descriptions and mark mistakes while staff type. The
schemas are generated, never written by hand, so that they cannot drift from what
``lampiran check`` accepts: the models carry the descriptions, the examples and, next to
each validator, the JSON Schema of the values it accepts (``models.py``).

The repository ships the generated files in ``schema/``; a test keeps them equal to
what the models generate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lampiran import atomic
from lampiran.content.models import Dokumen, ProgramFile, Sasaran

SCHEMA_DIR = "schema"

# Draft 7 is the newest draft that every yaml-language-server release reads completely;
# the models' schemas use nothing newer.
DIALECT = "http://json-schema.org/draft-07/schema#"

SCHEMAS: dict[str, type[BaseModel]] = {
    "dokumen.schema.json": Dokumen,
    "sasaran.schema.json": Sasaran,
    "program.schema.json": ProgramFile,
}
"""File name of each schema and the model of the content file it describes."""


def build_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one content file, with its dialect declared first."""
    return {"$schema": DIALECT, **model.model_json_schema()}


def render_schema(model: type[BaseModel]) -> str:
    """The schema as the text of its file: stable order, readable, UTF-8 kept as is."""
    return json.dumps(build_schema(model), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` (created if needed); return the files written.

    Each file goes through a temporary file and a rename, so a failed run leaves the
    schemas that were there untouched.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, model in SCHEMAS.items():
        target = folder / name
        atomic.write_atomically(target, render_schema(model).encode("utf-8"))
        written.append(target)
    return written
