"""Make the sample batch table (villages.xlsx and the same as villages.csv) for 24 villages of 红柳镇.

Numbers, names, practices and cases are invented for the sample (none is taken from the seed reports) but
realistic and varied: each village reports a different mix of themes, confirms a few village-level practices
(做法) and tells its own cases (事例), as clerks of different villages would. Blank cells mean not given.
Only village-level columns: a village has one secretary, the author, so township metrics have no column.
The seed and fixed timestamps make the files reproducible.
Run: python inputs/batch/make_sample.py
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VILLAGES = ["青杨村", "红柳村", "沙河村", "团结村", "五星村", "前进村", "光明村", "胜利村", "东湾村", "西湾村",
            "南滩村", "北坡村", "柳树沟村", "杨家庄村", "李家堡村", "王家台村", "马营村", "高崖村", "石门村",
            "三道沟村", "黄花滩村", "永丰村", "金川村", "和平村"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋"
GIVEN = ["建国", "秀兰", "志强", "玉梅", "文斌", "海燕", "永红", "国栋", "春花", "明亮", "德福", "桂英",
         "振华", "丽娟", "成林", "雪梅", "国庆", "红霞", "立新", "淑珍", "宏伟", "金花", "兴旺", "晓东"]
PROBLEMS = ["党员作用发挥不够", "集体经济薄弱", "干部能力不足", "组织生活质量不高", "后备干部不足",
            "党员教育管理不严", "基层治理能力不强", "创新意识不强", "精力投入不足", "理论学习不深",
            "作风建设有差距", "党建与业务融合不够", "责任传导不够"]
CAUSES = ["学习不够深入", "工作方法欠缺", "人才支撑不足", "思想认识不到位", "压力传导不到位",
          "调查研究不深", "创新意识不强", "统筹谋划不够", "从严管理不够"]
# Problems in the secretary's own words, as clerks write them (kept verbatim in the draft).
# A leading theme tells the draft which part of the plan answers it.
OWN_PROBLEMS = ["党员队伍：村里年轻党员大多外出务工，组织生活经常凑不齐人，流动党员管理办法不多",
                "产业发展：合作社还停留在统一收购环节，深加工和品牌销售没有起步，带动农户增收的能力有限",
                "基层治理：个别村民小组长年龄偏大，用手机开展线上学习和网格管理有困难"]
# What a clerk who names such a problem plans against it (a 事项 of the same words, so part three answers it).
OWN_PLANS = {OWN_PROBLEMS[1]: "和加工企业合作，在合作社建一条{crop}分拣包装线，试着注册自己的品牌",
             OWN_PROBLEMS[2]: "请年轻党员手把手教小组长用手机，网格里的信息先由年轻党员帮着录入"}
# The problems each cause accounts for (as the bank's 解释 says): a careful clerk names causes that explain
# the problems above them, and at most one general self-criticism.
EXPLAINS = {"学习不够深入": ["理论学习不深", "干部能力不足"],
            "工作方法欠缺": ["组织生活质量不高", "基层治理能力不强", "党员教育管理不严", "党员作用发挥不够"],
            "人才支撑不足": ["后备干部不足", "干部能力不足", "集体经济薄弱", "党员作用发挥不够"],
            "思想认识不到位": ["精力投入不足", "党建与业务融合不够", "责任传导不够"],
            "压力传导不到位": ["责任传导不够", "组织生活质量不高"],
            "调查研究不深": ["基层治理能力不强", "集体经济薄弱"],
            "创新意识不强": ["创新意识不强", "组织生活质量不高"],
            "统筹谋划不够": ["党建与业务融合不够", "集体经济薄弱", "精力投入不足"],
            "从严管理不够": ["党员教育管理不严", "作风建设有差距"]}
CROPS = ["辣椒", "花椒", "黄花菜", "枸杞", "食用菌", "蜜瓜", "核桃", "中药材"]
BRANDS = ["红柳先锋", "沙河党旗红", "枸杞红·党建兴"]
HEADERS = ["单位", "姓名", "职务", "品牌", "党员", "党小组", "村民小组", "集中学习", "讲党课", "发展党员",
           "入党积极分子", "主题党日", "党员志愿服务队", "党员先锋岗", "结对帮扶", "储备后备干部",
           "警示教育", "谈心谈话", "村集体经济收入", "党建领办合作社", "土地流转", "带动就业", "化解矛盾纠纷",
           "为民办实事", "四议两公开", "做法", "亮点.党员队伍.事例", "亮点.产业发展.事例", "亮点.基层治理.事例",
           "问题", "原因", "目标.村集体经济收入", "目标.发展党员", "目标.储备后备干部", "事项"]
# Cases as clerks tell them: each village its own, with its own crop, place and numbers.
INDUSTRY = [
    "由村党支部牵头流转撂荒地{n}亩种{crop}，当年就有{h}户群众在地里务工",
    "村里的{crop}以前靠客商上门收，今年合作社和县里的加工企业签了收购合同，价格比往年稳",
    "发动{h}户党员带头试种{crop}，秋后算账每亩比种玉米多收入一千多元，第二年跟着种的群众多了起来",
    "利用村委会旁边闲置的粮站仓库办起{crop}初加工点，农忙时雇用本村妇女{h}人",
    "组织种植户到邻县学习{crop}管护技术，回来后在{g}组建起示范地块",
    "村集体入股的{crop}烘干房建成投用，群众的鲜货不用再连夜拉到镇上",
    "请返乡大学毕业生开网店卖{crop}，年底网上销售占到一成多",
]
GOVERNANCE = [
    "{g}两户因宅基地边界多年不和，支委和老党员上门调解{k}次，最后双方签了协议",
    "把群众反映最多的吃水问题列为头号实事，协调项目资金更换了{g}的老旧管网",
    "在{g}试行“红黑榜”，环境卫生每月一评，张榜公布",
    "村里成立了由{k}名老党员组成的调解小组，邻里纠纷先在院坝里说开",
    "针对{g}道路泥泞，党员带头出工出料，硬化了一段进组道路",
]
MEMBERS = [
    "汛期{g}河堤出现管涌，{k}名党员连夜上堤装沙袋",
    "给外出务工党员建了微信群，每月推送学习材料，春节返乡时集中过组织生活",
    "{k}名党员每人联系几户独居老人，定期上门帮着买药、打扫",
    "党员带头清理{g}沟渠垃圾，群众跟着出工",
]
GROUPS = ["一组", "二组", "三组", "四组", "五组", "六组", "河东组", "后山组", "沟口组"]
# Village-level practices a clerk ticks, per theme (names from templates/做法.yaml).
PRACTICES = {
    "政治建设": ["书记讲党课", "党员冬春训", "田间宣讲", "学习强国", "微党课", "现场教学", "农家书屋", "第一议题制度"],
    "组织建设": ["三会一课", "主题党日", "发展党员全程纪实", "组织生活会", "党员大会", "入党积极分子培养", "党群服务中心"],
    "党员队伍": ["党员积分制管理", "设岗定责", "联户帮扶", "流动党员管理", "关爱慰问", "承诺践诺", "亮身份", "先锋岗"],
    "产业发展": ["党支部领办合作社", "盘活闲置资源", "土地流转", "联农带农", "实用人才培训", "电商销售", "订单农业", "能人返乡"],
    "基层治理": ["网格化管理", "四议两公开", "矛盾纠纷排查调处", "村规民约修订", "为民办实事", "人居环境整治", "乡贤调解", "议事会"],
    "干部队伍": ["村级后备干部双培养", "传帮带", "村干部坐班", "学历提升", "致富带头人培育", "谈心谈话"],
    "作风建设": ["警示教育", "村务公开", "小微权力清单", "村监会监督", "节点提醒", "集体三资监管"],
}


def _causes(drawn: list[str], problems: list[str], i: int) -> list[str]:
    """Two or three causes that explain the village's problems, at most one of them explaining none. The draw
    from the main generator (`drawn`) is kept as the first preference, so the other cells stay as they were."""
    own = random.Random(f"causes-{i}")
    fitting = [c for c in CAUSES if set(EXPLAINS[c]) & set(problems)]
    own.shuffle(fitting)
    chosen = [c for c in drawn if c in fitting] or fitting[:1]
    chosen += [c for c in fitting if c not in chosen][:max(0, 2 - len(chosen))]
    general = [c for c in drawn if c not in fitting][:1]
    return (chosen + general)[:3]


def maybe(rng: random.Random, p: float, value):
    """`value` with probability p, else a blank cell: villages report different things."""
    return value if rng.random() < p else ""


def village_row(rng: random.Random, i: int, name: str) -> list:
    before = round(rng.uniform(3, 12), 1)
    after = round(before + rng.uniform(0.8, 6), 1)
    crop = rng.choice(CROPS)
    fill = {"crop": crop, "n": rng.randint(3, 40) * 10, "h": rng.randint(8, 60), "k": rng.randint(2, 9),
            "g": rng.choice(GROUPS)}
    practices = []  # every theme the village reports on gets one to three practices its clerk ticked
    for theme, names in PRACTICES.items():
        practices += [f"{theme}：{p}" for p in rng.sample(names, rng.randint(1, 3))]
    problems = rng.sample(PROBLEMS, rng.randint(3, 4))
    if rng.random() < 0.25:
        problems[-1] = rng.choice(OWN_PROBLEMS)
    row = {
        "单位": name,
        "姓名": SURNAMES[i] + GIVEN[i],
        "职务": "党总支书记" if i % 7 == 3 else "",
        "品牌": BRANDS[i % 3] if i % 8 == 1 else "",
        "党员": rng.randint(28, 96),
        "党小组": rng.randint(3, 8),
        "村民小组": maybe(rng, 0.6, rng.randint(4, 11)),
        "集中学习": rng.randint(10, 24),
        "讲党课": rng.randint(2, 6),
        "发展党员": rng.randint(1, 4),
        "入党积极分子": rng.randint(2, 6),
        "主题党日": 12,
        "党员志愿服务队": maybe(rng, 0.6, rng.choice([1, 1, 2])),
        "党员先锋岗": maybe(rng, 0.35, rng.randint(3, 12)),
        "结对帮扶": maybe(rng, 0.5, rng.randint(8, 40)),
        "储备后备干部": maybe(rng, 0.55, rng.randint(2, 6)),
        "警示教育": maybe(rng, 0.4, rng.randint(2, 6)),
        "谈心谈话": maybe(rng, 0.35, rng.randint(20, 90)),
        "村集体经济收入": f"{before}→{after}",
        "党建领办合作社": maybe(rng, 0.7, rng.choice([1, 1, 2])),
        "土地流转": maybe(rng, 0.35, rng.randint(3, 30) * 100),
        "带动就业": maybe(rng, 0.5, rng.randint(20, 160)),
        "化解矛盾纠纷": rng.randint(5, 40),
        "为民办实事": maybe(rng, 0.5, rng.randint(6, 30)),
        "四议两公开": maybe(rng, 0.5, rng.randint(4, 15)),
        "做法": "；".join(practices),
        "亮点.党员队伍.事例": maybe(rng, 0.35, rng.choice(MEMBERS).format(**fill)),
        "亮点.产业发展.事例": maybe(rng, 0.75, rng.choice(INDUSTRY).format(**fill)),
        "亮点.基层治理.事例": maybe(rng, 0.45, rng.choice(GOVERNANCE).format(**fill)),
        "问题": "；".join(problems),
        "原因": "；".join(_causes(rng.sample(CAUSES, 3), problems, i)),
        "目标.村集体经济收入": round(after + rng.uniform(1, 5), 1),
        "目标.发展党员": 0,  # set below: never lower than this year's figure
        "目标.储备后备干部": "",
        "事项": rng.choice(["", f"新建{crop}保鲜库1座，延长产业链条", "完成党群服务中心提升改造",
                            f"争取项目资金硬化{fill['g']}道路", f"把{crop}合作社的分红方案提交村民代表会议讨论",
                            f"新建{crop}保鲜库1座\n每名党员联系10户左右群众，每季度至少上门一次"]),
    }
    plan = OWN_PLANS.get(problems[-1])
    if plan:
        row["事项"] = "\n".join(filter(None, [row["事项"], plan.format(crop=crop)]))
    row["目标.发展党员"] = row["发展党员"] + rng.randint(0, 2)
    if row["储备后备干部"] != "":
        row["目标.储备后备干部"] = maybe(rng, 0.5, row["储备后备干部"] + rng.randint(1, 3))
    # A theme of one ticked practice and no figure makes an item of one sentence, and the generator warns
    # about it; a clerk told so fills in the figure. Drawn from a generator of its own, so the other cells
    # stay as they were (and after every draw of `rng`, for the same reason).
    extra = random.Random(f"figure-{i}")
    for theme, column, low, high in (("干部队伍", "储备后备干部", 2, 4), ("作风建设", "警示教育", 2, 4)):
        ticked = [p for p in practices if p.startswith(theme + "：")]
        figures = [c for c in THEME_FIGURES[theme] if row[c] != ""]
        if len(ticked) == 1 and not figures:
            row[column] = extra.randint(low, high)
    return [row[h] for h in HEADERS]


# The figure columns of the themes that can end up with one practice and nothing else.
THEME_FIGURES = {"干部队伍": ["储备后备干部"], "作风建设": ["警示教育", "谈心谈话"]}

STAMP = dt.datetime(2024, 12, 20, 9, 0, 0)


def _fixed_times(xlsx: bytes) -> bytes:
    """Rewrite the zip with fixed entry times, so that running this script again gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` with the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + STAMP.isoformat().encode() + b"Z", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def sample_rows() -> list[list]:
    """The 24 rows of the sample, the same every time (tests compare the written table with them)."""
    rng = random.Random(2024)
    return [village_row(rng, i, name) for i, name in enumerate(VILLAGES)]


def main() -> None:
    import openpyxl

    rows = sample_rows()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "各村数据"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([None if v == "" else v for v in row])
    book.properties.creator = "gen-report sample"
    book.properties.created = STAMP
    buffer = io.BytesIO()
    book.save(buffer)
    (HERE / "villages.xlsx").write_bytes(_fixed_times(buffer.getvalue()))
    with open(HERE / "villages.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([HEADERS, *rows])


if __name__ == "__main__":
    main()
