"""The three catalogs translate the same keys; drafts are marked as drafts."""

from __future__ import annotations

from kiosk.i18n import LANGUAGES, po_files, read_catalog


def catalog(lang: str) -> list:
    """Every message of a language, across its files."""
    return [m for po in po_files(lang) for m in read_catalog(po)]


def test_every_flow_has_its_file_in_every_language() -> None:
    names = {lang: [p.name for p in po_files(lang)] for lang in LANGUAGES}
    assert names["en"] == names["zh"] == names["bo"]


def test_every_language_has_every_key() -> None:
    keys = {lang: {m.id for m in catalog(lang) if m.id} for lang in LANGUAGES}
    assert keys["en"] == keys["zh"] and keys["bo"] == keys["zh"]
    assert all(m.string for lang in LANGUAGES for m in catalog(lang) if m.id)


def test_english_and_tibetan_are_marked_drafts() -> None:
    for lang in ("en", "bo"):
        for po in po_files(lang):
            assert "X-Review-Status: draft" in po.read_text(encoding="utf-8"), po
        assert all("draft" in " ".join(m.user_comments) for m in catalog(lang) if m.id)


def test_face_guidance_keys_are_translated() -> None:
    from devices.camera.face import KEYS

    zh = {m.id for m in catalog("zh")}
    assert set(KEYS) <= zh


def test_a_key_in_two_files_is_refused(tmp_path) -> None:
    import shutil

    import pytest

    from kiosk.errors import I18nError
    from kiosk.i18n import compile_catalogs, source_dir

    src = tmp_path / "locale"
    shutil.copytree(source_dir(), src)
    zh = src / "zh" / "LC_MESSAGES"
    (zh / "extra.po").write_text('msgid "home.title"\nmsgstr "又一个"\n', encoding="utf-8")
    with pytest.raises(I18nError, match="home.title"):
        compile_catalogs(src, tmp_path / "out")
