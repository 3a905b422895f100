"""Receipt wording comes from the gettext catalogs: compiled on first use, never a bare key.

The printer golden (tests/printer/golden_sha256.json) pins the bytes of the Chinese
and English receipts; Tibetan lines are pictures whose pixels depend on the font
rasteriser, so the Tibetan receipts are pinned here as documents (every block and
word, whatever the machine). Regenerate bo_documents_sha256.json only after looking
at the new receipts (`kiosk devices print-test --lang bo --png F.png`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.errors import I18nError
from kiosk.i18n import Translator, compile_catalogs, source_dir
from kiosk.receipts import sample_receipt, templates
from kiosk.receipts.writer import ReceiptWriter

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
BO_DOCUMENTS = json.loads((HERE / "bo_documents_sha256.json").read_text())


@pytest.mark.parametrize("key", sorted(BO_DOCUMENTS))
def test_tibetan_receipts_are_exactly_as_approved(key: str) -> None:
    template, lang, width = key.split("-")
    doc = sample_receipt(template, lang, int(width))
    assert hashlib.sha256(repr(doc).encode()).hexdigest() == BO_DOCUMENTS[key]


@pytest.mark.parametrize("template", sorted(templates()))
def test_every_receipt_finds_all_its_texts_in_every_language(template: str) -> None:
    for lang in ("zh", "en", "bo"):
        for width in (58, 80):
            assert sample_receipt(template, lang, width).blocks      # a missing text raises


def _edited_catalogs(tmp_path: Path, lang: str, key: str, new: str | None) -> Translator:
    """A copy of the source catalogs with one entry of lang changed (None: removed)."""
    src = tmp_path / "locale"
    shutil.copytree(source_dir(), src)
    for po in (src / lang / "LC_MESSAGES").glob("*.po"):
        text = po.read_text(encoding="utf-8")
        head, sep, rest = text.partition(f'msgid "{key}"\n')
        if sep:
            _, _, tail = rest.partition("\n")
            entry = "" if new is None else f'msgid "{key}"\nmsgstr "{new}"\n'
            po.write_text(head + entry + tail, encoding="utf-8")
            return Translator(compile_catalogs(src, tmp_path / "out"))
    raise AssertionError(f"{key} is in no {lang} catalog")


def test_a_corrected_catalog_entry_is_what_the_receipt_prints(tmp_path) -> None:
    texts = _edited_catalogs(tmp_path, "en", "receipt.complaint.title", "Your complaint")
    w = ReceiptWriter("complaint", "en", texts=texts)
    w.heading("title")
    assert w.document("complaint").text_lines()[0] == "Your complaint"


def test_a_text_missing_from_a_catalog_stops_the_receipt_instead_of_printing_the_key(
        tmp_path) -> None:
    texts = _edited_catalogs(tmp_path, "bo", "receipt.complaint.follow", None)
    assert texts.has("receipt.complaint.follow", "zh")       # Chinese would be the fallback
    w = ReceiptWriter("complaint", "bo", texts=texts)
    with pytest.raises(I18nError, match=r"bo catalog has no 'receipt\.complaint\.follow'"):
        w.note("follow")


def test_the_answer_promise_takes_its_days_from_the_template_in_every_language() -> None:
    w = ReceiptWriter("complaint", "bo")
    w.note("promise", days=7)
    assert w.document("complaint").text_lines() == ["我们将在7个工作日内答复您。",
                                                    "ང་ཚོས་ལས་ཉིན་ ༧ ནང་ལན་འདེབས་ངེས།"]


def test_receipts_print_in_a_process_that_never_compiled_the_catalogs(tmp_path) -> None:
    """A fresh cache (no `kiosk setup`): the first receipt compiles the catalogs itself."""
    golden = json.loads((ROOT / "tests" / "printer" / "golden_sha256.json").read_text())
    script = ("import hashlib\n"
              "from devices.printer.escpos_render import Renderer\n"
              "from devices.printer.profile import load_profile\n"
              "from kiosk.receipts import sample_receipt\n"
              "doc = sample_receipt('job', 'zh', 80)\n"
              "print(hashlib.sha256(Renderer(load_profile('generic-80-cn')).render(doc))"
              ".hexdigest())\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == golden["job-zh-80"]
    assert list((tmp_path / "cache").glob("employment-kiosk/locale/*/LC_MESSAGES/kiosk.mo"))
