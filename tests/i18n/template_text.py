"""Visible text in a template that is not inside a translate tag.

A template is cut into Django tags, comments, variables, HTML tags and text. A run of text and
variables between two tags is visible text if, without its variables, HTML entities, digits,
punctuation and the name "Lief & Leed", a letter is left. Text inside {% translate %},
{% blocktranslate %} … {% endblocktranslate %}, {% comment %}, <script> and <style> does not
count, nor file formats in capitals (CSV, PDF). Attribute values (alt, aria-label, placeholder) are not looked at.
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


@dataclass
class Run:
    line: int
    parts: list  # ("text", str) and ("var", "{{ … }}") in order

    @property
    def text(self) -> str:
        return "".join(value for _kind, value in self.parts)

    def visible(self) -> bool:
        words = "".join(value for kind, value in self.parts if kind == "text")
        words = ACRONYM.sub("", ENTITY.sub("", BRAND.sub("", words)))
        return bool(LETTER.search(words))


def runs(source: str, *, split_lines: bool = False) -> list[Run]:
    """The runs of text and variables outside translate tags, comments, scripts and styles."""
    found: list[Run] = []
    current: Run | None = None
    hidden = []  # the blocks we are inside of whose text is not looked at
    line = 1
    for token in TOKEN.split(source):
        if not token:
            continue
        start_line = line
        line += token.count("\n")
        is_tag = token.startswith(("{%", "{#", "<")) and TOKEN.fullmatch(token)
        if is_tag:
            current = None
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
