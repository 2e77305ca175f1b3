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

import yaml

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
# Problems in the secretary's own words, as clerks write them (kept verbatim in the draft), each village its
# own: drawn without putting back. A leading theme tells the draft which part of the plan answers it; the
# plan a clerk who names it writes against it follows (the same words, so part three answers it).
OWN_PROBLEMS = [
    ("党员队伍：村里年轻党员大多外出务工，组织生活经常凑不齐人，流动党员管理办法不多",
     "春节和农忙前后集中开一次组织生活会，给在外党员寄学习材料"),
    ("产业发展：合作社还停留在统一收购环节，深加工和品牌销售没有起步，带动农户增收的能力有限",
     "和加工企业合作，在合作社建一条{crop}分拣包装线，试着注册自己的品牌"),
    ("基层治理：个别村民小组长年龄偏大，用手机开展线上学习和网格管理有困难",
     "请年轻党员手把手教小组长用手机，网格里的信息先由年轻党员帮着录入"),
    ("组织建设：党小组长多是七十岁上下的老党员，党小组的活动主要靠本人一个人张罗",
     "从返乡的年轻党员里选两名党小组长，先跟着老组长干一年"),
    ("产业发展：{crop}种植户各干各的，品种杂、品相不一，收购商压价压得厉害",
     "由合作社统一供苗、统一标准，秋后按等级收购"),
    ("干部队伍：村干部里懂电脑的只有会计一人，项目申报材料常常要拖到最后一天",
     "送两名年轻村干部参加县里的办公软件培训，项目材料分人负责"),
    ("作风建设：村务公开栏更新不及时，有的账目贴出来群众看不明白",
     "公开栏每月十日前更新，大额支出附上说明，在村民微信群同步发"),
    ("基层治理：{g}几户常年在外，房前屋后无人打理，环境整治总是卡在这几户",
     "和在外的户主逐户通电话，委托亲戚或邻居代管，写进村规民约"),
]
# The problems each cause accounts for: the bank's own 解释 (templates/bank/问题.yaml), problem kinds and themes,
# and the words an own problem of such a theme must say for the cause to account for it (解释词).
_BANK_CAUSES = yaml.safe_load((HERE.parents[1] / "templates" / "bank" / "问题.yaml").read_text(encoding="utf-8"))["原因"]
EXPLAINS = {kind: list(spec.get("解释") or ()) for kind, spec in _BANK_CAUSES.items() if kind in CAUSES}
WORDS = {kind: list(spec.get("解释词") or ()) for kind, spec in _BANK_CAUSES.items() if kind in CAUSES}
# The own problems no bank cause accounts for by their words, each with the cause its clerk writes beside it
# (the same field, so it stands under that problem): 合作社还停留在统一收购环节 is not explained by a lack of talent.
OWN_CAUSES = {
    "合作社还停留在": "产业发展：支部对合作社往深加工、品牌上走想得不多，懂经营的人也缺",
    "个别村民小组长": "基层治理：对小组长的培训和帮带跟不上，年轻人又接不上手",
    "种植户各干各的": "产业发展：支部在组织种植户上用力不够，种什么、怎么卖多由各户自己拿主意",
    "村务公开栏更新": "作风建设：对村务公开只提要求、不常检查，公开的内容没有从群众看得懂出发",
    "几户常年在外": "基层治理：对常年在外的户缺少联系的办法，整治只盯着在家的",
}
USED_INCOMES: set[float] = set()
CROPS = ["辣椒", "花椒", "黄花菜", "枸杞", "食用菌", "蜜瓜", "核桃", "中药材"]
# the villages with a brand of their own (named after them), and what each means (a brand with only its
# name and nothing about it is left out of the draft)
BRANDS = {1: ("红柳先锋", "党员在产业和治理一线当先锋"), 9: ("西湾党旗红", "支部带着群众沿河发展产业"),
          17: ("高崖红·党建兴", "枸杞产业链上建支部、带农户")}
HEADERS = ["单位", "姓名", "职务", "品牌", "品牌含义", "党员", "党小组", "村民小组", "集中学习", "讲党课", "发展党员",
           "入党积极分子", "主题党日", "党员志愿服务队", "党员先锋岗", "结对帮扶", "储备后备干部",
           "警示教育", "谈心谈话", "村集体经济收入", "党建领办合作社", "土地流转", "带动就业", "化解矛盾纠纷",
           "为民办实事", "四议两公开", "做法", "亮点.党员队伍.事例", "亮点.产业发展.事例", "亮点.基层治理.事例",
           "问题", "原因", "目标.村集体经济收入", "目标.发展党员", "目标.储备后备干部", "事项"]
# Cases as clerks tell them: each village its own (drawn without putting back, so no two villages of the
# sample share a case and the variety figures measure the tool, not the sample), with its own crop, place
# and numbers.
INDUSTRY = [
    "由村党支部牵头流转撂荒地{n}亩种{crop}，当年就有{h}户群众在地里务工",
    "村里的{crop}以前靠客商上门收，今年合作社和县里的加工企业签了收购合同，价格比往年稳",
    "发动{h}户党员带头试种{crop}，秋后算账每亩比种玉米多收入一千多元，第二年跟着种的群众多了起来",
    "利用村委会旁边闲置的粮站仓库办起{crop}初加工点，农忙时雇用本村妇女{h}人",
    "组织种植户到邻县学习{crop}管护技术，回来后在{g}建起示范地块",
    "村集体入股的{crop}烘干房建成投用，群众的鲜货不用再连夜拉到镇上",
    "请返乡大学毕业生开网店卖{crop}，年底网上销售占到一成多",
    "把废弃多年的砖厂场地平整出来，租给养殖大户建牛棚，村集体每年收租金",
    "冬闲时请县农技站的专家在村部讲了三回{crop}修剪，来听的群众挤满了屋子",
    "{g}的{crop}地缺水，支部带着群众修了两座小水窖，旱季也能浇上水",
    "和镇上的超市谈成了蔬菜直供，每天早上六点前把菜送到，群众省了赶集的工夫",
    "村里的老油坊重新开起来，用本地胡麻榨油，过年前订单排到了腊月二十",
    "合作社统一买种子、统一买化肥，每亩地的成本比群众自己买低了三十多元",
    "组织{h}户脱贫户养了土鸡，本人帮着在县城找了三家饭馆长期收",
    "在村口路边搭了一排{crop}售卖棚，过往的车停下来买，群众不用再挑担子进城",
    "把村集体的{n}亩机动地统一发包给种植大户，租金比过去分散发包时高出一截",
    "联系县里的物流公司在村委会设了收发点，{crop}发快递不用再跑二十里",
    "支部党员带头把自家的{crop}地连成一片，方便机械作业，群众看了也愿意连片",
    "请在外做生意的老乡回村看了三次，最后投资建起一个{crop}育苗大棚",
    "把村里闲置的小学校舍改成手工作坊，留守妇女在家门口编筐，按件拿钱",
]
GOVERNANCE = [
    "{g}两户因宅基地边界多年不和，支委和老党员上门调解{k}次，最后双方签了协议",
    "把群众反映最多的吃水问题列为头号实事，协调项目资金更换了{g}的老旧管网",
    "在{g}试行“红黑榜”，环境卫生每月一评，张榜公布",
    "村里成立了由{k}名老党员组成的调解小组，邻里纠纷先在院坝里说开",
    "针对{g}道路泥泞，党员带头出工出料，硬化了一段进组道路",
    "村里的路灯坏了大半年，支部争取到专项资金，年底前沿主路装了三十多盏太阳能灯",
    "红白喜事攀比之风刹不住，村民代表会议定了标准，由红白理事会上门把关",
    "两个组为灌溉用水分配争了好几年，村里按地亩重新定了放水次序，写进村规民约",
    "{g}的危桥一到雨季就断行，支部向镇里反映后列入项目，秋收前通了新桥",
    "每月初五在村部开一次“有事来说”会，群众提的事当场登记，下次会上说办理结果",
    "组织党员和村民把村里的垃圾死角清了一遍，添了十几个分类垃圾桶，定人定时清运",
    "留守老人多的{g}办起了老年饭桌，村里出场地，党员轮流帮厨",
]
MEMBERS = [
    "汛期{g}河堤出现管涌，{k}名党员连夜上堤装沙袋",
    "给外出务工党员建了微信群，每月推送学习材料，春节返乡时集中过组织生活",
    "{k}名党员每人联系几户独居老人，定期上门帮着买药、打扫",
    "党员带头清理{g}沟渠垃圾，群众跟着出工",
    "入冬后一场大雪压塌了{g}两户的羊圈，党员们第二天一早就去帮着重新搭棚",
    "老党员自发组织起护林队，一年里在后山巡查，没有发生一起火情",
    "党员把自家院子腾出来给小组开会用，群众说“有事就到党员家里商量”",
    "秋收时{k}名党员组成帮收队，先帮缺劳力的人家把粮食收回来",
    "年轻党员利用周末给村里的留守孩子辅导作业，一学期没断过",
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
    """The causes that between them explain every problem of the village (a careful clerk gives each problem
    its cause: parts that answer each other), the draw from the main generator (`drawn`) preferred, so the
    other cells stay as they were; a general self-criticism only where fewer than two would be left."""
    own = random.Random(f"causes-{i}")
    written = [p for p in problems if "：" in p and not any(w in p.split("：", 1)[1] for c in CAUSES for w in WORDS[c]
                                                           if p.split("：")[0] in EXPLAINS[c])]
    own_causes = [c for p in written for k, c in OWN_CAUSES.items() if k in p]
    problems = [p for p in problems if p not in written or not any(k in p for k in OWN_CAUSES)]
    wanted = [_wanted(p) for p in problems]   # an own problem by its theme
    order = [c for c in drawn] + own.sample([c for c in CAUSES if c not in drawn], len(CAUSES) - len(drawn))
    chosen: list[str] = []
    left = set(wanted)
    while left and len(chosen) < 4:
        best = max(order, key=lambda c: (len(left & set(EXPLAINS[c])), -order.index(c)))
        if not left & set(EXPLAINS[best]):
            break
        chosen.append(best)
        left -= set(EXPLAINS[best])
        order.remove(best)
    # a general self-criticism that explains none of the problems only where fewer than two causes are left:
    # readers read one as the all-purpose cause under every draft (引人留人的办法仍不多, nineteenth reading)
    general = [c for c in drawn if c not in chosen][:1] if len(own_causes) + len(chosen) < 2 else []
    return own_causes + chosen + general


def _wanted(problem: str) -> str:
    """What a cause must account for: a bank kind by its name, an own problem by its theme."""
    return problem.split("：")[0] if "：" in problem else problem


# Plans as clerks write them, each village its own (drawn without putting back).
PLANS = [
    "新建{crop}保鲜库1座，延长产业链条",
    "完成党群服务中心提升改造，腾出一间屋子做党员活动室",
    "争取项目资金硬化{g}道路",
    "把{crop}合作社的分红方案提交村民代表会议讨论",
    "每名党员联系十户左右群众，有事先上门",
    "配合县里给{crop}申请地理标志，统一包装",
    "把村集体的闲置房屋清理登记，能租的租出去",
    "开春前修好{g}的灌溉渠，保证春灌",
    "办两期{crop}种植技术培训，请县里的专家来讲",
    "把村史馆建起来，老党员的故事录下来放进去",
    "对村里的二十多户独居老人建立联系卡，谁联系谁写清楚",
    "在{g}试种一片新品种{crop}，看行情再推广",
    "组织村干部到先进村学一次集体经济的经营办法",
    "把村规民约重新修订一遍，先在各组征求意见",
    "村部增设一个便民代办点，群众办社保、医保不出村",
    "引导外出务工能人回村，至少谈成一个返乡创业项目",
    "把{g}的人畜饮水工程列进2025年的项目计划",
    "年底前把合作社的账目向全体社员公开一次",
]


def _fresh(income: float) -> float:
    """`income`, or the next tenth up that no village of the table has used yet."""
    while income in USED_INCOMES:
        income = round(income + 0.1, 1)
    USED_INCOMES.add(income)
    return income


def _round_target(income: float, above: float) -> float:
    """A target to the half 万元 (17.8 read as 精确得反常: thirteenth blind reading), the nearest such figure no
    village has used, as result or target (two villages aiming at 14.5万元 read as one template filled in:
    fourteenth blind reading), and above this year's `above` (高崖村 aimed at 12 after reaching 12.3)."""
    target = round(income * 2) / 2
    for step in (0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.0, -2.0, 2.5, 3.0):
        if target + step not in USED_INCOMES and target + step > above:
            target += step
            break
    USED_INCOMES.add(target)
    return target


def _told(rng: random.Random, p: float, pool: list, fill: dict) -> str:
    """A clerk's own words with probability p, taken out of `pool` so no other village tells it again."""
    if rng.random() >= p or not pool:
        return ""
    return pool.pop(rng.randrange(len(pool))).format(**fill)


def maybe(rng: random.Random, p: float, value):
    """`value` with probability p, else a blank cell: villages report different things."""
    return value if rng.random() < p else ""


STUDY_COUNTS = [10, 22, 13, 18, 24, 11, 16, 20, 14, 26, 12, 19, 23, 15, 21, 17, 25, 27, 28, 30, 9, 29, 31, 8]


def village_row(rng: random.Random, i: int, name: str, told: dict) -> list:
    """One village's row. `told` holds the pools of the clerks' own words not yet used by another village."""
    # no figure of one village's income equal to another's (11.3 twice, one's target the other's result, read
    # as test data to a blind reader)
    before = _fresh(round(rng.uniform(3, 12), 1))
    after = _fresh(round(before + rng.uniform(0.8, 6), 1))
    crop = rng.choice(CROPS)
    fill = {"crop": crop, "n": rng.randint(3, 40) * 10, "h": rng.randint(8, 60), "k": rng.randint(2, 9),
            "g": rng.choice(GROUPS)}
    practices = []  # every theme the village reports on gets one to three practices its clerk ticked
    for theme, names in PRACTICES.items():
        practices += [f"{theme}：{p}" for p in rng.sample(names, rng.randint(1, 3))]
    problems = rng.sample(PROBLEMS, rng.randint(3, 4))
    own_plan = ""
    if rng.random() < 0.3 and told["own"]:
        problem, own_plan = told["own"].pop(rng.randrange(len(told["own"])))
        problems[-1] = problem.format(**fill)
    row = {
        "单位": name,
        "姓名": SURNAMES[i] + GIVEN[i],
        "职务": "党总支书记" if i % 7 == 3 else "",
        "品牌": BRANDS[i][0] if i in BRANDS else "",
        "品牌含义": BRANDS[i][1] if i in BRANDS else "",
        "党员": rng.randint(28, 96),
        "党小组": rng.randint(3, 8),
        "村民小组": maybe(rng, 0.6, rng.randint(4, 11)),
        # no two villages of the sample report the same count of study sessions: the fifteenth blind reading
        # took 开展党员集中学习18次 in two drafts for a default value the tool filled in
        "集中学习": STUDY_COUNTS[i % len(STUDY_COUNTS)],
        "讲党课": rng.randint(2, 6),
        "发展党员": rng.randint(1, 4),
        "入党积极分子": rng.randint(2, 6),
        # 主题党日 is monthly everywhere, so a clerk often leaves the routine 12 out (the same 12 in every draft
        # of the table read as a default too)
        "主题党日": maybe(rng, 0.4, 12),
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
        "亮点.党员队伍.事例": _told(rng, 0.35, told["members"], fill),
        "亮点.产业发展.事例": _told(rng, 0.75, told["industry"], fill),
        "亮点.基层治理.事例": _told(rng, 0.45, told["governance"], fill),
        "问题": "；".join(problems),
        "原因": "；".join(_causes(rng.sample(CAUSES, 3), problems, i)),
        # a village plans a tenth to a third more (metrics.yaml → 目标增幅上限 questions half again)
        "目标.村集体经济收入": _round_target(max(after * rng.uniform(1.1, 1.35), after + 0.5), after),
        "目标.发展党员": 0,  # set below
        "目标.储备后备干部": "",
        "事项": _told(rng, 0.7, told["plans"], fill),
    }
    if not any(row[k] for k in ("亮点.党员队伍.事例", "亮点.产业发展.事例", "亮点.基层治理.事例")):
        # a clerk tells at least one thing that happened: a draft of figures and stock alone came out under
        # the length a village report needs (check: 偏短)
        row["亮点.基层治理.事例"] = _told(random.Random(f"case-{i}"), 1.0, told["governance"], fill)
    if own_plan:
        row["事项"] = "\n".join(filter(None, [row["事项"], own_plan.format(**fill)]))
    # next year's quota: one fewer, as many or one more than this year's, not never fewer (16 of 24 villages
    # planned exactly this year's: read as copied, 47th blind reading; 发展党员 is a year's amount,
    # metrics.yaml → 目标是: 新增, so fewer than this year is no slip)
    row["目标.发展党员"] = max(1, row["发展党员"] + rng.randint(0, 2) - 1)
    # next year's members come from this year's activists (metrics.yaml → 目标不超过): a village keeps at least
    # as many activists as it admits, and plans no more than it has
    row["入党积极分子"] = max(row["入党积极分子"], row["发展党员"])
    row["目标.发展党员"] = min(row["目标.发展党员"], row["入党积极分子"])
    # … and no more than a village of its size takes in a year (28 members planning 6 new ones read as 偏高:
    # fourteenth blind reading)
    row["目标.发展党员"] = min(row["目标.发展党员"], max(2, row["党员"] // 12))
    if row["储备后备干部"] != "":
        row["目标.储备后备干部"] = maybe(rng, 0.5, row["储备后备干部"] + rng.randint(1, 3))
    # A theme of one ticked practice and no figure makes an item of one sentence, and the generator warns
    # about it; a clerk told so fills in the figure. Drawn from a generator of its own, so the other cells
    # stay as they were (and after every draw of `rng`, for the same reason).
    extra = random.Random(f"figure-{i}")
    for theme, column, low, high in (("干部队伍", "储备后备干部", 2, 4), ("作风建设", "警示教育", 2, 4),
                                     ("党员队伍", "党员先锋岗", 3, 9)):
        ticked = [p for p in practices if p.startswith(theme + "：")]
        figures = [c for c in THEME_FIGURES[theme] if row[c] != ""]
        if len(ticked) == 1 and not figures:
            row[column] = extra.randint(low, high)
    return [row[h] for h in HEADERS]


# The figure columns of the themes that can end up with one practice and nothing else.
THEME_FIGURES = {"干部队伍": ["储备后备干部"], "作风建设": ["警示教育", "谈心谈话"],
                 "党员队伍": ["党员志愿服务队", "党员先锋岗", "结对帮扶", "亮点.党员队伍.事例"]}

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
    USED_INCOMES.clear()
    told = {"own": list(OWN_PROBLEMS), "industry": list(INDUSTRY), "governance": list(GOVERNANCE),
            "members": list(MEMBERS), "plans": list(PLANS)}
    return [village_row(rng, i, name, told) for i, name in enumerate(VILLAGES)]


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
