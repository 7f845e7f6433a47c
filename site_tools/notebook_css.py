"""Trim a stylesheet to the rules that some page can use: JupyterLab's, for the labs.

The notebook styles that mkdocs-jupyter ships style all of JupyterLab (menus, dialogs,
Blueprint widgets, the file browser...), of which a lab page shows a few cells. A rule
is kept when every class, id and attribute its selector needs is a name that appears in
the lab pages or in the site's scripts (which may add classes as the page runs); custom
properties are kept when a kept rule, the pages or the labs' own stylesheet read them,
directly or through another property. Element names and pseudo-classes are not checked,
so a rule is dropped only when it cannot match: the trimmed file looks the same.

Parsing is tinycss2's, the CSS parser that nbconvert already depends on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import tinycss2
from tinycss2.ast import AtRule, Declaration, QualifiedRule

_NAME = re.compile(r"[A-Za-z_][\w-]*")
VARIABLE = re.compile(r"var\(\s*(--[\w-]+)")
_KEEP_WHOLE = {"font-face", "import", "page", "counter-style", "property"}
_GROUPS = {"media", "supports", "layer", "container"}


@dataclass
class Rule:
    """A style rule (``selectors`` set) or a group such as ``@media`` (``children``)."""

    prelude: str  # the selectors, the group's "@media ..." line, or a whole kept at-rule
    declarations: list[Declaration] = field(default_factory=list)
    children: list[Rule] = field(default_factory=list)
    whole: bool = False  # an at-rule kept as written (@font-face, @keyframes)


def used_names(texts: Iterable[str]) -> set[str]:
    """Every name-like word in ``texts``: a superset of the classes, ids and attributes."""
    return {word for text in texts for word in _NAME.findall(text)}


def trimmed(css: str, names: set[str], readers: Iterable[str]) -> str:
    """``css`` with only the rules and custom properties that can take effect."""
    rules = _rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), names)
    needed = _needed_variables(rules, "\n".join(readers))
    rules = _without_unused_variables(rules, needed)
    text = "".join(_serialize(rule) for rule in rules)
    animations = " ".join(_values(rules))
    keyframes = [rule for rule in _keyframes(rules) if rule[0] not in animations]
    for _, written in keyframes:
        text = text.replace(written, "")
    return ('@charset "UTF-8";\n' if not text.isascii() else "") + text + "\n"


def could_match(selector: str, names: set[str]) -> bool:
    """False when ``selector`` needs a class, id or attribute that no page or script names."""
    selector = re.sub(r":not\([^()]*\)", "", selector)  # what it excludes need not exist
    attributes = re.findall(r"\[\s*([\w-]+)", selector)
    selector = re.sub(r"\[[^\]]*\]", "", selector)
    wanted = re.findall(r"[.#]([\w-]+)", selector) + attributes
    return all(name in names for name in wanted)


def _rules(nodes: Iterable[object], names: set[str]) -> list[Rule]:
    rules = []
    for node in nodes:
        if isinstance(node, QualifiedRule):
            selectors = [
                s for s in _split(tinycss2.serialize(node.prelude)) if could_match(s, names)
            ]
            declarations = [
                item
                for item in tinycss2.parse_declaration_list(node.content, True, True)
                if isinstance(item, Declaration)
            ]
            if selectors and declarations:
                rules.append(Rule(",".join(selectors), declarations))
        elif isinstance(node, AtRule) and node.lower_at_keyword in _GROUPS and node.content:
            inner = tinycss2.parse_rule_list(node.content, True, True)
            children = _rules(inner, names)
            if children:
                prelude = f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}"
                rules.append(Rule(prelude, children=children))
        elif isinstance(node, AtRule) and node.lower_at_keyword != "charset":
            keep = node.lower_at_keyword in _KEEP_WHOLE or "keyframes" in node.lower_at_keyword
            if keep:
                rules.append(Rule(tinycss2.serialize([node]).strip(), whole=True))
    return rules


def _split(selectors: str) -> list[str]:
    """A selector list cut at its top-level commas (not those inside ``:is(...)``)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(selectors):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(selectors[start:index].strip())
            start = index + 1
    return [*parts, selectors[start:].strip()]


def _flat(rules: list[Rule]) -> list[Rule]:
    return [each for rule in rules for each in [rule, *_flat(rule.children)]]


def _value(declaration: Declaration) -> str:
    return tinycss2.serialize(declaration.value).strip()


def _values(rules: list[Rule]) -> list[str]:
    return [_value(d) for rule in _flat(rules) for d in rule.declarations]


def _needed_variables(rules: list[Rule], readers: str) -> set[str]:
    """Custom properties read by a kept declaration or by ``readers``, and all they read."""
    definitions: dict[str, list[str]] = {}
    wanted = set(VARIABLE.findall(readers))
    for rule in _flat(rules):
        wanted |= set(VARIABLE.findall(rule.prelude)) if rule.whole else set()
        for declaration in rule.declarations:
            if declaration.name.startswith("--"):
                definitions.setdefault(declaration.name, []).append(_value(declaration))
            else:
                wanted |= set(VARIABLE.findall(_value(declaration)))
    needed, todo = set(), list(wanted)
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo += [ref for value in definitions.get(name, []) for ref in VARIABLE.findall(value)]
    return needed


def _without_unused_variables(rules: list[Rule], needed: set[str]) -> list[Rule]:
    kept = []
    for rule in rules:
        rule.declarations = [
            d for d in rule.declarations if not d.name.startswith("--") or d.name in needed
        ]
        rule.children = _without_unused_variables(rule.children, needed)
        if rule.whole or rule.declarations or rule.children:
            kept.append(rule)
    return kept


def _keyframes(rules: list[Rule]) -> list[tuple[str, str]]:
    """(name, text) of every @keyframes rule."""
    found = []
    for rule in _flat(rules):
        match = re.match(r"@(?:-\w+-)?keyframes\s+([\w-]+)", rule.prelude) if rule.whole else None
        if match:
            found.append((match[1], rule.prelude))
    return found


def _serialize(rule: Rule) -> str:
    if rule.whole:
        return rule.prelude
    if rule.children:
        return rule.prelude + "{" + "".join(_serialize(child) for child in rule.children) + "}"
    declarations = ";".join(
        f"{d.name}:{_value(d)}{' !important' if d.important else ''}" for d in rule.declarations
    )
    return f"{rule.prelude}{{{declarations}}}"
