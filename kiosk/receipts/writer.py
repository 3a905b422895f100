"""Building receipts in one language, or bilingually for Tibetan.

The wording lives in the gettext catalogs with the screens' texts, under
receipt.<template>.<key> in the .po file of the flow the receipt belongs to
(the footer's under receipt.footer.* in kiosk.po), so a reviewer corrects a
receipt where they correct its screens. A Tibetan receipt is bilingual: each
fixed line is printed in Chinese (the printer's fast text mode) followed by
the Tibetan line as a picture; the visitor's own data stays as entered.
"""

from __future__ import annotations

import threading

from devices.printer import document as d
from kiosk.errors import I18nError
from kiosk.i18n import LIST, RAW, Text, Translator, items_of, parts

LANGUAGES = ("zh", "en", "bo")
FOOTER = "receipt.footer"

_lock = threading.Lock()
_loaded: Translator | None = None


def catalogs() -> Translator:
    """The compiled catalogs, compiled if stale and read on the first receipt of a process.

    Loading hashes every .po file (and compiles them when they changed), so it
    happens once per process rather than per receipt; the lock keeps two
    threads printing at once from compiling into the same file together.
    """
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = Translator.load()
        return _loaded


class ReceiptWriter:
    """Appends blocks for one template, language and paper width.

    Methods take the template's own keys ("title" means receipt.<template>.title);
    texts defaults to the process's catalogs (tests hand in others).
    """

    def __init__(self, template: str, lang: str, paper_mm: int = 80,
                 texts: Translator | None = None) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"receipts are written in {', '.join(LANGUAGES)}, not {lang!r}")
        self.prefix = f"receipt.{template}"
        self.texts = texts or catalogs()
        self.lang = lang
        self.primary = "en" if lang == "en" else "zh"
        self.paper_mm = paper_mm
        self.blocks: list[d.Block] = []

    @property
    def narrow(self) -> bool:
        """58 mm paper: labels go above their values instead of beside them."""
        return self.paper_mm < 80

    def _say(self, key: str, lang: str, **fmt: object) -> str:
        """The catalog text of a full key: a missing text stops the receipt rather than
        printing the key or another language's words in its place."""
        if not self.texts.has(key, lang):
            raise I18nError(f"receipts: the {lang} catalog has no {key!r}")
        return self.texts.text(key, lang, **fmt)

    def _key(self, key: str) -> str:
        return f"{self.prefix}.{key}"

    def t(self, key: str, **fmt: object) -> str:
        """The wording of this template's key in the receipt's main language."""
        return self._say(self._key(key), self.primary, **fmt)

    def _tibetan(self, full_key: str, align: str = "left", **fmt: object) -> None:
        if self.lang == "bo":
            self.blocks.append(d.TibetanText(self._say(full_key, "bo", **fmt), align=align))

    def heading(self, key: str) -> None:
        """The receipt's title (double size, centred)."""
        self.blocks.append(d.Heading(self.t(key), size=2))
        self._tibetan(self._key(key), align="center")
        self.rule()

    def field(self, key: str, value: str) -> None:
        """A labelled value: beside its label on 80 mm, under it on 58 mm."""
        label = self.t(key)
        if self.lang == "bo" or (self.narrow and len(label) + len(value) > 16):
            self.blocks.append(d.Text(label.rstrip(" ：:"), bold=True))
            self._tibetan(self._key(key))
            self.blocks.append(d.Text("  " + value))
        else:
            self.blocks.append(d.KeyValue(label, value))

    def section(self, key: str, body: str) -> None:
        """A bold sub-title and a paragraph of data."""
        self.blocks.append(d.Text(self.t(key), bold=True))
        self._tibetan(self._key(key))
        self.blocks.append(d.Text(body))

    def note(self, key: str, bold: bool = False, **fmt: object) -> None:
        """A fixed sentence (a promise, an instruction)."""
        self.blocks.append(d.Text(self.t(key, **fmt), bold=bold))
        self._tibetan(self._key(key), **fmt)

    def phrase(self, text: Text, prefix: str = "") -> None:
        """A flow's Text (a choice's label, a list of them) in the receipt's language.

        A Tibetan receipt adds the Tibetan line of its catalog words; the visitor's
        own data in it (a district, as entered) is printed once, in the Chinese line.
        Every key must be in the catalogs, as for the template's own lines.
        """
        for key, values in parts(text):
            if key != RAW:
                self._say(key, self.primary, **values)
                if self.lang == "bo":
                    self._say(key, "bo", **values)
        self.blocks.append(d.Text(prefix + self.texts.say(text, self.primary)))
        words = _without_data(text)
        if self.lang == "bo" and words is not None:
            self.blocks.append(d.TibetanText(prefix + self.texts.say(words, "bo")))

    def text(self, text: str, bold: bool = False, align: str = "left") -> None:
        """Data printed as given."""
        self.blocks.append(d.Text(text, bold=bold, align=align))

    def qr(self, payload: str, caption_key: str) -> None:
        """A QR code with its caption."""
        self.blocks.append(d.QR(payload, size=6 if self.narrow else 8))
        self.blocks.append(d.Text(self.t(caption_key), align="center"))
        self._tibetan(self._key(caption_key), align="center")

    def rule(self) -> None:
        """A separator."""
        self.blocks.append(d.Rule("-"))

    def footer(self, hall: str, terminal: str, printed_at: str) -> None:
        """Where and when it was printed, and the request to keep it."""
        self.rule()
        self.text(hall, align="center")
        self.blocks += [d.KeyValue(self._say(f"{FOOTER}.terminal", self.primary), terminal),
                        d.KeyValue(self._say(f"{FOOTER}.printed", self.primary), printed_at)]
        self.blocks.append(d.Text(self._say(f"{FOOTER}.keep", self.primary), align="center"))
        self._tibetan(f"{FOOTER}.keep", align="center")
        self.blocks.append(d.Cut())

    def document(self, name: str) -> d.Document:
        """The finished receipt."""
        return d.Document(tuple(self.blocks), lang=self.lang, name=name)


def _without_data(text: Text) -> Text | None:
    """text with its raw parts left out (None when nothing but data is left)."""
    key, values = text
    if key == RAW:
        return None
    if key != LIST:
        return text
    items = [kept for item in items_of(text) if (kept := _without_data(item)) is not None]
    return (key, {**values, "items": tuple(items)}) if items else None
