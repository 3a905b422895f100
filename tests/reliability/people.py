"""Invented test people: names, valid ID numbers, phones, addresses, as card fields.

Every run draws its own people from a seed, so the personal-data scan looks for
values nobody else wrote: a hit in a file can only come from this run.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from devices.idcard.validation import check_char

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "晓梅建国丽华志强秀英海涛春燕文博雅静子轩欣怡浩然婉清俊杰思远雨桐嘉懿"
DISTRICTS = ("110105", "110108", "540102", "130102", "310104", "440304")
STREETS = ("建国路", "中山东路", "北京中路", "人民大道", "解放西路", "长安街")


@dataclass(frozen=True)
class Person:
    """One visitor as their card and their answers know them."""

    name: str
    number: str
    birth: str          # YYYYMMDD, as on the card
    phone: str
    address: str

    @property
    def birth_iso(self) -> str:
        return f"{self.birth[:4]}-{self.birth[4:6]}-{self.birth[6:]}"

    def card(self) -> dict[str, str]:
        """The fields the card-reader simulator lays on its reader."""
        return {"type": " ", "name": self.name, "sex": "1" if int(self.number[16]) % 2 else "2",
                "nation": "01", "birth": self.birth, "address": self.address,
                "number": self.number, "authority": "示范市公安局", "valid_from": "20200101",
                "valid_to": "20400101"}


def person(rng: random.Random) -> Person:
    """A person with a valid 18-character number whose birth date matches the card."""
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
    birth = born.strftime("%Y%m%d")
    first17 = rng.choice(DISTRICTS) + birth + f"{rng.randrange(1000):03d}"
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
    phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    address = f"示范市{rng.choice(STREETS)}{rng.randrange(1, 400)}号{rng.randrange(1, 30)}栋"
    return Person(name, first17 + check_char(first17), birth, phone, address)
