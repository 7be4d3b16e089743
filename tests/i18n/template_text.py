"""Visible text in a template that is not inside a translate tag.

A template is cut into Django tags, comments, variables, HTML tags and text. A run of text and
variables between two tags is visible text if, without its variables, HTML entities, digits,
punctuation and the name "Lief & Leed", a letter is left. Text inside {% translate %},
{% blocktranslate %} … {% endblocktranslate %}, {% comment %}, <script> and <style> does not
count, nor file formats in capitals (CSV, PDF).

The attributes people read or hear (alt, title, placeholder, aria-label, aria-description,
aria-placeholder, and the value of a submit, button or reset input) are looked at the same way
(`attribute_runs`): their literal text, outside {% translate %}, {% blocktranslate %} and
{{ variables }}, must have no letter left.
"""

import re
from dataclasses import dataclass

TOKEN = re.compile(
    r"(\{%.*?%\}|\{#.*?#\}|\{\{.*?\}\}|<!--.*?-->|<[a-zA-Z/!](?:\{%.*?%\}|\{\{.*?\}\}|[^>])*>)",
    re.DOTALL,
)
# Blocks that hold names for the code, not text: {% block body_class %}print-card{% endblock %}.
CODE_BLOCKS = ("body_class",)
ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")
BRAND = re.compile(r"Lief\s*(?:&amp;|&)\s*Leed(?![a-z])")
# File formats and the like (CSV, JSON, PDF, QR), the same in every language; "Language" is the
# footer's English hint next to the language switch, marked lang="en".
ACRONYM = re.compile(r"\b(?:[A-Z]{2,5}|Language)\b")
LETTER = re.compile(r"[^\W\d_]")

READ_ATTRIBUTES = (
    "alt",
    "title",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-placeholder",
)
# Inputs whose `value` is the label a person reads on the button.
BUTTON_TYPES = ("submit", "button", "reset")
_VALUE = r"""(?:"(?:\{%.*?%\}|\{\{.*?\}\}|[^"])*"|'(?:\{%.*?%\}|\{\{.*?\}\}|[^'])*'|[^\s>"']+)"""
ATTRIBUTE = re.compile(r"(?<=[\s}])([a-zA-Z][\w:-]*)\s*=\s*(" + _VALUE + ")", re.DOTALL)
BLOCKTRANSLATE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b.*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.DOTALL
)
TEMPLATE_TAG = re.compile(r"(\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\})", re.DOTALL)


@dataclass
class Run:
    line: int
    parts: list  # ("text", str) and ("var", "{{ … }}") in order
    attribute: str = ""  # the attribute whose value this is; empty for text between tags

    @property
    def text(self) -> str:
        value = "".join(value for _kind, value in self.parts)
        return f'{self.attribute}="{value}"' if self.attribute else value

    def visible(self) -> bool:
        words = "".join(value for kind, value in self.parts if kind == "text")
        words = ACRONYM.sub("", ENTITY.sub("", BRAND.sub("", words)))
        return bool(LETTER.search(words))


def _tokens(source: str):
    """(token, line, is_tag, hidden) for each piece of `source`: hidden is whether it sits in a
    block whose text is not looked at (translate blocks, comments, scripts, styles)."""
    hidden = []  # the blocks we are inside of whose text is not looked at
    line = 1
    for token in TOKEN.split(source):
        if not token:
            continue
        start_line = line
        line += token.count("\n")
        is_tag = bool(token.startswith(("{%", "{#", "<")) and TOKEN.fullmatch(token))
        was_hidden = bool(hidden)
        if is_tag:
            name = token[2:-2].split()[0] if token.startswith("{%") and token[2:-2].split() else ""
            lower = token.lower()
            if name in ("blocktranslate", "blocktrans", "comment"):
                hidden.append("end" + name)
            elif name == "block" and set(token[2:-2].split()[1:2]) & set(CODE_BLOCKS):
                hidden.append("endblock")
            elif hidden and name == hidden[-1]:
                hidden.pop()
            elif lower.startswith(("<script", "<style")):
                hidden.append("</" + lower[1:].split()[0].rstrip(">"))
            elif hidden and lower.startswith(hidden[-1]):
                hidden.pop()
        yield token, start_line, is_tag, was_hidden


def runs(source: str, *, split_lines: bool = False) -> list[Run]:
    """The runs of text and variables outside translate tags, comments, scripts and styles."""
    found: list[Run] = []
    current: Run | None = None
    for token, start_line, is_tag, hidden in _tokens(source):
        if is_tag:
            current = None
            continue
        if hidden:
            continue
        kind = "var" if token.startswith("{{") else "text"
        pieces = [token]
        if split_lines and kind == "text" and "\n" in token:
            pieces = re.split(r"(\n)", token)
        for piece in pieces:
            if piece == "\n":
                current = None
                start_line += 1
                continue
            if current is None:
                current = Run(start_line, [])
                found.append(current)
            current.parts.append((kind, piece))
    return [run for run in found if run.visible()]


def _read_attributes(tag: str):
    """(name, value, offset) of the attributes of an HTML tag that people read or hear."""
    attributes = [(m.group(1).lower(), m.group(2), m.start()) for m in ATTRIBUTE.finditer(tag)]
    element = re.match(r"<([a-zA-Z][\w-]*)", tag).group(1).lower()
    kinds = {name: value.strip("\"'").strip().lower() for name, value, _at in attributes}
    is_button = element == "input" and kinds.get("type") in BUTTON_TYPES
    for name, value, offset in attributes:
        if name in READ_ATTRIBUTES or (name == "value" and is_button):
            if value[:1] in "\"'":
                value = value[1:-1]
            yield name, value, offset


def attribute_runs(source: str) -> list[Run]:
    """The read attributes (READ_ATTRIBUTES, a button's value) whose value holds literal text
    outside translate tags and variables."""
    found = []
    for token, start_line, is_tag, hidden in _tokens(source):
        if not is_tag or hidden or not re.match(r"<[a-zA-Z]", token):
            continue
        for name, value, offset in _read_attributes(token):
            parts = []
            for piece in TEMPLATE_TAG.split(BLOCKTRANSLATE.sub("{% blocktranslate %}", value)):
                if piece:
                    parts.append(("var" if TEMPLATE_TAG.fullmatch(piece) else "text", piece))
            run = Run(start_line + token[:offset].count("\n"), parts, attribute=name)
            if run.visible():
                found.append(run)
    return found
