"""The three catalogs translate the same keys; drafts are marked as drafts."""

from __future__ import annotations

from babel.messages.pofile import read_po

from kiosk.i18n import LANGUAGES, source_dir


def catalog(lang: str):
    with (source_dir() / lang / "LC_MESSAGES" / "kiosk.po").open("rb") as fh:
        return read_po(fh)


def test_every_language_has_every_key() -> None:
    keys = {lang: {m.id for m in catalog(lang) if m.id} for lang in LANGUAGES}
    assert keys["en"] == keys["zh"] and keys["bo"] == keys["zh"]
    assert all(m.string for lang in LANGUAGES for m in catalog(lang) if m.id)


def test_english_and_tibetan_are_marked_drafts() -> None:
    for lang in ("en", "bo"):
        text = (source_dir() / lang / "LC_MESSAGES" / "kiosk.po").read_text(encoding="utf-8")
        assert "X-Review-Status: draft" in text
        assert all("draft" in " ".join(m.user_comments) for m in catalog(lang) if m.id)


def test_face_guidance_keys_are_translated() -> None:
    from devices.camera.face import KEYS

    zh = {m.id for m in catalog("zh")}
    assert set(KEYS) <= zh
