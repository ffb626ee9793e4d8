"""Importing pydantic without the part of its start-up that lampiran never uses.

pydantic's plugin loader runs ``from importlib.metadata import entry_points`` when the
first model is built, which imports :mod:`importlib.metadata` with the e-mail package,
zipfile and csv under it (some 15 ms at every start of the command), only to look for
plugins that lampiran switches off (``PYDANTIC_DISABLE_PLUGINS``) and pydantic then
never looks for. Until something really uses it, ``importlib.metadata`` is therefore
a stand-in: its ``entry_points`` (the one name that loader takes) and every other name
load the real module on first use and hand over to it, so a user who enables a plugin,
or any other code that needs package metadata, gets exactly the real module.

Imported before the first ``import pydantic`` (``lampiran/content/__init__.py``).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any

_NAME = "importlib.metadata"


class _StandIn(types.ModuleType):
    """``importlib.metadata`` until its first use; then the real module in its place."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_load(), name)


def _load() -> types.ModuleType:
    if isinstance(sys.modules.get(_NAME), _StandIn):
        del sys.modules[_NAME]
    real = importlib.import_module(_NAME)
    importlib.metadata = real
    return real


def _entry_points(*args: Any, **kwargs: Any) -> Any:
    return _load().entry_points(*args, **kwargs)


def _stand_in() -> None:
    if _NAME in sys.modules:
        return
    spec = importlib.util.find_spec(_NAME)  # finds it without running it
    if spec is None or spec.submodule_search_locations is None:
        return
    module = _StandIn(_NAME, "Sementara; modul aslinya dimuat saat pertama dipakai.")
    # What the import system reads of a module it finds in sys.modules (so that
    # ``from importlib.metadata import entry_points`` and submodules work unloaded).
    module.__spec__ = spec
    module.__path__ = list(spec.submodule_search_locations)
    module.entry_points = _entry_points  # type: ignore[attr-defined]
    sys.modules[_NAME] = module
    importlib.metadata = module


# No pydantic plugin is used. Without this, creating the first model scans the metadata
# of every installed distribution for plugins, at every start of the command. A user
# who wants a plugin can still set the variable (to anything else) themselves.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
if os.environ["PYDANTIC_DISABLE_PLUGINS"] in {"__all__", "1", "true"}:
    _stand_in()
