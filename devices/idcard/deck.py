"""Fictional sample cards of every type (valid check digits), one of them expired.

The simulator lays these on its reader; tests, scripts and the demo use them.
The people and numbers are invented.
"""

from __future__ import annotations

from devices.idcard.layouts import LAYOUTS, encode_fields
from devices.idcard.validation import check_char


def with_check(first17: str) -> str:
    """An 18-character number with its MOD 11-2 check character."""
    return first17 + check_char(first17)


DECK: dict[str, dict[str, str]] = {
    "resident": {
        "type": " ", "name": "李晓梅", "sex": "2", "nation": "01", "birth": "19850312",
        "address": "北京市朝阳区建国路88号院3号楼1单元502室",
        "number": with_check("11010519850312362"), "authority": "北京市公安局朝阳分局",
        "valid_from": "20150601", "valid_to": "20350601"},
    "resident_tibetan": {
        "type": " ", "name": "扎西卓玛", "sex": "2", "nation": "04", "birth": "19920708",
        "address": "西藏自治区拉萨市城关区北京中路12号",
        "number": with_check("54010219920708154"), "authority": "拉萨市公安局城关分局",
        "valid_from": "20180101", "valid_to": "20380101"},
    "resident_elder": {
        "type": " ", "name": "王建国", "sex": "1", "nation": "01", "birth": "19540101",
        "address": "北京市海淀区中关村南大街5号", "number": with_check("11010819540101031"),
        "authority": "北京市公安局海淀分局", "valid_from": "20100301", "valid_to": "长期"},
    "resident_expired": {
        "type": " ", "name": "赵小军", "sex": "1", "nation": "01", "birth": "19900520",
        "address": "河北省石家庄市长安区中山东路100号",
        "number": with_check("13010219900520451"), "authority": "石家庄市公安局长安分局",
        "valid_from": "20060520", "valid_to": "20160520"},
    "hmt_residence": {
        "type": "J", "name": "陈家明", "sex": "1", "birth": "19880815",
        "address": "广东省深圳市福田区福华一路1号", "number": with_check("81000019880815003"),
        "authority": "深圳市公安局福田分局", "valid_from": "20210101", "valid_to": "20310101",
        "pass_number": "H12345678", "issue_count": "01"},
    "permit_2017": {
        "type": "I", "name_en": "SMITH, JOHN", "sex": "1", "number": "USA110085031201",
        "nationality": "USA", "name": "史密斯", "valid_from": "20170701",
        "valid_to": "20270701", "birth": "19850312", "version": "17", "authority": "1100"},
    "permit_2023": {
        "type": "Y", "name": "马丁", "sex": "1", "renewals": "00", "birth": "19900101",
        "name_en": "MARTIN, PAUL", "number": with_check("91125019900101001"),
        "valid_from": "20230301", "valid_to": "20330301", "nationality": "FRA"},
}

SAMPLE_PHOTO = bytes((i * 7 + 3) % 256 for i in range(1024))   # opaque stand-in for WLT


def card_text(fields: dict[str, str]) -> bytes:
    """The 256-byte UTF-16LE text a reader returns for these fields."""
    _, layout = LAYOUTS[fields.get("type", " ")]
    return encode_fields(fields, layout)


def sample(name: str) -> dict[str, str]:
    """One card of the deck by name (a copy)."""
    if name not in DECK:
        raise KeyError(f"no sample card {name!r}; known: {', '.join(DECK)}")
    return dict(DECK[name])
