"""The Jinja environment for untrusted templates: sandboxed, and bounded.

Jinja's sandbox keeps a template away from Python's internals, not from exhausting the
machine: ``{{ 'a' * 10**9 }}`` asks for gigabytes, and two nested ``range(100000)``
loops run for hours. A Word template needs neither, so every way a template can make
something big or keep working is bounded, for each part it renders:

- every value a template makes (operators, ``~``, list and dict literals, filters and
  calls) is weighed as it is made, about the number of characters it prints as, and may
  not weigh more than :data:`MAX_VALUE`, all of them together not more than
  :data:`MAX_MADE`; what multiplies (``*``, ``**``, ``%``, ``center``, ``indent``,
  ``replace``, ``join``, ``batch``, ``slice``...) is estimated before it runs;
- loop steps, filters and calls are counted (:data:`MAX_STEPS`), so is the output
  (:data:`MAX_OUTPUT`), and a deadline (:data:`TIME_LIMIT`) is checked at each of them;
- lists and dicts cannot be changed in place (Jinja's immutable sandbox), so nothing
  grows across loop steps without being weighed again; the text methods whose result
  cannot be estimated (``format``, ``format_map``, ``expandtabs``, ``translate``) are
  not available, nor are ``lipsum`` and ``|random`` (a document must not change from
  one build to the next).

The counting is put into the template when it is parsed (:class:`_Bounder`): loops,
``~``, literals and output go through small filters, so no template escapes it. Going
over a bound raises :class:`RenderRefused`, which says in Indonesian what went too far
and how to fix it; the caller adds the part and the paragraph of the tag.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import Context, LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

MAX_VALUE = 4_000_000
"""Characters one value made by a template may print as (a text, a list, a number)."""
MAX_MADE = 64_000_000
"""Characters all values made while rendering one part may weigh together."""
MAX_OUTPUT = 16_000_000
"""Characters of one rendered part."""
MAX_STEPS = 1_000_000
"""Loop steps, filters and calls while rendering one part (calling a macro or a recursive
loop counts ten: each costs as much as ten steps)."""
_MACRO_STEPS = 10
MAX_RANGE = 100_000
"""Numbers in one ``range()`` (Jinja's own sandbox limit)."""
MAX_INT_DIGITS = 4_000
"""Digits of a whole number a template computes (Python prints at most 4,300)."""
MAX_SUMMED = 10_000
"""Texts or lists one ``|sum`` may add up (each addition copies what came before)."""
TIME_LIMIT = 10.0
"""Seconds to render one part; the package's own template needs milliseconds."""

_MAX_INT_BITS = MAX_INT_DIGITS * 10 // 3
_BLOCKED_TEXT_METHODS = frozenset({"format", "format_map", "expandtabs", "translate", "maketrans"})
_STEPS, _CONCAT, _MADE, _OUTPUT, _STATIC = (
    "_lampiran_steps",
    "_lampiran_concat",
    "_lampiran_made",
    "_lampiran_output",
    "_lampiran_static",
)


class RenderRefused(Exception):
    """A template went past a bound: ``what`` it did and how to ``fix`` it, in Indonesian."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(f"{what}; {fix}")
        self.what, self.fix = what, fix


def _number(value: float) -> str:
    return f"{value:,}".replace(",", ".")


def _too_big() -> RenderRefused:
    return RenderRefused(
        f"membuat teks atau daftar lebih dari {_number(MAX_VALUE)} karakter",
        "perkecil angka pengali, lebar, atau jumlah pengulangan di tag itu",
    )


@dataclass
class _Budget:
    """What rendering one part has used so far."""

    deadline: float
    steps: int = 0
    made: int = 0
    output: int = 0

    def step(self, steps: int = 1) -> None:
        self.steps += steps
        if self.steps > MAX_STEPS:
            raise RenderRefused(
                f"mengulang lebih dari {_number(MAX_STEPS)} langkah (loop 'for', filter "
                "atau panggilan macro)",
                "periksa 'for' yang bersarang, range() yang besar, atau macro yang "
                "memanggil dirinya sendiri",
            )
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderRefused(
                f"terlalu lama diisi (lebih dari {TIME_LIMIT:g} detik)",
                "periksa pengulangan dan perhitungan di templat",
            )

    def make(self, value: object) -> None:
        size = weight(value)
        if size > MAX_VALUE:
            raise _too_big()
        self.made += size
        if self.made > MAX_MADE:
            raise RenderRefused(
                f"membuat nilai lebih dari {_number(MAX_MADE)} karakter seluruhnya",
                "kurangi pengulangan dan pengolahan teks di templat",
            )

    def emit(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            raise RenderRefused(
                f"menghasilkan lebih dari {_number(MAX_OUTPUT)} karakter untuk satu bagian",
                "periksa pengulangan di templat",
            )
        self.check_time()


_BUDGET: ContextVar[_Budget] = ContextVar("lampiran_render_budget")


def render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render one part within the bounds (a new budget for each part)."""
    token = _BUDGET.set(_Budget(time.monotonic() + TIME_LIMIT))
    try:
        return template.render(context)
    finally:
        _BUDGET.reset(token)


def _budget() -> _Budget:
    budget = _BUDGET.get(None)
    if budget is None:
        raise RuntimeError("a bounded template was rendered outside sandbox.render")
    return budget


def weight(value: object, limit: int = MAX_VALUE) -> int:
    """About how many characters ``value`` prints as, or just over ``limit`` if more.

    Each item of a list or dict counts, also when the same object appears many times
    (``[s, s]`` prints ``s`` twice); a list seen again is not walked again, so a list
    nested in itself over and over costs as many steps as it has distinct lists.
    """
    if not isinstance(value, _CONTAINERS):
        return _leaf_weight(value)
    sizes: dict[int, int] = {}
    walking: set[int] = set()
    pending: list[tuple[Any, bool]] = [(value, False)]
    while pending:
        item, walked = pending.pop()
        key = id(item)
        if not walked and (key in sizes or key in walking):
            continue
        children = _children(item)
        if not walked:
            walking.add(key)
            pending.append((item, True))
            pending.extend(
                (child, False)
                for child in children
                if isinstance(child, _CONTAINERS) and id(child) not in sizes
            )
            continue
        walking.discard(key)
        total = 2 + 2 * len(children)
        for child in children:
            if isinstance(child, _CONTAINERS):
                total += sizes.get(id(child), 24)  # 24: a container printing itself
            else:
                total += _leaf_weight(child)
        sizes[key] = min(total, limit + 1)
    return sizes[id(value)]


_CONTAINERS = (list, tuple, set, frozenset, dict, Namespace)


def _children(item: Any) -> list[Any]:
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if isinstance(item, Namespace):
        return [object.__getattribute__(item, "_Namespace__attrs")]
    return list(item)


def _leaf_weight(item: object) -> int:
    if isinstance(item, (str, bytes, bytearray)):
        return len(item)
    if isinstance(item, bool) or item is None:
        return 5
    if isinstance(item, int):
        return item.bit_length() // 3 + 1
    return 24


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with every template bounded in time and size."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _bounded_range
        del self.globals["lipsum"]  # random text, and as much as asked for
        del self.filters["random"]  # the same content and template give the same bytes
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters.update(
            {
                _STEPS: _steps_filter,
                _CONCAT: _concat_filter,
                _MADE: _made_filter,
                _OUTPUT: _output_filter,
                _STATIC: _static_filter,
            }
        )

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = _Bounder().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree  # type: ignore[no-any-return]

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, (str, bytes)) and attr in _BLOCKED_TEXT_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> None:
        """``str.format`` is refused like any unsafe attribute (its size is unknown)."""
        return None

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = _budget()
        budget.check_time()
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_formatting(left, right)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and result.bit_length() > _MAX_INT_BITS:
            raise _too_large_number()
        budget.make(result)
        return result

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.step(_MACRO_STEPS if isinstance(__obj, (Macro, LoopContext)) else 1)
        _check_containers((*args, *kwargs.values()))
        if isinstance(__obj, LoopContext) and args:  # a recursive loop: loop(children)
            args = (_counted(args[0]), *args[1:])
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, (str, bytes)):
            args = _check_text_method(owner, name, args, kwargs)
        elif isinstance(owner, int) and name == "to_bytes":
            _check_width(args[0] if args else kwargs.get("length", 1))
        result = super().call(__context, __obj, *args, **kwargs)
        budget.make(result)
        return result


class _Bounder(NodeTransformer):
    """Route loops, ``~``, literals and output of a parsed template through counters."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _through(_STEPS, node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _through(_CONCAT, nodes.Tuple(node.nodes, "load", lineno=node.lineno))

    def visit_List(self, node: nodes.List) -> nodes.Node:
        return self._made(node)

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        return self._made(node) if node.ctx == "load" else self.generic_visit(node)

    def visit_Dict(self, node: nodes.Dict) -> nodes.Node:
        return self._made(node)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        static = sum(
            len(child.data) for child in node.nodes if isinstance(child, nodes.TemplateData)
        )
        children: list[nodes.Expr] = [
            child if isinstance(child, nodes.TemplateData) else _through(_OUTPUT, child)
            for child in node.nodes
        ]
        if static:
            children.append(_through(_STATIC, nodes.Const(static, lineno=node.lineno)))
        node.nodes = children
        return node

    def _made(self, node: nodes.Expr) -> nodes.Node:
        """A literal, weighed when it is made (``[s, s]`` is twice ``s``)."""
        self.generic_visit(node)
        return _through(_MADE, node)


def _through(filter_name: str, node: Any) -> nodes.Filter:
    return nodes.Filter(node, filter_name, [], [], None, None, lineno=node.lineno)


# -- the counting filters the bounder inserts -------------------------------------------


@jinja2.pass_context
def _steps_filter(context: Context, iterable: Iterable[Any]) -> Iterator[Any]:
    return _counted(iterable)


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item


@jinja2.pass_context
def _concat_filter(context: Context, operands: tuple[Any, ...]) -> str:
    if sum(weight(operand) for operand in operands) > MAX_VALUE:
        raise _too_big()
    result: str = markup_join(operands) if context.eval_ctx.autoescape else str_join(operands)
    _budget().make(result)
    return result


@jinja2.pass_context
def _made_filter(context: Context, value: Any) -> Any:
    _budget().make(value)
    return value


@jinja2.pass_context
def _output_filter(context: Context, value: Any) -> Markup:
    """What a tag prints, converted as Jinja would, counted, and free of declarations.

    Text is escaped, so only markup (``|safe``, or with autoescape turned off) can
    contain ``<``; markup that declares (``<!DOCTYPE``, ``<!ENTITY``, ``<?xml``) is
    refused here, at the tag, before the rendered part is checked as a whole.
    """
    _check_containers((value,))
    text = str(escape(value) if context.eval_ctx.autoescape else value)
    if "<!" in text or "<?" in text:
        raise RenderRefused(
            "menyisipkan deklarasi XML ('<!...' atau '<?...', misalnya DOCTYPE atau "
            "ENTITY) lewat |safe",
            "hapus tag itu dari templat",
        )
    _budget().emit(len(text))
    return Markup(text)


@jinja2.pass_context
def _static_filter(context: Context, size: int) -> Markup:
    _budget().emit(size)
    return Markup("")


# -- filters, calls and operators that multiply -------------------------------------------


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` counted as a step, estimated first when it multiplies, its result weighed.

    The wrapper takes the context, which also keeps Jinja from running the filter on
    constants while compiling (``'a'|center(10**9)`` would otherwise run unbounded).
    """
    passed = getattr(getattr(func, "jinja_pass_arg", None), "name", None)
    estimate = _FILTER_ESTIMATES.get(name)

    def bounded(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.step()
        _check_containers((value, *args, *kwargs.values()))
        if estimate is not None:
            value = estimate(value, args, kwargs)
        if passed == "context":
            result = func(context, value, *args, **kwargs)
        elif passed == "eval_context":
            result = func(context.eval_ctx, value, *args, **kwargs)
        elif passed == "environment":
            result = func(context.environment, value, *args, **kwargs)
        else:
            result = func(value, *args, **kwargs)
        budget.make(result)
        return result

    bounded.__name__ = bounded.__qualname__ = getattr(func, "__name__", name)
    bounded.__doc__ = func.__doc__
    return jinja2.pass_context(bounded)


def _argument(args: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name)


def _lines(value: Any) -> int:
    return str(value).count("\n") + 1 if isinstance(value, str) else weight(value)


def _estimate_center(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    _check_width(_argument(args, kwargs, 0, "width"))
    return value


def _estimate_indent(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    width = _argument(args, kwargs, 0, "width")
    size = weight(width) if isinstance(width, str) else width if isinstance(width, int) else 4
    _check_size(weight(value) + _lines(value) * max(size, 0))
    return value


def _estimate_wordwrap(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    width = _argument(args, kwargs, 0, "width")
    wrap = _argument(args, kwargs, 2, "wrapstring")
    length = weight(value)
    breaks = length // max(width if isinstance(width, int) else 79, 1) + _lines(value) + 1
    _check_size(length + breaks * weight(wrap if wrap is not None else "\n"))
    return value


def _estimate_replace(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    old, new = _argument(args, kwargs, 0, "old"), _argument(args, kwargs, 1, "new")
    count = _argument(args, kwargs, 2, "count")
    _check_replace(str(value), str(old), str(new), count)
    return value


def _estimate_join(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    items = _materialised(value)
    separator = _argument(args, kwargs, 0, "d")
    _check_size(sum(weight(item) for item in items) + len(items) * weight(separator or ""))
    return items


def _estimate_format(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    _check_formatting(str(value), dict(kwargs) if kwargs else args)
    return value


def _estimate_batch(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    items = _materialised(value)
    count = _argument(args, kwargs, 0, "linecount")
    if isinstance(count, int) and count > MAX_RANGE:
        raise _too_many_pieces()
    _check_size(weight(items) + 4 * len(items))
    return items


def _estimate_slice(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    count = _argument(args, kwargs, 0, "slices")
    if isinstance(count, int) and count > MAX_RANGE:
        raise _too_many_pieces()
    return value


def _estimate_sum(value: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
    start = _argument(args, kwargs, 1, "start")
    if start is None or isinstance(start, (int, float)):
        return value
    items = _materialised(value)
    if len(items) > MAX_SUMMED:
        raise RenderRefused(
            f"menjumlahkan lebih dari {_number(MAX_SUMMED)} teks atau daftar dengan |sum",
            "gabungkan dengan |join, atau jumlahkan lebih sedikit",
        )
    return items


_FILTER_ESTIMATES: Mapping[str, Callable[[Any, tuple[Any, ...], Mapping[str, Any]], Any]] = {
    "center": _estimate_center,
    "indent": _estimate_indent,
    "wordwrap": _estimate_wordwrap,
    "replace": _estimate_replace,
    "join": _estimate_join,
    "format": _estimate_format,
    "batch": _estimate_batch,
    "slice": _estimate_slice,
    "sum": _estimate_sum,
}


def _check_text_method(
    owner: str | bytes, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> tuple[Any, ...]:
    """Estimate the text methods that can grow their text; the rest never do."""
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_width(_argument(args, kwargs, 0, "width"))
    elif name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else None)
    elif name == "join" and args:
        items = _materialised(args[0])
        _check_size(sum(weight(item) for item in items) + len(items) * len(owner))
        return (items, *args[1:])
    return args


def _check_replace(text: Any, old: Any, new: Any, count: Any) -> None:
    if not isinstance(text, (str, bytes)) or not isinstance(old, type(text)):
        return
    found: int = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    _check_size(len(text) + found * max(weight(new) - len(old), 0))


def _check_repeat(sequence: Any, times: Any) -> None:
    if (
        isinstance(sequence, (str, bytes, list, tuple))
        and isinstance(times, int)
        and times > 1
        and weight(sequence) * times > MAX_VALUE
    ):
        raise _too_big()


def _check_power(base: Any, exponent: Any) -> None:
    if (
        isinstance(base, int)
        and isinstance(exponent, int)
        and exponent > 0
        and abs(base) > 1
        and exponent * (abs(base).bit_length() - 1) > _MAX_INT_BITS
    ):
        raise _too_large_number()


def _check_formatting(template: str, values: Any) -> None:
    """Estimate ``template % values``: every field at most as wide as its widest value."""
    if isinstance(values, Mapping):
        items = list(values.values())
    else:
        items = list(values) if isinstance(values, tuple) else [values]
    for item in items:
        if isinstance(item, int) and abs(item) > MAX_VALUE:  # a width given with '*'
            raise _too_big()
    widths = re.findall(r"\d+", template)
    if any(len(width) > 7 for width in widths):
        raise _too_big()
    widest = max((int(width) for width in widths), default=0)
    field = max((weight(item) for item in items), default=0) + widest + 32
    _check_size(len(template) + template.count("%") * field)


def _check_containers(values: Iterable[Any]) -> None:
    """Refuse a list or namespace about to be printed or passed on that is too big.

    A namespace can change after a list holding it was weighed, so what is made from
    one is weighed again where it is used.
    """
    for value in values:
        if isinstance(value, _CONTAINERS) and weight(value) > MAX_VALUE:
            raise _too_big()


def _check_width(width: Any) -> None:
    if isinstance(width, int) and width > MAX_VALUE:
        raise _too_big()


def _check_size(size: int) -> None:
    if size > MAX_VALUE:
        raise _too_big()


def _materialised(value: Any) -> list[Any]:
    """The items of ``value``, counted, so that an estimate can look at them."""
    items = list(_counted(value)) if not isinstance(value, (list, tuple, str)) else list(value)
    if weight(items) > MAX_VALUE:
        raise _too_big()
    return items


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    try:
        too_long = len(numbers) > MAX_RANGE
    except OverflowError:
        too_long = True
    if too_long:
        raise RenderRefused(
            f"memakai range() lebih dari {_number(MAX_RANGE)} angka",
            "pakai range() yang lebih kecil",
        )
    return numbers


def _too_large_number() -> RenderRefused:
    return RenderRefused(
        f"menghitung bilangan yang terlalu besar (lebih dari {_number(MAX_INT_DIGITS)} angka)",
        "periksa pangkat (**) dan perkalian di tag itu",
    )


def _too_many_pieces() -> RenderRefused:
    return RenderRefused(
        f"membagi daftar menjadi lebih dari {_number(MAX_RANGE)} potong",
        "pakai angka yang lebih kecil di |batch atau |slice",
    )
