"""`textsafe.clean`: nothing from input reaches a terminal as a control sequence."""

from __future__ import annotations

from tnl_cli.textsafe import clean, escaped, is_clean


def test_clean_removes_escape_sequences_keeps_text() -> None:
    assert clean("\x1b]0;PWNED\x1b\\Nancy") == "]0;PWNED\\Nancy"
    assert clean("\x1b]52;c;ZWNobyBoaQ==\x07ok") == "]52;c;ZWNobyBoaQ==ok"
    assert clean("a\x9b31mb") == "a31mb"  # C1 CSI: the control goes, the rest is text
    assert clean("ligne 1\nligne\t2\r") == "ligne 1\nligne\t2"
    assert clean("Commune d’Étréchy œ ‑ 12 500") == "Commune d’Étréchy œ ‑ 12 500"


def test_clean_removes_bidi_overrides_and_isolates() -> None:
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert clean(f"a{ch}b") == "ab"
    assert clean("\u00a0x") == "\u00a0x"  # a no-break space is text


def test_escaped_shows_what_was_there() -> None:
    assert escaped("\x1b[31moui") == "\\x1b[31moui"
    assert escaped("\u202eabc") == "\\u202eabc"
    assert escaped("a\nb", one_line=True) == "a\\nb"
    assert escaped("a\nb") == "a\nb"


def test_is_clean() -> None:
    assert is_clean("Nancy\n") and not is_clean("\x1bx") and not is_clean("\u2066")
    assert is_clean(clean("".join(map(chr, range(0x3000)))))
