"""WordprocessingML as a tree: qualified names and the declared order of children.

Word refuses (or "repairs") a document whose property elements are out of the order the
schema declares. Following python-docx's ``oxml`` (``_tag_seq``), each property element
we edit has its children's order written once here, and every insertion goes through
:func:`child`, so no code inserts at a fixed index or edits XML as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_PREFIXES = {"w": W_NS, "xml": XML_NS, "r": R_NS}

Element = Any
"""An lxml element (lxml ships no type information that mypy --strict accepts)."""


@cache
def qn(name: str) -> str:
    """``w:p`` -> ``{http://...}p`` (cached: a document asks for the same few names often)."""
    prefix, _, local = name.partition(":")
    return f"{{{_PREFIXES[prefix]}}}{local}"


def _order(*names: str) -> tuple[str, ...]:
    return tuple(qn(f"w:{name}") for name in names)


P_PR_ORDER = _order(
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip
"""CT_PPr (ECMA-376 Part 1, 17.3.1.26)."""

R_PR_ORDER = _order(
    "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
    "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange",
)  # fmt: skip
"""CT_RPr (17.3.2.28), and the paragraph mark's CT_ParaRPr (17.3.1.29), which starts with
its revision marks (``ins``, ``del``, ``moveFrom``, ``moveTo``); a run's never has them."""

SECT_PR_ORDER = _order(
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)  # fmt: skip
"""CT_SectPr (17.6.17)."""

TR_PR_ORDER = _order(
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
)  # fmt: skip
"""CT_TrPr (17.4.82); the elements may repeat in the schema, but Word writes this order."""

TBL_PR_ORDER = _order(
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip
"""CT_TblPr (17.4.60)."""

TC_PR_ORDER = _order(
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange",
)  # fmt: skip
"""CT_TcPr (17.4.70)."""

SETTINGS_ORDER = _order(
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip
"""CT_Settings (17.15.1.78)."""

CELL_MARGIN_ORDER = _order("top", "start", "left", "bottom", "end", "right")
"""CT_TblCellMar / CT_TcMar (17.4.43, 17.4.68)."""

_ORDERS = {
    qn("w:pPr"): P_PR_ORDER,
    qn("w:rPr"): R_PR_ORDER,
    qn("w:sectPr"): SECT_PR_ORDER,
    qn("w:trPr"): TR_PR_ORDER,
    qn("w:tblPr"): TBL_PR_ORDER,
    qn("w:tcPr"): TC_PR_ORDER,
    qn("w:tblCellMar"): CELL_MARGIN_ORDER,
    qn("w:settings"): SETTINGS_ORDER,
}

_FIRST_CHILD = {
    qn("w:p"): qn("w:pPr"),
    qn("w:r"): qn("w:rPr"),
    qn("w:tr"): qn("w:trPr"),
    qn("w:tc"): qn("w:tcPr"),
    qn("w:tbl"): qn("w:tblPr"),
}
"""Property elements that must be the first child of their parent."""


def child(parent: Element, name: str, **attributes: str) -> Element:
    """The child ``name`` of ``parent``, added in its declared place when missing.

    ``attributes`` (local names in the ``w`` namespace) are set on it either way.
    """
    tag = qn(name)
    found = parent.find(tag)
    if found is None:
        found = etree.Element(tag)
        _insert(parent, found)
    for key, value in attributes.items():
        found.set(qn(f"w:{key}"), value)
    return found


def insert_in_order(parent: Element, element: Element) -> None:
    """Insert an existing element among its siblings in the declared order."""
    _insert(parent, element)


def _insert(parent: Element, element: Element) -> None:
    if _FIRST_CHILD.get(parent.tag) == element.tag:
        parent.insert(0, element)
        return
    order: Sequence[str] = _ORDERS.get(parent.tag, ())
    if element.tag not in order:
        parent.append(element)
        return
    rank = order.index(element.tag)
    for index, existing in enumerate(parent):
        if existing.tag in order and order.index(existing.tag) > rank:
            parent.insert(index, element)
            return
    parent.append(element)


def sub(parent: Element, name: str, **attributes: str) -> Element:
    """Append a new child ``name`` (for content children, which may repeat)."""
    element = etree.SubElement(parent, qn(name))
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def val(element: Element | None, default: str | None = None) -> str | None:
    """The ``w:val`` attribute of ``element``."""
    if element is None:
        return default
    value: str | None = element.get(qn("w:val"), default)
    return value


def parse_xml(data: bytes) -> Element:
    """Parse a part with a parser that never resolves entities or reaches the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


def serialise(root: Element) -> bytes:
    """A part as Word writes it: UTF-8 with a standalone XML declaration."""
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data
