"""Build the commented YAML a clerk fills in (`gen-report init`), from the schema and the catalogue.

Every field is present with a Chinese comment (meaning, unit, example); catalogue metrics are listed per
theme, commented out, so the clerk only removes `# ` and types a number. `--from` carries last year's
names over and shows last year's targets next to this year's facts.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .levels import is_town
from .catalogue import Catalogue, Metric
from .facts import format_number
from .width import columns

SCHEMA_FILE = "gen-report.schema.json"
_EXAMPLE = {"名": 12, "人": 60, "人次": 120, "个": 3, "次": 4, "场次": 6, "期": 2, "件": 20, "户": 15, "支": 2,
            "座": 1, "份": 15, "项": 5, "条": 8, "处": 3, "篇": 5, "万元": 12.5, "亩": 500, "公里": 3.5,
            "%": 85, "岁": 45.6}

_HEADER = """\
# yaml-language-server: $schema=./{schema}
#
# {year}年度抓基层党建工作述职报告 —— 输入文件
#
# 怎么填：
#   1. 冒号用英文半角“: ”，冒号后面空一格；缩进用空格（每层两个），不要用 Tab 键。
#   2. 数字用阿拉伯数字，只写数字即可（单位会自动加上）；写“12名”也可以。
#   3. 下面以“# ”开头的行是注释或备选项：需要哪一项，就删掉行首的“# ”（连同空格），再填上数字。
#      主题那一行（如“组织建设:”）也要删掉“# ”。没有的数据保持注释即可，不要写 X、*、某某。
#   4. 填好后运行：gen-report {file}
#   5. 查看所有可写的指标：gen-report metrics；问题和原因的名称：gen-report metrics 问题 / 原因
#   6. “做法”只写本单位确实做过的（可选的名称：gen-report metrics 做法）；报告里“做了什么”只来自这里和“事例”。
"""


def example_value(unit: str) -> str:
    """Return a plausible example figure for `unit` (only ever shown in comments and help)."""
    return format_number(_EXAMPLE.get(unit, 10))


def example_sentence(metric: Metric, render) -> str:
    """Return the metric's first wording filled with an example figure, e.g. `发展党员12名`."""
    value = example_value(metric.unit)
    params = {p: "10" for p in metric.params}
    return render(metric.phrases[0], {"数量": f"{value}{metric.unit}", "数": value, "单位": metric.unit,
                                      **params})


def _titles(level: str) -> dict:
    """The level's 称谓 (bank/称谓.yaml): its default post and the body it reports to."""
    from .bank import load_bank

    return load_bank().get("称谓", level)


def starter_yaml(cat: Catalogue, *, year: int, level: str, file_name: str,
                 last: Mapping[str, Any] | None = None, last_path: str | None = None) -> str:
    """Return the text of a fresh input file for `year` and `level`, optionally seeded from `last`."""
    last = last or {}
    lines = [_HEADER.format(schema=SCHEMA_FILE, year=year, file=file_name), "格式版本: 1", ""]
    lines += _report_section(year, level, last.get("报告") or {}, last_path)
    lines += _overview_section(cat, level, last.get("基本情况") or {})
    lines += _highlights_section(cat, level, (last.get("措施") or {}).get("目标") or {})
    lines += _problems_section(cat, last.get("问题") or [])
    lines += _measures_section(year, last.get("措施") or {})
    return "\n".join(lines)


def _report_section(year: int, level: str, last_report: Mapping[str, Any], last_path: str | None) -> list[str]:
    town = is_town(level)
    titles = _titles(level)
    lines = ["报告:"]
    report_fields = [
        ("年度", str(year), "述职的年度，四位数字"),
        ("单位", last_report.get("单位", ""), "名称，例如 " + ("石桥镇" if town else "杏花村")),
        ("层级", level, "镇、乡、街道、村 或 社区（决定“镇党委/全镇”“村党支部/全村”等称谓）"),
        ("职务", last_report.get("职务", titles.get("默认职务", "")), "例如 党委书记、党工委书记、党支部书记"),
        ("姓名", last_report.get("姓名", ""), "述职人姓名"),
        ("日期", "", f"落款日期，年-月-日，例如 {year + 1}-01-10"),
        ("上级", last_report.get("上级", titles.get("默认上级", "")), "向谁述职：县委、区委；村写 镇党委，社区写 街道党工委"),
    ]
    if not town or last_report.get("所属镇"):
        report_fields.append(("所属镇", last_report.get("所属镇", ""), "所属的镇（乡、街道），例如 石桥镇"))
    if last_path:
        report_fields.append(("上年", last_path, "去年的输入文件：报告会对照去年的目标写完成情况、写去年问题的整改"))
    lines += [_field(key, value, comment) for key, value, comment in report_fields]
    for key, comment in (("党组织", "可选：党组织全称，如 杏花村党总支（不写则自动推出）"),
                         ("主题", "可选：全年工作主题，例如 党建引领乡村振兴"),
                         ("品牌", "可选：党建品牌名称，例如 石桥红"),
                         ("品牌含义", "可选：一句话说明品牌的意思（只写名字的品牌不写进报告）"),
                         ("风格", "可选：写法换一种时填 1、2、3……（先用 gen-report preview --style N 试看）")):
        if last_report.get(key):
            lines.append(_field(key, last_report[key], comment))
        else:
            lines.append(f"  # {key}:{' ' * max(1, 22 - 2 * len(key))}# {comment}")
    if last_report.get("本地提法"):
        lines.append("  本地提法:")
        lines += [f"    - {{名称: {t.get('名称', '')}, 含义: {t.get('含义', '')}}}" for t in last_report["本地提法"]
                  if isinstance(t, dict)]
    else:
        lines.append("  # 本地提法:                  # 可选：本单位自己的工作提法，开头、相关条目和打算里会前后呼应")
        lines.append("  #   - {名称: 四抓两整治, 含义: 抓班子、抓队伍、抓阵地、抓服务，整治软弱涣散、整治违规违纪}")
    return lines


def _overview_section(cat: Catalogue, level: str, overview_last: Mapping[str, Any]) -> list[str]:
    lines = ["", "基本情况:                    # 可选：写在开头的概况（删掉需要的行首的“# ”）"]
    if overview_last:
        lines.append("  # 去年的基本情况（核对今年的数字后，删掉行首的“# ”）：")
        lines += [f"  # {k}: {v}" for k, v in overview_last.items() if k != "其他"]
    return lines + _metric_lines([m for m in cat.metrics["基本情况"] if level in m.levels], indent="  ")


def _highlights_section(cat: Catalogue, level: str, targets_last: Mapping[str, Any]) -> list[str]:
    lines = ["", "亮点:                        # 按主题填写，每个主题成为第一部分的一条"]
    for theme in cat.themes:
        lines.append(f"  # {theme}:")
        carried = _last_targets_for(cat, theme, targets_last)
        if carried:
            lines.append("  #   （去年定的目标：" + "；".join(carried) + "）")
        names = [p.key for p in cat.practices.get(theme, ()) if cat.fits_level(p, level)]
        lines.append("  #   做法:                    # 本单位确实做过的，写成 [名称, 名称]，或 {自述: 自己的说法}")
        for i in range(0, len(names), 6):
            lines.append("  #     # 可选：" + "、".join(names[i:i + 6]))
        lines += _metric_lines([m for m in cat.metrics[theme] if level in m.levels], indent="  #   ",
                               commented=False)
        lines.append("  #   事例:                    # 一件具体的事（原样写进报告），每条一行，以“- ”开头")
        lines.append("  #     - ")
        # The example stays inside the comment: uncommenting this line gives an empty 其他, never a fact.
        lines.append("  #   其他:                    # 目录里没有的数据，每项一行：- {名称: …, 数值: …, 单位: …}")
    return lines


def _problems_section(cat: Catalogue, problems_last: list) -> list[str]:
    lines = ["", "问题:                        # 至少三条。词库名称见 gen-report metrics 问题；自己写的用 {自述: …}"]
    lines += [f"  # - {kind.key}" for kind in list(cat.problems.values())[:3]]
    lines.append("  # - {自述: 自己写的一句话, 表现: 具体表现, 主题: 产业发展, 简称: 五六个字的短名称}"
                 "   # 表现、主题、简称可选；简称是第三部分点这个问题时用的名字")
    if problems_last:
        lines += ["", "整改:                        # 去年查摆的问题整改得怎样：每条移到“已完成”或“持续推进”下",
                  "  已完成:", "  持续推进:"]
        for item in problems_last:
            name = item.get("自述", "") if isinstance(item, Mapping) else str(item)
            lines.append(f"    # - {str(name).split('，')[0]}")
    lines += ["", "原因:                        # 词库名称见 gen-report metrics 原因；自己写的用 {自述: …}"]
    return lines + [f"  # - {kind.key}" for kind in list(cat.causes.values())[:3]]


def _measures_section(year: int, measures_last: Mapping[str, Any]) -> list[str]:
    targets_last = measures_last.get("目标") or {}
    lines = ["", f"措施:                        # 下一年（{year + 1}年）的打算", "  目标:                      "
             "# 下一年要达到的数字，名称同“亮点”里的指标"]
    if targets_last:
        lines.append(f"    # 去年定的{year}年目标（对照今年实际完成情况填写“亮点”，再定{year + 1}年的目标）：")
        lines += [f"    # {key}: {value}" for key, value in targets_last.items()]
    else:
        lines.append("    # 发展党员:                # 单位：名")
    lines += ["  事项:                      # 下一年的具体打算，原样写进第三部分，每条一行；"
              "用上它针对的问题或原因里的词（问题说“没有冷库”，就写“建一座冷库”），报告会把它放在那个问题后面"]
    tasks_last = measures_last.get("事项") or []
    if tasks_last:
        lines.append(f"    # 去年定的{year}年事项（办成了的写进“亮点”的事例；还要接着办的写在这里）：")
        lines += [f"    # - {t}" for t in tasks_last]
    return lines + ["    # - ", "  # 思路:                    # 可选：第三部分开头的一句总体思路", ""]


def _field(key: str, value: Any, comment: str) -> str:
    text = f"  {key}: {value}" if value not in ("", None) else f"  {key}:"
    return f"{text}{' ' * max(1, 29 - columns(text))}# {comment}"


def _metric_lines(metrics, indent: str, commented: bool = True) -> list[str]:
    out = []
    for m in metrics:
        key = m.key.replace("{门槛}", "10")
        prefix = f"{indent}# " if commented else indent
        # No example figure in the value: an uncommented line left unfilled is skipped with a
        # warning, never turned into an invented fact.
        text = f"{prefix}{key}:"
        note = f"单位：{m.unit}，例如 {example_value(m.unit)}" + \
            ("；也可写 {从: 原来, 到: 现在}" if m.change_phrases else "")
        if m.params:
            note += "；键里的 10 是门槛，可改"
        out.append(f"{text}{' ' * max(1, 40 - columns(text))}# {note}")
    return out


def _last_targets_for(cat: Catalogue, theme: str, targets: Mapping[str, Any]) -> list[str]:
    found = []
    for key, value in targets.items():
        hit = cat.lookup_any(str(key))
        if hit and hit[0].theme == theme:
            found.append(f"{key} {value}")
    return found


def default_year(today: dt.date | None = None) -> int:
    """Return the year a report written today is about: this year from October, else last year."""
    today = today or dt.date.today()
    return today.year if today.month >= 10 else today.year - 1
