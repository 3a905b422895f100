"""Demo employment policy documents: a plain summary first, then the full text.

Titles follow the style of real notices; every sentence is ours. Each policy
has the handbook's four plain answers (who it is for, what you get, what to
bring, where to apply), the handbook topic it belongs to, and the audiences it is
meant for (graduates, hard_to_employ, rural_migrant, unemployed): the terminal maps
the key groups a visitor registered under onto them for the "for you" list. They
are the handbook's own words, not the registration's codes, which stay sealed
with the visitor's record. Two show how policies end:
one runs out a few weeks after the demo day, another is replaced by a revised
version that takes over the day after.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

# the handbook's audiences (the terminal maps a visitor's registered key groups onto them)
GRADUATES = ["graduates"]
HARD = ["hard_to_employ"]
UNEMPLOYED = ["unemployed"]
RURAL = ["rural_migrant"]
CENTRE = "各区（市）县公共就业服务中心综合窗口，或本终端“政策咨询”留言"
ID = "本人居民身份证"

# (category, topic, audiences, title, summary, audience, benefit, materials, apply_at)
POLICIES: list[tuple[str, str, list[str], str, str, str, str, str, str]] = [
    ("就业补贴", "employment", GRADUATES, "关于做好高校毕业生等青年就业创业工作的通知",
     "企业招用离校2年内未就业的高校毕业生并为其缴纳社会保险，可以领取一次性吸纳就业补贴。",
     "招用离校2年内未就业高校毕业生的企业；毕业生本人可了解用人单位能享受的扶持。",
     "按招用人数给予企业一次性补贴，每人1000元。",
     "营业执照、劳动合同、社会保险缴费记录。", CENTRE),
    ("就业补贴", "employment", [*GRADUATES, *UNEMPLOYED], "一次性扩岗补助申领指南",
     "企业新招用毕业年度或离校2年内的高校毕业生、登记失业的青年，可申领一次性扩岗补助。",
     "新招用16至24岁登记失业青年或高校毕业生，并签订劳动合同、缴纳社保的企业。",
     "每招用一人补助1500元，一次性发放到企业账户。",
     "营业执照、新招人员名单、劳动合同、社保缴费证明。",
     "企业所在地公共就业服务中心，或网上办事大厅"),
    ("就业补贴", "employment", HARD, "社会保险补贴申领办法",
     "就业困难人员灵活就业后缴纳社会保险，可以申请社会保险补贴，最长3年。",
     "已认定的就业困难人员，灵活就业并按时缴纳社会保险费的。",
     "按实际缴纳的养老、医疗、失业保险费给予一定比例补贴，最长不超过3年。",
     f"{ID}、就业困难人员认定证明、灵活就业情况说明、社保缴费凭证。", CENTRE),
    ("就业补贴", "employment", HARD, "公益性岗位补贴管理办法",
     "用公益性岗位安置就业困难人员的单位，可以享受岗位补贴和社会保险补贴。",
     "开发公益性岗位并安置就业困难人员的单位；需要托底安置的就业困难人员。",
     "单位按月领取岗位补贴，并按规定领取社会保险补贴；人员获得稳定岗位和工资。",
     f"{ID}、就业困难人员认定证明；单位另备岗位协议、工资发放记录。", CENTRE),
    ("创业扶持", "business", [*GRADUATES, *RURAL, *HARD], "创业担保贷款实施办法",
     "个人创业最高可贷30万元，小微企业最高400万元，按规定享受财政贴息。",
     "高校毕业生、返乡创业农民工、就业困难人员、退役军人等创业者和小微企业。",
     "个人最高30万元、小微企业最高400万元的担保贷款，并按规定贴息。",
     f"{ID}、营业执照、经营场所证明、创业计划书。", "区（市）县创业服务窗口或合作银行网点"),
    ("创业扶持", "business", [*GRADUATES, *RURAL], "一次性创业补贴申领指南",
     "首次创办小微企业或从事个体经营、正常经营6个月以上的，可申领一次性创业补贴。",
     "首次创业、登记注册并正常经营满6个月的个人（含高校毕业生、返乡农民工）。",
     "一次性创业补贴，标准由当地公布。",
     f"{ID}、营业执照、经营满6个月的纳税或社保记录、银行账户。", CENTRE),
    ("创业扶持", "business", [*GRADUATES, *RURAL], "创业孵化基地入驻办法",
     "创业者可以申请入驻市级创业孵化基地，减免场地租金并获得创业指导。",
     "有创业项目、准备或刚刚开始创业的个人和团队。",
     "场地租金减免、开业指导、政策咨询和融资对接等孵化服务。",
     f"{ID}、创业计划书、团队成员名单。", "市级创业孵化基地服务台"),
    ("职业培训", "training", [*UNEMPLOYED, *RURAL, *HARD], "职业技能提升行动补贴政策",
     "参加职业技能培训并取得证书的，可以按规定领取职业培训补贴。",
     "登记失业人员、农村转移劳动者、就业困难人员、毕业年度高校毕业生等。",
     "取得职业资格证书或职业技能等级证书后，按证书等级领取培训补贴。",
     f"{ID}、培训结业证明、职业资格或技能等级证书、银行账户。",
     "培训机构或区（市）县公共就业服务中心"),
    ("职业培训", "training", [], "以工代训补贴实施细则",
     "企业组织新招用人员以工代训，每人每月补贴500元，最长6个月。",
     "组织新招用人员开展以工代训的中小微企业。",
     "按以工代训人数每人每月500元，最长6个月。",
     "营业执照、以工代训人员名单、劳动合同、工资发放记录。", "企业所在地公共就业服务中心"),
    ("职业培训", "training", [], "技能人才评价工作指引",
     "劳动者可以通过职业技能等级认定取得证书，证书可以在全国联网查询。",
     "希望证明自己技能水平的劳动者。",
     "职业技能等级证书，可在全国联网查询，可作为申领补贴的依据。",
     f"{ID}、工作年限或培训经历证明。", "经备案的职业技能等级认定机构"),
    ("社会保险", "insurance", UNEMPLOYED, "失业保险金申领指南",
     "参保满1年、非本人意愿失业并已办理失业登记的，可以申领失业保险金。",
     "失业前参加失业保险并缴费满1年、非因本人意愿中断就业、已办理失业登记的人员。",
     "按月领取失业保险金，领取期间由失业保险基金代缴基本医疗保险费。",
     f"{ID}、解除或终止劳动合同的证明、银行账户。", "参保地公共就业服务中心，或线上申领"),
    ("社会保险", "insurance", [], "失业保险技能提升补贴申领办法",
     "参保职工取得职业资格证书或技能等级证书的，可以申请技能提升补贴。",
     "参加失业保险的在职职工，取得相应证书的。",
     "按证书等级一次性发放技能提升补贴。",
     f"{ID}、职业资格或技能等级证书。", "线上申领或参保地社保经办窗口"),
    ("社会保险", "insurance", RURAL, "灵活就业人员参加职工养老保险办法",
     "无雇工的个体工商户和灵活就业人员，可以个人身份参加职工基本养老保险。",
     "无雇工的个体工商户、未在单位参保的灵活就业人员（含进城务工人员）。",
     "以个人身份参保，缴费年限累计计算，退休后按月领取养老金。",
     f"{ID}、银行账户。", "社保经办窗口或网上办事大厅"),
    ("就业援助", "groups", HARD, "就业困难人员认定办法",
     "大龄失业人员、残疾人、零就业家庭成员等，可以申请认定为就业困难人员，享受就业援助。",
     "大龄失业人员、残疾人、零就业家庭成员、低保家庭成员、长期失业人员等。",
     "认定后可享受一对一就业援助、公益性岗位安置、社会保险补贴等。",
     f"{ID}、失业登记证明；残疾人证、低保证等相关证明。", CENTRE),
    ("就业援助", "groups", HARD, "零就业家庭动态清零工作方案",
     "对零就业家庭动态管理，确保每户至少一人在30日内实现就业。",
     "家庭中法定劳动年龄内有劳动能力和就业愿望的成员都未就业的城镇家庭。",
     "专人联系、优先推荐岗位，必要时公益性岗位托底安置。",
     f"家庭成员{ID}、户口簿、失业登记证明。", "社区（村）公共服务站或街道（乡镇）公共就业服务窗口"),
    ("就业援助", "groups", HARD, "残疾人按比例就业和超比例奖励办法",
     "用人单位安排残疾人就业达到规定比例的，按规定给予奖励。",
     "安排残疾人就业的用人单位；有就业意愿的残疾人。",
     "超比例安排的单位获得奖励；残疾人获得岗位推荐和职业培训。",
     "残疾人证、劳动合同；单位另备社保缴费记录。", "区（市）县残疾人就业服务机构"),
    ("高校毕业生", "groups", GRADUATES, "高校毕业生就业见习管理办法",
     "离校2年内未就业的高校毕业生和16至24岁失业青年，可以参加3至12个月的就业见习并领取见习补贴。",
     "离校2年内未就业的高校毕业生、16至24岁的登记失业青年。",
     "在见习单位见习3至12个月，领取基本生活补助，单位代办意外伤害保险。",
     f"{ID}、毕业证书或失业登记证明。", "见习基地或区（市）县公共就业服务中心"),
    ("高校毕业生", "groups", GRADUATES, "基层服务项目招募公告",
     "招募高校毕业生到基层从事支农、支教、支医和乡村振兴服务，期满享受相关政策。",
     "全日制普通高校毕业生，自愿到基层服务的。",
     "服务期间领取工作生活补贴，期满后考研、考公等享受加分或优先政策。",
     f"{ID}、毕业证书、学位证书、报名表。", "网上报名，或学校就业指导中心"),
    ("劳动权益", "rights", [], "劳动合同签订指引",
     "用人单位自用工之日起就与劳动者建立劳动关系，应当订立书面劳动合同。",
     "所有与用人单位建立劳动关系的劳动者。",
     "书面劳动合同；未按规定订立的，劳动者可依法主张权益。",
     f"{ID}、录用通知或工作证明。", "劳动保障监察机构或劳动人事争议仲裁院"),
    ("劳动权益", "rights", [], "就业歧视投诉处理办法",
     "招聘中以性别、民族、宗教信仰等限制或排斥求职者的，求职者可以投诉。",
     "在求职中受到不合理限制或排斥的劳动者。",
     "人力资源社会保障部门受理、调查并依法处理。",
     f"{ID}、招聘信息截图或其他证据。", "12333热线、劳动保障监察机构"),
    ("劳动权益", "rights", RURAL, "根治欠薪工作指南",
     "遇到拖欠工资，可以拨打12333或到劳动保障监察机构投诉举报。",
     "被拖欠工资的劳动者，特别是工程建设领域的农民工。",
     "劳动保障监察机构受理投诉，责令用人单位限期支付。",
     f"{ID}、考勤记录、工资条或聊天记录等证据。", "12333热线、劳动保障监察机构"),
    ("就业服务", "groups", RURAL, "农民工返乡创业扶持办法",
     "返乡创业的农民工可以享受创业担保贷款、一次性创业补贴和场地支持。",
     "外出务工后返回户籍地或常住地创业的农民工。",
     "创业担保贷款及贴息、一次性创业补贴、返乡创业园场地支持、创业培训。",
     f"{ID}、务工经历证明、营业执照。", CENTRE),
    ("就业服务", "groups", RURAL, "农村劳动力转移就业服务指南",
     "农村劳动者进城务工，可以免费获得岗位推荐、技能培训和跨区域劳务协作服务。",
     "有外出务工意愿的农村劳动者。",
     "免费职业介绍、订单式培训、劳务协作专车或交通补贴。",
     f"{ID}。", "乡镇（街道）公共就业服务站"),
    ("职业培训", "training", [], "以工代训补贴实施细则（修订）",
     "修订后的以工代训补贴扩大到新就业形态企业，每人每月补贴600元，最长6个月。",
     "组织新招用人员开展以工代训的中小微企业和新就业形态企业。",
     "按以工代训人数每人每月600元，最长6个月。",
     "营业执照、以工代训人员名单、劳动合同或服务协议、工资发放记录。",
     "企业所在地公共就业服务中心"),
]
ISSUERS = ["成都市人力资源和社会保障局", "成都市就业服务管理局", "四川省人力资源和社会保障厅"]
# the demo's two endings, in days after the demo day
ENDS_AFTER = {"P0002": 20}                 # 扩岗补助: the scheme closes
REPLACED_AFTER = ("P0009", "P0024", 25)    # 以工代训: the revised rules take over


def body_text(summary: str, audience: str, benefit: str, materials: str, apply_at: str) -> str:
    """The full text in the numbered form of a notice."""
    return "\n\n".join([
        summary,
        f"一、适用对象。{audience}",
        f"二、支持内容。{benefit}",
        f"三、申请材料。{materials}原件核验，复印件留存。",
        f"四、办理方式。{apply_at}。也可以通过自助服务终端、网上办事大厅了解和申请。",
        "五、其他。符合多项政策的，按就高原则享受，不重复领取。具体以经办机构公布的最新规定为准。",
    ])


def make_policies(seed: int, today: dt.date) -> list[dict[str, Any]]:
    rng = random.Random(seed + 2)
    out = []
    for n, row in enumerate(POLICIES, start=1):
        category, topic, groups, title, summary, audience, benefit, materials, apply_at = row
        issued = today - dt.timedelta(days=rng.randint(20, 700))
        pid = f"P{n:04d}"
        doc: dict[str, Any] = {
            "id": pid, "title": title, "category": category, "summary": summary,
            "body": body_text(summary, audience, benefit, materials, apply_at),
            "issued_by": rng.choice(ISSUERS), "issued_at": issued.isoformat(),
            "url": f"https://hrss.example.cn/policies/{pid}",
            "topic": topic, "groups": groups, "audience": audience, "benefit": benefit,
            "materials": materials, "apply_at": apply_at,
        }
        if pid in ENDS_AFTER:
            doc["valid_until"] = (today + dt.timedelta(days=ENDS_AFTER[pid])).isoformat()
        old, new, after = REPLACED_AFTER
        if pid == old:
            doc["valid_until"] = (today + dt.timedelta(days=after)).isoformat()
            doc["replaced_by"] = new
        if pid == new:
            doc["valid_from"] = (today + dt.timedelta(days=after + 1)).isoformat()
            doc["issued_at"] = (today - dt.timedelta(days=10)).isoformat()
        out.append(doc)
    return out
