"""lampiran: the Lampiran 2 of a Perjanjian Kinerja, from YAML content to Word and PDF."""

__version__ = "0.1.0"
