"""The content model and its loading; pydantic is imported with a quicker start-up."""

from lampiran.content import quickstart  # noqa: F401  (before any pydantic import)
