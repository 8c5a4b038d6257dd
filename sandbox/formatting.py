"""Telegram text formatting: parse_mode markup to plain text plus entities.

Telegram answers with the plain text and a list of entities whose offsets and lengths are
counted in UTF-16 code units; markup errors are answered with "can't parse entities". Links,
mentions, hashtags, commands, e-mails and phone numbers are detected in any text, as Telegram
does, so the chat page can make them tappable.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from sandbox.errors import BotApiError, bad_request

Entity = dict[str, Any]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[Entity]]:
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown(text, legacy=False)
    if mode == "markdown":
        return parse_markdown(text, legacy=True)
    if mode:
        raise bad_request(f"unsupported parse_mode {parse_mode}")
    return text, []


def _cant_parse(reason: str) -> BotApiError:
    return bad_request(f"can't parse entities: {reason}")


class _EntityBuilder:
    """Collects plain text and the entities opened and closed along it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0  # in UTF-16 code units
        self.entities: list[Entity] = []

    def add_text(self, text: str) -> None:
        self.parts.append(text)
        self.length += utf16_len(text)

    def close(self, entity: Entity, start: int) -> None:
        if self.length > start:
            self.entities.append({**entity, "offset": start, "length": self.length - start})

    def result(self) -> tuple[str, list[Entity]]:
        ordered = sorted(self.entities, key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), ordered


# ---- HTML -------------------------------------------------------------------------------------

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}


class _TelegramHTMLParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.builder = _EntityBuilder()
        self.stack: list[tuple[str, Entity, int]] = []

    def handle_data(self, data: str) -> None:
        self.builder.add_text(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        entity = self._entity_for(tag, dict(attrs))
        self.stack.append((tag, entity, self.builder.length))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            expected = f'"</{self.stack[-1][0]}>"' if self.stack else "no end tag"
            raise _cant_parse(
                f"Unmatched end tag at byte offset {self._byte_offset()}, expected {expected}, "
                f'found "</{tag}>"'
            )
        _, entity, start = self.stack.pop()
        if entity["type"] == "code" and self.stack and self.stack[-1][1]["type"] == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            if "language" in entity:
                self.stack[-1][1]["language"] = entity["language"]
            return
        self.builder.close(entity, start)

    def _entity_for(self, tag: str, attrs: dict[str, str | None]) -> Entity:
        if tag in _SIMPLE_TAGS:
            entity: Entity = {"type": _SIMPLE_TAGS[tag]}
            language = attrs.get("class") or ""
            if tag == "code" and language.startswith("language-"):
                entity["language"] = language.removeprefix("language-")
            return entity
        if tag == "span" and attrs.get("class") == "tg-spoiler":
            return {"type": "spoiler"}
        if tag == "a" and attrs.get("href"):
            return {"type": "text_link", "url": attrs["href"]}
        if tag == "blockquote":
            expandable = "expandable" in attrs
            return {"type": "expandable_blockquote" if expandable else "blockquote"}
        if tag == "tg-emoji" and attrs.get("emoji-id"):
            return {"type": "custom_emoji", "custom_emoji_id": attrs["emoji-id"]}
        raise _cant_parse(f'Unsupported start tag "{tag}" at byte offset {self._byte_offset()}')

    def _byte_offset(self) -> int:
        line, column = self.getpos()
        lines = self.source.split("\n")
        index = sum(len(text) + 1 for text in lines[: line - 1]) + column
        return len(self.source[:index].encode())


def parse_html(source: str) -> tuple[str, list[Entity]]:
    parser = _TelegramHTMLParser(source)
    parser.feed(source)
    parser.close()
    if parser.stack:
        tag = parser.stack[-1][0]
        raise _cant_parse(f'Can\'t find end tag corresponding to start tag "{tag}"')
    return parser.builder.result()


# ---- Markdown and MarkdownV2 ------------------------------------------------------------------

_RESERVED = set("_*[]()~`>#+-=|{}.!")
_V2_MARKERS = {"__": "underline", "||": "spoiler", "*": "bold", "_": "italic", "~": "strikethrough"}
_LEGACY_MARKERS = {"*": "bold", "_": "italic"}
_ENTITY_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
    "code": "Code",
    "pre": "Pre",
}


class _MarkdownParser:
    def __init__(self, source: str, legacy: bool) -> None:
        self.source = source
        self.legacy = legacy
        self.markers = _LEGACY_MARKERS if legacy else _V2_MARKERS
        self.builder = _EntityBuilder()
        self.stack: list[tuple[str, int, int]] = []  # type, start, byte offset of the marker
        self.pos = 0

    def parse(self) -> tuple[str, list[Entity]]:
        while self.pos < len(self.source):
            self._step()
        if self.stack:
            kind, _, byte_offset = self.stack[-1]
            name = _ENTITY_NAMES.get(kind, kind)
            raise _cant_parse(f"Can't find end of {name} entity at byte offset {byte_offset}")
        return self.builder.result()

    def _byte_offset(self) -> int:
        return len(self.source[: self.pos].encode())

    def _step(self) -> None:
        source, char = self.source, self.source[self.pos]
        if char == "\\" and self.pos + 1 < len(source):
            self.builder.add_text(source[self.pos + 1])
            self.pos += 2
        elif source.startswith("```", self.pos):
            self._code_block()
        elif char == "`":
            self._inline_code()
        elif char == "[":
            self.stack.append(("text_link", self.builder.length, self._byte_offset()))
            self.pos += 1
        elif char == "]" and self.stack and self.stack[-1][0] == "text_link":
            self._link_end()
        elif marker := self._marker_here():
            self._toggle(self.markers[marker])
            self.pos += len(marker)
        elif not self.legacy and char in _RESERVED:
            raise _cant_parse(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            self.builder.add_text(char)
            self.pos += 1

    def _marker_here(self) -> str | None:
        return next((m for m in self.markers if self.source.startswith(m, self.pos)), None)

    def _toggle(self, kind: str) -> None:
        if self.stack and self.stack[-1][0] == kind:
            _, start, _ = self.stack.pop()
            self.builder.close({"type": kind}, start)
        else:
            self.stack.append((kind, self.builder.length, self._byte_offset()))

    def _read_until(self, terminator: str, kind: str) -> str:
        start_byte = self._byte_offset()
        chunks: list[str] = []
        while not self.source.startswith(terminator, self.pos):
            if self.pos >= len(self.source):
                name = _ENTITY_NAMES[kind]
                raise _cant_parse(f"Can't find end of {name} entity at byte offset {start_byte}")
            if self.source[self.pos] == "\\" and self.pos + 1 < len(self.source):
                self.pos += 1
            chunks.append(self.source[self.pos])
            self.pos += 1
        self.pos += len(terminator)
        return "".join(chunks)

    def _inline_code(self) -> None:
        self.pos += 1
        start = self.builder.length
        self.builder.add_text(self._read_until("`", "code"))
        self.builder.close({"type": "code"}, start)

    def _code_block(self) -> None:
        self.pos += 3
        body = self._read_until("```", "pre")
        language, newline, rest = body.partition("\n")
        entity: Entity = {"type": "pre"}
        if newline and language and " " not in language:
            entity["language"] = language
            body = rest
        start = self.builder.length
        self.builder.add_text(body)
        self.builder.close(entity, start)

    def _link_end(self) -> None:
        _, start, _ = self.stack.pop()
        self.pos += 1
        if not self.source.startswith("(", self.pos):
            raise _cant_parse(
                "Character ']' is reserved and must be escaped with the preceding '\\'"
            )
        self.pos += 1
        url = self._read_until(")", "text_link")
        self.builder.close({"type": "text_link", "url": url}, start)


def parse_markdown(source: str, legacy: bool) -> tuple[str, list[Entity]]:
    return _MarkdownParser(source, legacy).parse()


# ---- Entities Telegram finds by itself --------------------------------------------------------

_AUTO_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("url", re.compile(r"(?<!\w)(?:https?://|www\.|t\.me/)[^\s<>\"]+[^\s<>\".,!?;:)]")),
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    ("bot_command", re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}\b")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")),
    ("phone_number", re.compile(r"(?<![\w+])\+\d[\d ()-]{5,18}\d")),
]
_OPAQUE_TYPES = {"code", "pre", "text_link", "text_mention", "custom_emoji"}


def detect_entities(text: str, explicit: list[Entity]) -> list[Entity]:
    """Adds the entities Telegram detects in plain text to the explicit ones."""
    taken = [
        (e["offset"], e["offset"] + e["length"]) for e in explicit if e["type"] in _OPAQUE_TYPES
    ]
    found: list[Entity] = []
    for kind, pattern in _AUTO_PATTERNS:
        for match in pattern.finditer(text):
            start = utf16_len(text[: match.start()])
            end = start + utf16_len(match.group())
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            found.append({"type": kind, "offset": start, "length": end - start})
    return sorted(explicit + found, key=lambda e: (e["offset"], -e["length"]))
