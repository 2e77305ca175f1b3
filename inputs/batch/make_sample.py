"""Make the sample batch table (villages.xlsx and the same as villages.csv) for 24 villages of 红柳镇.

Numbers are invented for the sample but realistic and varied; the seed keeps them reproducible.
Run: python inputs/batch/make_sample.py
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
VILLAGES = ["新沟村", "红柳村", "沙河村", "团结村", "五星村", "前进村", "光明村", "胜利村", "东湾村", "西湾村",
            "南滩村", "北坡村", "柳树沟村", "杨家庄村", "李家堡村", "王家台村", "马营村", "高崖村", "石门村",
            "三道沟村", "黄花滩村", "永丰村", "金川村", "和平村"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋"
GIVEN = ["建国", "秀兰", "志强", "玉梅", "文斌", "海燕", "永红", "国栋", "春花", "明亮", "德福", "桂英",
         "振华", "丽娟", "成林", "雪梅", "国庆", "红霞", "立新", "淑珍", "宏伟", "金花", "兴旺", "晓东"]
PROBLEMS = ["党员作用发挥不够", "集体经济薄弱", "干部能力不足", "组织生活质量不高", "后备干部不足",
            "党员教育管理不严", "基层治理能力不强", "创新意识不强", "精力投入不足", "理论学习不深"]
CAUSES = ["学习不够深入", "工作方法欠缺", "人才支撑不足", "思想认识不到位", "压力传导不到位",
          "调查研究不深", "创新意识不强", "统筹谋划不够"]
CROPS = ["向日葵", "马铃薯", "高原夏菜", "枸杞", "食用菌", "蜜瓜"]
HEADERS = ["单位", "姓名", "职务", "党员", "党小组", "集中学习", "讲党课", "发展党员", "入党积极分子", "主题党日",
           "党员志愿服务队", "结对帮扶", "村集体经济收入", "党建领办合作社", "带动就业", "化解矛盾纠纷",
           "四议两公开", "亮点.产业发展.事例", "问题", "原因", "目标.村集体经济收入", "目标.发展党员", "事项"]


def village_row(rng: random.Random, i: int, name: str) -> list:
    before = round(rng.uniform(3, 12), 1)
    after = round(before + rng.uniform(0.8, 6), 1)
    crop = rng.choice(CROPS)
    row = {
        "单位": name,
        "姓名": SURNAMES[i] + GIVEN[i],
        "职务": "党总支书记" if i % 7 == 3 else "",
        "党员": rng.randint(28, 96),
        "党小组": rng.randint(3, 8),
        "集中学习": rng.randint(10, 24),
        "讲党课": rng.randint(2, 6),
        "发展党员": rng.randint(1, 4),
        "入党积极分子": rng.randint(2, 6),
        "主题党日": 12,
        "党员志愿服务队": rng.choice(["", 1, 1, 2]),
        "结对帮扶": rng.choice(["", rng.randint(8, 40)]),
        "村集体经济收入": f"{before}→{after}",
        "党建领办合作社": rng.choice(["", 1, 1, 2]),
        "带动就业": rng.choice(["", rng.randint(20, 160)]),
        "化解矛盾纠纷": rng.randint(5, 40),
        "四议两公开": rng.choice(["", rng.randint(4, 15)]),
        "亮点.产业发展.事例": rng.choice([
            "", f"按照“党支部+合作社+农户”模式发展{crop}种植{rng.randint(3, 20) * 100}亩",
            f"盘活闲置校舍建成{crop}分拣车间，带动{rng.randint(10, 60)}户群众增收"]),
        "问题": "；".join(rng.sample(PROBLEMS, rng.randint(3, 4))),
        "原因": "；".join(rng.sample(CAUSES, 3)),
        "目标.村集体经济收入": round(after + rng.uniform(1, 5), 1),
        "目标.发展党员": 0,  # set below: never lower than this year's figure
        "事项": rng.choice(["", f"新建{crop}保鲜库1座，延长产业链条", "完成党群服务中心提升改造"]),
    }
    row["目标.发展党员"] = row["发展党员"] + rng.randint(0, 2)
    return [row[h] for h in HEADERS]


def main() -> None:
    import openpyxl

    rng = random.Random(2024)
    rows = [village_row(rng, i, name) for i, name in enumerate(VILLAGES)]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "各村数据"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([None if v == "" else v for v in row])
    book.properties.creator = "gen-report sample"
    book.save(HERE / "villages.xlsx")
    with open(HERE / "villages.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([HEADERS, *rows])


if __name__ == "__main__":
    main()
