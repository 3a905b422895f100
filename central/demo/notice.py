"""Demo public notice (服务公示) of a service centre: one notice per service on the
terminal's home screen, plus the centre's complaint channels and opening hours.

The standards ask a centre to publish, for each service, what it is, on what basis,
how it runs, what it asks for, how long it takes and what the centre promises, and
where to complain (B 4.3.4, B 7.1.1, C 9.1.1, G 8.1, L 8.1.1). The texts here are our
own demo wording; the facts (the laws named, 12333, a reply within five working days
after G 8.5) are real. `service` names the terminal's service the notice is about, so
a terminal can lead from the notice to the service.
"""

from __future__ import annotations

from typing import Any

LAW = "《中华人民共和国就业促进法》"
RULES = "《就业服务与就业管理规定》"
MARKET = "《人力资源市场暂行条例》"
PRIVACY = "《中华人民共和国个人信息保护法》"

SERVICES: list[dict[str, Any]] = [
    {
        "service": "registration", "name": "求职登记",
        "summary": "登记求职意向，进入全市统一的求职人员库，获得岗位推荐。",
        "content": "为有就业意愿的劳动者登记基本情况和求职意向，纳入全市公共就业服务信息系统，"
                   "按意向匹配推荐岗位，并跟踪求职结果。",
        "basis": [LAW, RULES, PRIVACY],
        "steps": ["在自助终端放置身份证或到综合窗口出示证件",
                  "阅读并同意个人信息使用说明",
                  "填写学历、工作经历和求职意向",
                  "核对信息后提交，领取登记凭条",
                  "等待岗位推荐短信，按约定时间回访"],
        "requirements": ["年满16周岁、有劳动能力和就业意愿",
                         "本人办理，信息真实"],
        "materials": ["居民身份证（必带）",
                      "学历证书、职业资格或技能等级证书（有则带）",
                      "就业失业登记证（有则带）"],
        "time_limit": "资料齐全的当场办结；首次岗位推荐在登记后5个工作日内送达。",
        "norms": ["窗口一次性告知所需材料", "个人信息加密保存，屏幕和凭条只显示部分号码"],
        "commitments": ["不收取任何费用", "重点群体登记后明确一名就业服务专员"],
        "where": "一楼综合窗口、自助服务终端",
    },
    {
        "service": "unemployment", "name": "失业登记",
        "summary": "失业后办理登记，享受就业服务和按规定申领失业保险待遇。",
        "content": "为在法定劳动年龄内、有劳动能力和就业要求、处于无业状态的人员办理失业登记，"
                   "提供职业指导、岗位推荐和培训信息。",
        "basis": [LAW, RULES, "《失业保险条例》"],
        "steps": ["完成求职登记", "在自助终端或窗口提交失业登记申请",
                  "工作人员审核", "审核结果在“我的页面”和短信中告知"],
        "requirements": ["法定劳动年龄内，有劳动能力和就业要求", "目前处于无业状态"],
        "materials": ["居民身份证", "与原单位解除或终止劳动关系的证明（有则带）"],
        "time_limit": "材料齐全的即时受理，5个工作日内告知审核结果。",
        "norms": ["不得要求申请人提供法定以外的材料", "审核不通过的说明原因"],
        "commitments": ["不收取任何费用", "审核期间可照常查询岗位和参加招聘会"],
        "where": "一楼综合窗口、自助服务终端",
    },
    {
        "service": "jobs", "name": "岗位信息查询",
        "summary": "查询经审核的招聘岗位，可打印岗位凭条或扫码带走。",
        "content": "发布经审核的用人单位招聘信息，按工种、区域、薪资分类展示，及时下架过期岗位。",
        "basis": [LAW, MARKET],
        "steps": ["在首页点“找工作”", "输入拼音或按分类筛选", "查看岗位详情",
                  "打印岗位凭条、扫码或登记“我感兴趣”"],
        "requirements": ["无需登记即可查询"],
        "materials": ["查询无需材料；登记“我感兴趣”需身份证"],
        "time_limit": "即查即得；岗位信息每15分钟同步一次。",
        "norms": ["发布前核验单位资质和岗位真实性",
                  "不发布含性别、民族、宗教等歧视内容的岗位"],
        "commitments": ["岗位信息有误可当场向窗口反映，核实后下架"],
        "where": "自助服务终端、二楼招聘服务窗口",
    },
    {
        "service": "fairs", "name": "招聘会",
        "summary": "现场、网络和直播招聘会的时间、地点和参会单位。",
        "content": "定期举办现场招聘会、网络招聘会和直播带岗活动，"
                   "公布主题、时间、参会单位和岗位数量。",
        "basis": [LAW, MARKET],
        "steps": ["在“找工作”中点“招聘会”", "按类型查看近期招聘会",
                  "扫码报名或按时到场"],
        "requirements": ["求职者免费参加"],
        "materials": ["居民身份证", "个人简历（建议带多份）"],
        "time_limit": "招聘会信息至少提前3天公布。",
        "norms": ["参会单位须经审核", "招聘会取消或改期的及时公布"],
        "commitments": ["不向求职者收取任何费用"],
        "where": "一楼招聘大厅、网上招聘平台",
    },
    {
        "service": "guidance", "name": "职业指导",
        "summary": "预约职业指导师，一对一分析求职方向、修改简历。",
        "content": "提供一般性职业指导、一对一专项指导和分类小组指导，帮助求职者明确方向、"
                   "提升求职技能。",
        "basis": [LAW, RULES],
        "steps": ["在自助终端或窗口预约时段", "按时到职业指导室签到",
                  "与职业指导师面谈", "需要时转介测评或培训"],
        "requirements": ["已办理求职登记的劳动者优先"],
        "materials": ["居民身份证", "个人简历（有则带）"],
        "time_limit": "每次面谈约30分钟；小组活动资料提前2个工作日发放。",
        "norms": ["按预约时间准时开始", "面谈内容保密"],
        "commitments": ["不收取任何费用", "因故取消的提前一天通知"],
        "where": "二楼职业指导室",
    },
    {
        "service": "assessment", "name": "职业素质测评",
        "summary": "自助完成职业兴趣和能力自测，作为职业指导的参考。",
        "content": "在自助终端完成职业兴趣、性格和能力的自测，结果供职业指导师参考；"
                   "正式的职业倾向分析报告由工作人员综合评价后出具。",
        "basis": [RULES],
        "steps": ["在首页点“职业测评”", "阅读说明并开始答题",
                  "查看自测结果，可打印", "需要时预约职业指导师解读"],
        "requirements": ["自愿参加"],
        "materials": ["无需材料"],
        "time_limit": "自测约15分钟，结果当场显示。",
        "norms": ["测评结果保密，只用于职业指导"],
        "commitments": ["不收取任何费用"],
        "where": "自助服务终端、二楼职业指导室",
    },
    {
        "service": "policies", "name": "政策咨询",
        "summary": "就业创业、培训补贴和失业保险政策，看得懂、问得着。",
        "content": "汇编就业创业、职业培训、失业保险和重点群体扶持政策，提供通俗解读和咨询答复。",
        "basis": [LAW, "《失业保险条例》"],
        "steps": ["在首页点“政策查询”", "按类别浏览或搜索",
                  "查看通俗解读和原文", "有疑问可在终端提问或到窗口咨询"],
        "requirements": ["无"],
        "materials": ["无需材料"],
        "time_limit": "能当场答复的当场答复，其余1个工作日内答复。",
        "norms": ["政策失效或被替代的及时下架", "超出范围的问题告知办理渠道"],
        "commitments": ["答复口径与窗口一致"],
        "where": "自助服务终端、一楼政策咨询窗口",
    },
    {
        "service": "complaints", "name": "投诉与评价",
        "summary": "对服务不满意可以投诉，也可以为本次服务评价。",
        "content": "受理服务对象对服务态度、效率和质量的投诉和建议，收集满意度评价，"
                   "由专门科室调查处理并答复。",
        "basis": [RULES],
        "steps": ["在终端、窗口、信函、电话或网上提出投诉",
                  "领取投诉编号", "专门科室调查处理",
                  "凭编号和手机号查询处理结果"],
        "requirements": ["写明投诉事项和联系方式（可匿名建议）"],
        "materials": ["有关凭条或照片（有则提供）"],
        "time_limit": "5个工作日内告知处理情况。",
        "norms": ["投诉人信息保密", "有效投诉制定整改措施"],
        "commitments": ["不因投诉对服务对象有任何不公"],
        "where": "一楼服务台、自助服务终端",
    },
    {
        "service": "notice", "name": "服务公开",
        "summary": "每项服务的依据、流程、材料、时限和承诺，一次说清。",
        "content": "公开本中心各项服务的内容、依据、流程、要求、时限、规范和承诺，"
                   "以及投诉渠道和办公时间。",
        "basis": [LAW, RULES],
        "steps": ["在首页点“公示公告”", "选择服务查看公示", "查看投诉渠道和办公时间"],
        "requirements": ["无"],
        "materials": ["无需材料"],
        "time_limit": "公示内容变更后，终端在下次同步时更新。",
        "norms": ["公示内容与窗口一致"],
        "commitments": ["公示内容有误的，核实后及时更正"],
        "where": "自助服务终端、一楼公示栏",
    },
]

CENTRE: dict[str, Any] = {
    "id": "centre", "kind": "centre", "order": 100, "name": "投诉渠道与办公时间",
    "hours": [{"days": "周一至周五", "times": "09:00-12:00，13:30-17:30"},
              {"days": "周六", "times": "09:00-12:00（仅综合窗口）"},
              {"days": "法定节假日", "times": "休息，自助终端照常开放"}],
    "channels": [
        {"kind": "onsite", "name": "现场", "detail": "一楼服务台，办公时间内随到随办"},
        {"kind": "letter", "name": "信函", "detail": "寄本中心投诉受理科，信封注明“投诉”"},
        {"kind": "phone", "name": "电话", "detail": "12333 人力资源社会保障服务热线"},
        {"kind": "phone", "name": "中心电话", "detail": "028-12345678（办公时间）"},
        {"kind": "web", "name": "网上", "detail": "本市人社局网站“投诉建议”栏目"},
    ],
    "reply": "投诉由中心投诉受理科调查处理，5个工作日内告知处理情况。",
}


def make_notices() -> list[dict[str, Any]]:
    """Every notice document as the feed serves it (without updated_at)."""
    out = [{"id": f"N{n:02d}", "kind": "service", "order": n, **service}
           for n, service in enumerate(SERVICES, start=1)]
    return [*out, dict(CENTRE)]
