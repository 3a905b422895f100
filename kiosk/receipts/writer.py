"""Building receipts in one language, or bilingually for Tibetan.

Every template keeps its wording in one table per language (TEXTS[lang][key]),
ready to move into the gettext catalogs. A Tibetan receipt is bilingual: each
fixed line is printed in Chinese (the printer's fast text mode) followed by
the Tibetan line as a picture; the visitor's own data stays as entered.
"""

from __future__ import annotations

from devices.printer import document as d

Texts = dict[str, dict[str, str]]

COMMON: Texts = {
    "zh": {"terminal": "终端编号：", "printed": "打印时间：", "keep": "请妥善保管本凭条"},
    "en": {"terminal": "Kiosk: ", "printed": "Printed: ", "keep": "Please keep this slip"},
    "bo": {"terminal": "འཕྲུལ་ཆས་ཨང་།", "printed": "པར་སློག་དུས་ཚོད།",
           "keep": "འཛིན་ཤོག་འདི་ལེགས་པར་ཉར་རོགས།"},
}
LANGUAGES = ("zh", "en", "bo")


class ReceiptWriter:
    """Appends blocks for one template, language and paper width."""

    def __init__(self, texts: Texts, lang: str, paper_mm: int = 80) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"receipts are written in {', '.join(LANGUAGES)}, not {lang!r}")
        self.texts = {k: {**COMMON[k], **texts[k]} for k in LANGUAGES}
        self.lang = lang
        self.primary = "en" if lang == "en" else "zh"
        self.paper_mm = paper_mm
        self.blocks: list[d.Block] = []

    @property
    def narrow(self) -> bool:
        """58 mm paper: labels go above their values instead of beside them."""
        return self.paper_mm < 80

    def t(self, key: str, **fmt: object) -> str:
        """The wording of key in the receipt's main language."""
        return self.texts[self.primary][key].format(**fmt)

    def _tibetan(self, key: str, align: str = "left", **fmt: object) -> None:
        if self.lang == "bo":
            self.blocks.append(d.TibetanText(self.texts["bo"][key].format(**fmt), align=align))

    def heading(self, key: str) -> None:
        """The receipt's title (double size, centred)."""
        self.blocks.append(d.Heading(self.t(key), size=2))
        self._tibetan(key, align="center")
        self.rule()

    def field(self, key: str, value: str) -> None:
        """A labelled value: beside its label on 80 mm, under it on 58 mm."""
        label = self.t(key)
        if self.lang == "bo" or (self.narrow and len(label) + len(value) > 16):
            self.blocks.append(d.Text(label.rstrip(" ：:"), bold=True))
            self._tibetan(key)
            self.blocks.append(d.Text("  " + value))
        else:
            self.blocks.append(d.KeyValue(label, value))

    def section(self, key: str, body: str) -> None:
        """A bold sub-title and a paragraph of data."""
        self.blocks.append(d.Text(self.t(key), bold=True))
        self._tibetan(key)
        self.blocks.append(d.Text(body))

    def note(self, key: str, bold: bool = False, **fmt: object) -> None:
        """A fixed sentence (a promise, an instruction)."""
        self.blocks.append(d.Text(self.t(key, **fmt), bold=bold))
        self._tibetan(key, **fmt)

    def text(self, text: str, bold: bool = False, align: str = "left") -> None:
        """Data printed as given."""
        self.blocks.append(d.Text(text, bold=bold, align=align))

    def qr(self, payload: str, caption_key: str) -> None:
        """A QR code with its caption."""
        self.blocks.append(d.QR(payload, size=6 if self.narrow else 8))
        self.blocks.append(d.Text(self.t(caption_key), align="center"))
        self._tibetan(caption_key, align="center")

    def rule(self) -> None:
        """A separator."""
        self.blocks.append(d.Rule("-"))

    def footer(self, hall: str, terminal: str, printed_at: str) -> None:
        """Where and when it was printed, and the request to keep it."""
        self.rule()
        self.text(hall, align="center")
        self.blocks += [d.KeyValue(self.t("terminal"), terminal),
                        d.KeyValue(self.t("printed"), printed_at)]
        self.blocks.append(d.Text(self.t("keep"), align="center"))
        self._tibetan("keep", align="center")
        self.blocks.append(d.Cut())

    def document(self, name: str) -> d.Document:
        """The finished receipt."""
        return d.Document(tuple(self.blocks), lang=self.lang, name=name)
