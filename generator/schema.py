"""The shape of an input file, as pydantic models with the Chinese keys a clerk types.

Attributes are English for the code; aliases are the Chinese keys; titles and descriptions are Chinese so
that `gen-report schema` gives editors completion and hover help. Theme contents (metric names) are open
mappings here and are checked against the metrics catalogue in `validate.py`, which knows the catalogue.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictStr

FORMAT_VERSION: Literal[1] = 1

MetricInput = Union[int, float, str, dict]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False, frozen=True,
                              str_strip_whitespace=True)


class LocalTerm(_Model):
    """本地提法：本单位自己的工作提法，写名称和一句含义。"""

    name: StrictStr = Field(alias="名称", min_length=2, max_length=20, title="名称",
                            description="例如 四抓两整治、三单制、一圈七带")
    meaning: StrictStr | None = Field(None, alias="含义", max_length=80, title="含义",
                                      description="一句话说明它指什么，例如 抓班子、抓队伍、抓阵地、抓服务，整治软弱涣散、整治违规违纪")


class ReportInfo(_Model):
    """报告：谁、哪一年、向谁述职。"""

    year: int = Field(alias="年度", ge=2000, le=2100, title="年度",
                      description="述职的年度，四位数字，例如 2024")
    unit: StrictStr = Field(alias="单位", min_length=1, max_length=30, title="单位",
                            description="镇或村的名称，例如 红柳镇、新沟村")
    level: Literal["镇", "乡", "街道", "村", "社区"] = Field(
        alias="层级", title="层级",
        description="镇、乡、街道（镇级），或 村、社区（村级）；决定用“镇党委/全镇”“村党支部/全村”等称谓")
    post: StrictStr = Field(alias="职务", min_length=1, max_length=30, title="职务",
                            description="例如 党委书记、党支部书记、党总支书记")
    name: StrictStr | None = Field(None, alias="姓名", max_length=20, title="姓名",
                                   description="述职人姓名；不填时落款处标出【待补充】")
    date: dt.date | None = Field(None, alias="日期", title="日期",
                                 description="落款日期，例如 2024-12-20；不填时标出【待补充】")
    superior: StrictStr | None = Field(None, alias="上级", max_length=30, title="上级党委",
                                       description="例如 县委、区委、市委；村可写 镇党委")
    org: StrictStr | None = Field(None, alias="党组织", max_length=40, title="党组织全称",
                                  description="可选。默认由单位和层级推出（红柳镇党委、新沟村党支部），"
                                              "党总支等请在这里写全称，例如 新沟村党总支")
    town: StrictStr | None = Field(None, alias="所属镇", max_length=30, title="所属镇",
                                   description="村填写所属的镇，例如 红柳镇")
    theme: StrictStr | None = Field(None, alias="主题", max_length=40, title="工作主题",
                                    description="可选，例如 党建引领乡村振兴")
    brand: StrictStr | None = Field(None, alias="品牌", max_length=40, title="党建品牌",
                                    description="可选，例如 石桥红")
    brand_meaning: StrictStr | None = Field(None, alias="品牌含义", max_length=80, title="品牌含义",
                                            description="可选：一句话说明品牌的意思，例如 红色引领、石桥同心")
    local: list[LocalTerm] | None = Field(None, alias="本地提法", max_length=3, title="本地提法",
                                          description="可选：本单位自己的工作提法（至多 3 个），报告会在开头、相关"
                                                      "条目和下一步打算里前后呼应地写到")
    style: int | None = Field(None, alias="风格", ge=1, le=999, title="写法风格",
                              description="可选：草稿的写法（第一部分怎么分层、小标题句式、语体等）用第几种，"
                                          "不填时按单位名称定（同一单位年年相同）；想换一种写法时填一个数字，"
                                          "可先用 gen-report preview --style N 试看")
    last: StrictStr | None = Field(None, alias="上年", max_length=260, title="上年的输入文件",
                                   description="可选：去年用本工具时的输入文件，相对本文件所在文件夹，例如 2025.yaml。"
                                               "写了以后，报告会对照去年的目标写完成情况，并写去年问题的整改")


class FreeMetric(_Model):
    """目录里没有的数据：写明名称、数值和单位。"""

    name: StrictStr = Field(alias="名称", min_length=1, max_length=40, title="名称",
                            description="动宾短语，例如 建成党员活动阵地")
    value: Union[int, float] = Field(alias="数值", title="数值", description="阿拉伯数字")
    unit: StrictStr = Field(alias="单位", min_length=1, max_length=6, title="单位",
                            description="例如 个、名、次、万元")


class OwnText(_Model):
    """自己写的一条问题、原因或措施，原样写进报告。"""

    text: StrictStr = Field(alias="自述", min_length=2, max_length=500, title="自述",
                            description="自己写的一句或几句话，原样写进报告")
    detail: StrictStr | None = Field(None, alias="表现", max_length=500, title="表现",
                                     description="可选：具体表现或展开的一两句话，写在自述后面")
    theme: StrictStr | None = Field(None, alias="主题", title="所属主题",
                                    description="可选：这条问题属于哪个主题（如 产业发展），"
                                                "第三部分会针对它写措施")
    name: StrictStr | None = Field(None, alias="简称", max_length=30, title="简称",
                                   description="可选：第三部分提到这条问题时用的短名称，如 虾苗外购、利润外流")


Item = Union[StrictStr, OwnText]


class Rectified(_Model):
    """去年的一条问题，连同它是怎么整改的（已完成：做法）或整改到了哪一步（持续推进：进展）。"""

    problem: StrictStr = Field(alias="问题", min_length=1, max_length=100, title="问题",
                               description="去年问题的名称，或去年自述的开头几个字")
    how: StrictStr | None = Field(None, alias="做法", min_length=2, max_length=300, title="做法",
                                  description="已完成的：怎么整改的，一两句话，原样写进报告")
    progress: StrictStr | None = Field(None, alias="进展", min_length=2, max_length=300, title="进展",
                                       description="持续推进的：做到了哪一步、还差什么，一两句话，原样写进报告")


class Measures(_Model):
    """措施：下一年的目标和打算。"""

    targets: dict[str, Any] = Field(default_factory=dict, alias="目标", title="目标",
                                    description="下一年要达到的数字，键为指标名称（见 gen-report metrics）")
    tasks: list[StrictStr] = Field(default_factory=list, alias="事项", title="重点事项",
                                   description="下一年的具体打算，原样写进第三部分")
    idea: StrictStr | None = Field(None, alias="思路", max_length=300, title="总体思路",
                                   description="可选，第三部分开头的一句总体思路")


class InputFile(_Model):
    """一份述职报告的输入。"""

    version: Literal[1] = Field(FORMAT_VERSION, alias="格式版本", title="格式版本",
                                description="固定写 1")
    report: ReportInfo = Field(alias="报告", title="报告")
    overview: dict[str, Any] = Field(default_factory=dict, alias="基本情况", title="基本情况",
                                     description="可选：党组织数、党员数等，写在开头")
    highlights: dict[str, dict[str, Any]] = Field(default_factory=dict, alias="亮点", title="亮点",
                                                  description="按主题填写的数据和事例")
    problems: list[Item] = Field(default_factory=list, alias="问题", title="存在的问题",
                                 description="问题名称（见 gen-report metrics 问题）或 {自述: …}")
    causes: list[Item] = Field(default_factory=list, alias="原因", title="问题的原因",
                               description="原因名称或 {自述: …}")
    # (mypy without pydantic's plugin cannot see that Measures() takes no arguments: every field has a default)
    measures: Measures = Field(default_factory=Measures, alias="措施", title="下一步措施")  # type: ignore[arg-type]
    rectify: dict[Literal["已完成", "持续推进"], list[StrictStr | Rectified]] = Field(
        default_factory=dict, alias="整改", title="上年问题的整改",
        description="去年查摆的问题，整改完成的写在“已完成”下，还在整改的写在“持续推进”下（有“上年”时写问题名称或去年自述的"
                    "开头几个字，从去年的文件里对照；没有时照原话写进报告）；要写怎么整改的，写成 {问题: …, 做法: …}（已完成）或 {问题: …, 进展: …}（持续推进）")
