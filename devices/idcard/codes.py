"""Code tables printed as text: sex (GB/T 2261.1), nation (GB/T 3304), nationality (GB/T 2659).

The card stores codes; people read names. Unknown codes are shown as the code
itself rather than guessed.
"""

from __future__ import annotations

SEX = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

_NATION_TEXT = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
    "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
NATION = {f"{i:02d}": f"{name}族" for i, name in enumerate(_NATION_TEXT.split(), start=1)}
NATION.update({"97": "其他", "98": "外国血统中国籍人士"})

NATIONALITY = {
    "USA": "美国", "GBR": "英国", "DEU": "德国", "FRA": "法国", "ITA": "意大利",
    "ESP": "西班牙", "RUS": "俄罗斯", "JPN": "日本", "KOR": "韩国", "PRK": "朝鲜",
    "VNM": "越南", "THA": "泰国", "MMR": "缅甸", "LAO": "老挝", "KHM": "柬埔寨",
    "MYS": "马来西亚", "SGP": "新加坡", "IDN": "印度尼西亚", "PHL": "菲律宾",
    "IND": "印度", "PAK": "巴基斯坦", "MNG": "蒙古", "KAZ": "哈萨克斯坦", "CAN": "加拿大",
    "AUS": "澳大利亚", "NZL": "新西兰", "BRA": "巴西", "ZAF": "南非", "EGY": "埃及",
    "NGA": "尼日利亚", "UKR": "乌克兰", "NLD": "荷兰", "SWE": "瑞典", "CHE": "瑞士",
}

HMT_REGIONS = {"810000": "香港", "820000": "澳门", "830000": "台湾"}


def text(table: dict[str, str], code: str) -> str:
    """The name for a code, or the code itself when unknown."""
    return table.get(code, code)
