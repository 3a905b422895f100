"""Translations: gettext catalogs in locale/<lang>/LC_MESSAGES/*.po.

Each visitor flow keeps its texts in its own file (kiosk.po for the shell,
jobs.po, keyboard.po, ...), so flows can be added and reviewed separately;
they are merged into one compiled catalog per language, and a key defined in
two files is an error rather than a silent override.

Message ids are stable keys ("home.jobs"), not Chinese sentences, so a
reviewer can fix a translation without touching code. The .po files are the
source; they are compiled with Babel into .mo files in the cache the first
time they are needed (or by `kiosk setup`), and read at run time with the
standard library's gettext, which keeps start-up light. English and Tibetan
texts are drafts until a native speaker reviews them; the catalogs say so.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from pathlib import Path

from kiosk.errors import I18nError
from kiosk.files import atomic_file, write_atomic
from kiosk.fonts import cache_dir

DOMAIN = "kiosk"
LANGUAGES = ("zh", "en", "bo")
# Tibetan prose writes counts and dates with Tibetan digits (༠–༩)
TIBETAN_DIGITS = str.maketrans("0123456789", "".join(chr(0x0F20 + i) for i in range(10)))
LANGUAGE_NAMES = {"zh": "简体中文", "en": "English", "bo": "བོད་ཡིག"}


def _tibetan_number(value: object) -> object:
    """A count or a date's part, read as prose, in Tibetan digits; a number given as text
    (a phone, a desk, a tracking or ID number, a price) keeps the digits printed on
    cards and signs, which is how a visitor will type or say it back."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value).translate(TIBETAN_DIGITS)
    return value


def source_dir() -> Path:
    """locale/ of this source tree."""
    return Path(__file__).resolve().parents[1] / "locale"


def po_files(lang: str, src: Path | None = None) -> list[Path]:
    """The source catalogs of one language, in a fixed order."""
    return sorted(((src or source_dir()) / lang / "LC_MESSAGES").glob("*.po"))


def compile_catalogs(src: Path | None = None, out: Path | None = None) -> Path:
    """Compile every stale language into out (default: the cache); return out."""
    src = src or source_dir()
    out = out or cache_dir() / "locale"
    for lang in LANGUAGES:
        sources = po_files(lang, src)
        mo = out / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        stamp = mo.with_suffix(".sources")
        digest = _digest(sources)
        if mo.exists() and stamp.exists() and stamp.read_text() == digest:
            continue
        _compile_one(sources, mo)
        write_atomic(stamp, digest.encode(), mode=0o644)
    return out


def _digest(sources: list[Path]) -> str:
    """What the compiled catalog was made from: names and contents, not times (two
    checkouts sharing one cache must not use each other's catalogs)."""
    import hashlib

    h = hashlib.sha256()
    for po in sources:
        h.update(po.name.encode() + b"\0" + po.read_bytes() + b"\0")
    return h.hexdigest()


def read_catalog(po: Path):  # noqa: ANN201 - babel Catalog
    """One .po file, or I18nError naming it."""
    from babel.messages.pofile import read_po

    try:
        with po.open("rb") as fh:
            return read_po(fh)
    except (OSError, ValueError) as exc:
        raise I18nError(f"i18n: cannot read {po}: {exc}") from exc


def _compile_one(sources: list[Path], mo: Path) -> None:
    from babel.messages.mofile import write_mo

    catalog = read_catalog(sources[0])
    for po in sources[1:]:
        for message in read_catalog(po):
            if not message.id:
                continue
            if catalog.get(message.id) is not None:
                raise I18nError(f"i18n: {message.id!r} is defined twice ({po.name})")
            catalog[message.id] = message
    with atomic_file(mo, mode=0o644) as fh:
        write_mo(fh, catalog)


class Translator:
    """Looks up message keys in the visitor's language, falling back to Chinese."""

    def __init__(self, compiled: Path) -> None:
        self._catalogs = {
            lang: gettext.translation(DOMAIN, str(compiled), languages=[lang], fallback=True)
            for lang in LANGUAGES
        }

    @classmethod
    def load(cls) -> Translator:
        """Compile if needed and load all catalogs."""
        return cls(compile_catalogs())

    def text(self, key: str, lang: str, **values: object) -> str:
        """The text for key in lang; Chinese when lang lacks it; the key if none has it."""
        found = self._catalogs[lang].gettext(key)
        if found == key and lang != "zh":
            found = self._catalogs["zh"].gettext(key)
        if values and lang == "bo":
            values = {k: _tibetan_number(v) for k, v in values.items()}
        return found.format(**values) if values else found

    def has(self, key: str, lang: str) -> bool:
        """True when lang's own catalog translates key."""
        return self._catalogs[lang].gettext(key) != key

    def say(self, text: Text, lang: str) -> str:
        """A Text from a flow in lang: a key with its values, or raw text as it came.

        Flows speak in (key, values) pairs so they need no translator; a value
        under "date_key" is itself a key, put into the sentence as "date"; a list
        (listing()) is each of its Texts said in turn, joined the language's way.
        """
        key, values = text
        if key == RAW:
            return str(values.get("text", ""))
        if key == LIST:
            sep = SEPARATORS[str(values.get("style", "words"))][lang]
            said = [self.say(item, lang) for item in _items(values)]
            mark = sep.strip()          # a Tibetan label's own shad is not doubled
            return sep.join([s.removesuffix(mark) for s in said[:-1]] + said[-1:])
        if "date_key" in values:
            inner = {k: v for k, v in values.items() if k != "date_key"}
            return self.text(key, lang, date=self.text(str(values["date_key"]), lang, **inner))
        return self.text(key, lang, **values)


RAW = "raw"
Text = tuple[str, dict[str, object]]   # a catalog key and its values, or (RAW, {"text": ...})


def raw(text: object) -> Text:
    """A Text shown as it is (a posting's own words, a place name)."""
    return RAW, {"text": "" if text is None else str(text)}


LIST = "list"
# how each language runs a list together: words (交通运输、仓储物流) or clauses (…；…)
SEPARATORS = {"words": {"zh": "、", "en": ", ", "bo": "། "},
              "clauses": {"zh": "；", "en": "; ", "bo": "། "}}


def listing(items: Iterable[Text], style: str = "words") -> Text:
    """Several Texts said as one, with the language's own separator (a visitor's
    chosen groups, the parts of their intentions); the flow never joins words itself."""
    if style not in SEPARATORS:
        raise ValueError(f"i18n: no list style {style!r}")
    return LIST, {"items": tuple(items), "style": style}


def parts(text: Text) -> list[Text]:
    """The Texts a Text is made of: the items of a list (recursively), else itself."""
    key, values = text
    if key != LIST:
        return [text]
    return [part for item in _items(values) for part in parts(item)]


def items_of(text: Text) -> tuple[Text, ...]:
    """The Texts a list holds (none for any other Text)."""
    return _items(text[1]) if text[0] == LIST else ()


def _items(values: dict[str, object]) -> tuple[Text, ...]:
    items = values.get("items", ())
    return items if isinstance(items, tuple) else ()
