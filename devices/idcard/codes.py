"""Code tables printed on cards: sex (GB/T 2261.1), nation (GB/T 3304), nationality (GB/T 2659)."""

from __future__ import annotations

SEX = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

_NATIONS = ("汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 "
            "傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 "
            "毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
            "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺")
NATION = {f"{i:02d}": name for i, name in enumerate(_NATIONS.split(), start=1)}
NATION.update({"97": "其他", "98": "外国血统中国籍人士"})

# The countries whose residents most often hold permits; others show their code.
NATIONALITY = {
    "USA": "美国", "GBR": "英国", "FRA": "法国", "DEU": "德国", "JPN": "日本", "KOR": "韩国",
    "RUS": "俄罗斯", "CAN": "加拿大", "AUS": "澳大利亚", "SGP": "新加坡", "MYS": "马来西亚",
    "PAK": "巴基斯坦", "NPL": "尼泊尔", "IND": "印度", "ITA": "意大利", "ESP": "西班牙",
    "BRA": "巴西", "THA": "泰国", "VNM": "越南", "MNG": "蒙古",
}
