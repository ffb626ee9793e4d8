"""Importers: existing documents into content (``lampiran import``).

A Word file to import comes from anyone (security.md): it is opened within size limits
and parsed without entities or DTDs (:mod:`.wordpackage`), read into neutral paragraphs
and tables (:mod:`.wordbody`), recognised as the parts of a Lampiran 2 (:mod:`.docx`)
and written as content files a person reads comfortably (:mod:`.yearfiles`).
"""
