"""Read an answers file strictly: bytes in, a JSON value out, or an :class:`AnswerError`.

One reader for the command line (a file or stdin, both read as bytes) and for
any other importer. Pure and standard-library only. What it refuses, each with
a message naming the field and the reason:

- text that is not UTF-8 (a UTF-8 byte-order mark is allowed and dropped;
  UTF-16 and UTF-32 are recognised by their byte-order mark and named);
- more than ``limits.MAX_ANSWERS_FILE_BYTES`` bytes;
- nesting deeper than ``limits.MAX_ANSWERS_DEPTH`` (the standard parser
  would otherwise recurse until Python's limit);
- a number longer than ``limits.MAX_NUMBER_DIGITS`` characters, NaN and
  Infinity (not JSON);
- the same key twice in one object (which value was meant is unknown).

The shape of the answers (a JSON object keyed by question id) is checked by
:func:`assessments.validate_answers`, not here.
"""

from __future__ import annotations

import codecs
import json
from typing import Any

from ._errors import AnswerError
from .limits import MAX_ANSWERS_DEPTH, MAX_ANSWERS_FILE_BYTES, MAX_NUMBER_DIGITS

__all__ = ["decode_answers_text", "parse_answers", "read_answers_bytes"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_UTF8 = "save the file as UTF-8"


def read_answers_bytes(data: bytes, source: str = "answers") -> Any:
    """Decode and parse the bytes of an answers file (see the module docstring)."""
    return parse_answers(decode_answers_text(data, source), source)


def decode_answers_text(data: bytes, source: str = "answers") -> str:
    """UTF-8 text of ``data`` without a byte-order mark, or an :class:`AnswerError`."""
    if len(data) > MAX_ANSWERS_FILE_BYTES:
        raise AnswerError(source, "", f"{len(data):,} bytes, more than {MAX_ANSWERS_FILE_BYTES:,}",
                          "an answers file is a few kilobytes; check that this is the right file")
    for bom, name in _BOMS:
        # UTF-32-LE's mark starts with UTF-16-LE's: the longer marks are tested first.
        if data.startswith(bom):
            raise AnswerError(source, "", f"{name} text, not UTF-8", _SAVE_UTF8)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if len(data) >= 2 and (data[0] == 0) != (data[1] == 0):
        raise AnswerError(source, "", "UTF-16 text without a byte-order mark, not UTF-8", _SAVE_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise AnswerError(source, "", f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                          f"(line {line}) is invalid", _SAVE_UTF8 + " (Latin-1 and Windows code pages are not read)"
                          ) from None


def parse_answers(text: str, source: str = "answers") -> Any:
    """Parse JSON text strictly (see the module docstring)."""
    if len(text) > MAX_ANSWERS_FILE_BYTES:
        raise AnswerError(source, "", f"{len(text):,} characters, more than {MAX_ANSWERS_FILE_BYTES:,}",
                          "an answers file is a few kilobytes; check that this is the right file")
    if not text.strip():
        raise AnswerError(source, "", "empty", "give a JSON object keyed by question id, e.g. {}")
    _check_depth(text, source)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates(source), parse_int=_number(source, int),
                          parse_float=_number(source, float), parse_constant=_constant(source))
    except json.JSONDecodeError as exc:
        raise AnswerError(source, "", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                          "fix the JSON syntax") from None


def _check_depth(text: str, source: str) -> None:
    """Refuse nesting deeper than the limit before the recursive parser sees it (strings skipped)."""
    depth = 0
    in_string = escaped = False
    for position, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_ANSWERS_DEPTH:
                raise AnswerError(source, "", f"nested more than {MAX_ANSWERS_DEPTH} levels deep "
                                  f"(at character {position + 1})",
                                  "answers are an object of values and lists; remove the extra nesting")
        elif ch in "]}":
            depth -= 1


def _no_duplicates(source: str) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise AnswerError(source, _shown(key), "the key appears twice in one object",
                                  "keep one value for each key")
            out[key] = value
        return out

    return hook


def _number(source: str, number_type: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_DIGITS:
            raise AnswerError(source, "", f"a number of {len(text):,} characters (more than {MAX_NUMBER_DIGITS})",
                              "answers never need such numbers; check the file")
        value = number_type(text)
        if number_type is float and value in (float("inf"), float("-inf")):
            raise AnswerError(source, "", f"the number {text[:40]} is out of range", "check the file")
        return value

    return parse


def _constant(source: str) -> Any:
    def parse(name: str) -> Any:
        raise AnswerError(source, "", f"{name} is not a JSON value", "remove it or write null")

    return parse


def _shown(key: str) -> str:
    """A key for an error message: at most 80 characters, lone surrogates made visible."""
    return key[:80].encode("utf-8", "backslashreplace").decode("utf-8")
