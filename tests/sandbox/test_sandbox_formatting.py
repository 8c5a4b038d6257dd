"""parse_mode parsing and the entities Telegram finds by itself."""

from __future__ import annotations

import pytest

from sandbox.errors import BotApiError
from sandbox.formatting import detect_entities, parse_html, parse_markdown


def test_html_nesting_links_and_pre_language() -> None:
    text, entities = parse_html(
        '<b>a <i>b</i></b> <a href="https://x.org">x</a> '
        '<pre><code class="language-py">1</code></pre> &lt;3'
    )
    assert text == "a b x 1 <3"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 3},
        {"type": "italic", "offset": 2, "length": 1},
        {"type": "text_link", "url": "https://x.org", "offset": 4, "length": 1},
        {"type": "pre", "language": "py", "offset": 6, "length": 1},
    ]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", "Unmatched end tag"),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
    ],
)
def test_html_errors(source: str, reason: str) -> None:
    with pytest.raises(BotApiError) as error:
        parse_html(source)
    assert error.value.description.startswith("Bad Request: can't parse entities: ")
    assert reason in error.value.description


def test_markdown_v2() -> None:
    text, entities = parse_markdown("||hidden|| ~gone~ `a_b` ```\ncode\n``` \\_", legacy=False)
    assert text == "hidden gone a_b \ncode\n _"
    assert [e["type"] for e in entities] == ["spoiler", "strikethrough", "code", "pre"]
    with pytest.raises(BotApiError, match="Can't find end of Bold entity"):
        parse_markdown("*open", legacy=False)


def test_legacy_markdown_leaves_other_characters_alone() -> None:
    text, entities = parse_markdown("*Batken*: 1.5 km - open!", legacy=True)
    assert text == "Batken: 1.5 km - open!"
    assert entities == [{"type": "bold", "offset": 0, "length": 6}]


def test_detected_entities_count_utf16_and_skip_code() -> None:
    text = "🏠 /start @koldo_bot #batken https://t.me/x a@b.kg +996 555 123 456"
    found = {e["type"]: (e["offset"], e["length"]) for e in detect_entities(text, [])}
    assert found["bot_command"] == (3, 6)  # the house emoji is two UTF-16 code units
    assert set(found) == {"bot_command", "mention", "hashtag", "url", "email", "phone_number"}
    code = [{"type": "code", "offset": 0, "length": 9}]
    assert detect_entities("/start ok", code) == code
