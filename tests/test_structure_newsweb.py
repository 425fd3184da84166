"""Newspaper pages, web pages, CMS dumps and Markdown: documents of our own in other shapes, and
variants built at test time from the real corpus files (skipped when ../shared is absent)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import CORPUS, DATA
from healthdigest.reading import read_file
from healthdigest.structure import read_structure
from healthdigest.textutil import fold, normalize_line

BULLETINS = DATA / "bulletins"


def read(name):
    decoded = read_file(BULLETINS / name)
    return read_structure(decoded.text, path=name, encoding=decoded.encoding)


def corpus(prefix: str) -> tuple[str, dict]:
    """A corpus document's text and gold structure."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    txt = next(CORPUS.glob(prefix + "_*.txt"))
    return txt.read_text(encoding="utf-8"), yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8"))


def titles(bulletin) -> list[str]:
    return [fold(a.title or "") for a in bulletin.articles]


def gold_titles(gold) -> list[str]:
    return [fold(a["title"]) for a in gold["articles"]]


def every_line_has_a_role(text, bulletin) -> bool:
    nonblank = {i for i, line in enumerate(re.split(r"\r\n|\r|\n", text), 1) if normalize_line(line)}
    return set(bulletin.line_roles) == nonblank


# --- our own documents ---------------------------------------------------------------------


def test_newspaper_headline_groups_tags_sidebar_and_brief_column():
    b = read("newspaper_headline_groups.txt")
    assert b.layout == "newspaper"
    assert [(a.section, a.title) for a in b.articles] == [
        ("基层卫生", "让村民在家门口看好病"),
        ("链接", "全国村卫生室已超过58万个"),
        ("健康课堂", "守护好老年人的“舌尖安全”"),
        ("健康快讯", "某市启用急救信息平台"),
        ("健康快讯", "全民健身指南读本出版"),
        ("健康快讯", "某省启动儿童近视防控月活动"),
    ]
    kicker_lines = {d.text for d in b.dropped if d.reason.startswith("引题")}
    assert kicker_lines == {"乡村医生队伍持续壮大，村卫生室服务能力明显提升", "——来自中部某省的调查"}
    assert every_line_has_a_role((BULLETINS / "newspaper_headline_groups.txt").read_text(encoding="utf-8"), b)


def test_newspaper_notes_decks_and_credits_are_not_body():
    b = read("newspaper_headline_groups.txt")
    lead, sidebar, column, *briefs = b.articles
    assert lead.abstract.startswith("近年来，某省持续加强村级医疗卫生机构建设")
    assert "编" not in lead.text.splitlines()[-1]  # the "——编  者" signature is no paragraph
    assert column.abstract == "老年人消化功能减弱，饮食宜清淡、易消化。剩饭剩菜应冷藏保存，再次食用前要彻底加热"
    assert column.byline == "作者为某市疾病预防控制中心主任医师" and "作者为" not in column.text
    assert sidebar.byline == "李明整理" and "整理" not in sidebar.text
    assert [a.byline for a in briefs] == ["王小红", "赵 杰", "陈 静"]
    assert all(a.text.startswith(("本报电", "本报讯")) for a in briefs)


def test_newspaper_page_without_indents_keeps_tagged_headlines_and_briefs():
    text = (BULLETINS / "newspaper_headline_groups.txt").read_text(encoding="utf-8")
    flat = "\n".join(line.strip("\u3000 ") for line in text.splitlines())
    b = read_structure(flat)
    assert b.layout == "newspaper"
    assert [(a.section, a.title) for a in b.articles] == [
        (a.section, a.title) for a in read("newspaper_headline_groups.txt").articles
    ]


def test_web_page_with_one_crumb_a_line_and_an_index_table():
    b = read("web_crumb_lines_index_table.txt")
    assert b.layout == "web"
    assert titles(b) == [fold("关于做好2024年春季呼吸道传染病防控工作的通知")]
    m = b.metadata
    # The page's 发布日期 is its date, not the document's 成文日期.
    assert (m.issue, m.date, m.publisher) == ("某卫疾控函〔2024〕15号", "2024-03-05", ["某省卫生健康委员会"])
    art = b.articles[0]
    assert art.source == "疾病预防控制处"
    assert art.text.startswith("各市卫生健康委，委直属各单位：")
    assert art.text.endswith("加强儿科诊疗力量。")  # signature, date, 此件公开发布 and 附件 are not body
    assert {d.text for d in b.dropped if d.reason == "site navigation"} == {"首页", "政务公开", "通知公告"}


def test_cms_dump_of_three_posts_with_different_metadata_lines():
    b = read("cms_three_posts.txt")
    assert b.layout == "web"
    assert [(a.title, a.source, a.byline) for a in b.articles] == [
        ("社区卫生服务中心延长门诊时间", None, "综合科"),
        ("家庭医生签约服务再扩面", "区卫生健康委", None),
        ("夏季食品安全提示", None, "疾控中心"),
    ]
    assert b.articles[1].text.startswith("今年全区将重点") and b.articles[1].text.endswith("每季度至少随访一次。")


def test_markdown_front_matter_and_heading_levels():
    b = read("markdown_front_matter.md")
    assert b.layout == "markdown"
    m = b.metadata
    assert (m.title, m.date, m.author) == ("区卫生健康工作简报", "2024-05-20", "区卫生健康委办公室")
    assert [a.title for a in b.articles] == ["医共体建设取得新进展", "老年健康服务持续加强", "疫苗接种门诊调整开放时间"]
    first = b.articles[0]
    assert [p.text for p in first.paragraphs if p.kind == "subheading"] == ["检查结果互认"]
    assert "详情见互认目录。" in first.text and "https" not in first.text
    assert b.articles[1].text.endswith("推动医养结合机构建设。")
    assert [d.reason for d in b.dropped] == ["Markdown rule"]


def test_markdown_marks_are_not_text():
    text = "# 健康提示\n\n- 多喝水，*少熬夜*\n\n> 出现发热症状请及时就医，详见`发热门诊`名单。\n\n1. 第一项保持编号\n"
    b = read_structure(text)
    assert (b.layout, [a.title for a in b.articles]) == ("markdown", ["健康提示"])  # one heading opening the file
    assert [p.text for p in b.articles[0].paragraphs] == [
        "多喝水，少熬夜",
        "出现发热症状请及时就医，详见发热门诊名单。",
        "1.第一项保持编号",
    ]


def test_markdown_without_headings_is_one_article_named_by_its_front_matter():
    text = "---\ntitle: 夏季防暑提示\ndate: 2024-07-01\n---\n\n高温天气要减少午后外出，注意补充水分。\n\n老年人和儿童应避免长时间户外活动。\n"
    b = read_structure(text)
    assert b.layout == "markdown"
    assert [a.title for a in b.articles] == ["夏季防暑提示"]
    assert b.metadata.date == "2024-07-01"
    assert b.articles[0].text.startswith("高温天气")


# --- variants built from the corpus ---------------------------------------------------------


@pytest.mark.parametrize("page", ["D11", "D12", "D13", "D14"])
def test_newspaper_page_without_paragraph_indents(page):
    """Headline groups found by the blank lines between stories, tags and briefs by their text."""
    text, gold = corpus(page)
    flat = "\n".join(line.strip("\u3000 \u00a0") for line in text.splitlines())
    b = read_structure(flat)
    assert titles(b) == gold_titles(gold)
    assert [a.section for a in b.articles] == [g["section"] for g in gold["articles"]]


def test_newspaper_subtitle_under_each_headline_leaves_the_title():
    text, gold = corpus("D13")
    lines = []
    for line in text.splitlines():
        lines.append(line)
        if line.endswith("）") and not line.startswith("\u3000"):
            lines.append("——记者走访见闻")
    b = read_structure("\n".join(lines))
    assert titles(b) == gold_titles(gold)
    assert sum(d.text == "——记者走访见闻" for d in b.dropped) == len(gold["articles"])


def test_two_newspaper_pages_in_one_file():
    a_text, a_gold = corpus("D11")
    b_text, b_gold = corpus("D13")
    b = read_structure(a_text + "\n\n\n" + b_text)
    assert titles(b) == gold_titles(a_gold) + gold_titles(b_gold)


def test_web_breadcrumb_one_crumb_a_line():
    text, gold = corpus("D21")
    first, rest = text.split("\n", 1)
    crumbs = first.split()
    title = gold["articles"][0]["title"]
    crumb_lines = [c for c in crumbs if c not in title.split()]
    b = read_structure("\n".join(crumb_lines) + "\n" + rest)
    assert titles(b) == gold_titles(gold)
    assert {d.text for d in b.dropped if d.reason == "site navigation"} == set(crumb_lines)
    assert b.metadata.date == str(gold["bulletin"]["date"])


def test_web_date_and_source_on_lines_of_their_own():
    text, gold = corpus("D16")
    split = re.sub(r"^(\d{4}-\d{2}-\d{2}\s[\d:]+)\s(来源：.+)$", r"\1\n\n\2", text, flags=re.M)
    assert split != text
    b = read_structure(split)
    assert titles(b) == gold_titles(gold)
    assert b.metadata.date == str(gold["bulletin"]["date"])
    assert b.articles[0].source == gold["articles"][0]["source"]


def test_cms_dump_of_two_portal_pages():
    a_text, a_gold = corpus("D21")
    b_text, b_gold = corpus("D22")
    b = read_structure(a_text + "\n\n" + b_text)
    assert titles(b) == gold_titles(a_gold) + gold_titles(b_gold)
    for art, want in zip(b.articles, a_gold["articles"] + b_gold["articles"], strict=True):
        assert fold(art.text).endswith(fold(want["last"])[-12:])


def test_web_article_saved_as_markdown_with_front_matter():
    text, gold = corpus("D16")
    body = text.split("\n", 3)[3]  # headline and date line go into the front matter
    title = gold["articles"][0]["title"]
    md = f"---\ntitle: {title}\ndate: {gold['bulletin']['date']}\nauthor: 中新网\n---\n\n# {title}\n\n{body}"
    b = read_structure(md)
    assert b.layout == "markdown"
    assert titles(b) == gold_titles(gold)
    assert (b.metadata.title, b.metadata.date) == (title, str(gold["bulletin"]["date"]))
    assert fold(b.articles[0].text).startswith(fold(gold["articles"][0]["first"])[:12])


def test_web_source_credit_inside_a_story_opens_no_article():
    text = (
        "我市居民健康素养水平持续提升\n\n发布时间：2024-08-01 来源：市卫生健康委\n\n【字体：大 中 小】【打印】【关闭】\n\n"
        "市卫生健康委日前发布监测结果，全市居民健康素养水平达到31.2%，比上年提高2.1个百分点。\n\n"
        "各年龄段健康素养水平\n\n来源：市健康教育所\n\n"
        "监测显示，青年人的健康素养水平最高，老年人仍需重点关注。\n"
    )
    b = read_structure(text)
    assert [a.title for a in b.articles] == ["我市居民健康素养水平持续提升"]
    art = b.articles[0]
    assert art.source == "市卫生健康委"
    assert art.text.startswith("市卫生健康委日前发布") and art.text.endswith("老年人仍需重点关注。")
    assert any(d.reason == "page furniture (button)" for d in b.dropped)


def test_notice_reposted_on_a_company_site_with_a_closing_menu():
    text = (
        "2023.06.12\n\n某省卫生健康委关于开展医疗质量安全提升行动的通知\n\n某卫医函〔2023〕45号\n\n"
        "各市卫生健康委，委直属各医院：\n"
        "\u3000\u3000为进一步提升医疗质量安全水平，决定在全省开展医疗质量安全提升行动，请结合实际认真组织实施。\n"
        "\u3000\u3000联系人：医政处 张某\n\n某省卫生健康委员会\n2023年6月1日\n\n"
        "\u3000\u3000附件：医疗质量安全提升行动方案\n\n来源：某省卫生健康委\n\n"
        + "".join(f"-   {w}\n" for w in ("公司首页", "关于我们", "产品中心", "新闻动态", "联系我们", "在线留言"))
    )
    b = read_structure(text)
    assert b.layout == "web"
    assert [a.title for a in b.articles] == ["某省卫生健康委关于开展医疗质量安全提升行动的通知"]
    m = b.metadata
    assert (m.issue, m.date) == ("某卫医函〔2023〕45号", "2023-06-12")  # the page's date, not the notice's
    art = b.articles[0]
    assert art.text.startswith("各市卫生健康委，委直属各医院：") and art.text.endswith("联系人：医政处 张某")
    assert art.source == "某省卫生健康委"
    assert sum(d.reason == "site menu" for d in b.dropped) == 6
    assert every_line_has_a_role(text, b)
    # The menu and the 附件 line are left out by design: no warning that text went missing.
    assert not [w for w in b.warnings if "outside every article" in w]


def test_newspaper_stories_opened_by_reporter_lines_and_closed_by_photo_credits():
    text = (
        "社区医院让看病更方便\n本报记者 王明 李华\n"
        "近日，记者走访了某市多家社区医院，发现不少居民已经习惯在家门口看病、配药和做检查。\n"
        "社区医院负责人介绍，今年新增了康复科和口腔科，日门诊量比去年增加了三成。\n"
        "新华社记者 李某 摄\n"
        "乡村振兴离不开健康保障\n本报记者 赵强\n"
        "在某县，县乡村三级医疗卫生服务网络不断完善，村民小病不出村、大病不出县的目标正在变成现实。\n"
    )
    b = read_structure(text)
    assert b.layout == "newspaper"
    assert [(a.title, a.byline) for a in b.articles] == [
        ("社区医院让看病更方便", "本报记者 王明 李华 新华社记者 李某"),
        ("乡村振兴离不开健康保障", "本报记者 赵强"),
    ]
    assert b.articles[0].text.endswith("增加了三成。")


def test_web_article_with_end_mark_editor_and_related_links():
    b = read("web_related_links.txt")
    assert b.layout == "web"
    assert [(a.title, a.source, a.byline) for a in b.articles] == [
        ("国家卫生健康委部署夏季爱国卫生运动", "新华网", "张三")
    ]
    assert b.metadata.date == "2024-05-01"
    art = b.articles[0]
    assert art.text.startswith("新华社北京5月1日电") and art.text.endswith("做好登革热等虫媒传染病防控。")
    reasons = {d.text: d.reason for d in b.dropped}
    assert reasons["（完）"] == "end of story mark"
    assert [t for t, r in reasons.items() if r == "related links"][0] == "相关文章"
    assert sum(r == "related links" for r in reasons.values()) == 4


def test_reposted_newspaper_story_names_its_paper_and_page_credits_are_no_text():
    text = (
        "医保服务更便捷\n\n"
        "本报北京1月31日电（记者李某）国家医保局日前发布通知，进一步简化异地就医备案手续，参保人可通过手机办理。\n\n"
        "《 人民日报 》（ 2024年02月01日 13 版）\n\n本版责编：王某 版式设计：张某\n\n分享\n"
    )
    b = read_structure(text)
    assert b.layout == "web"
    art = b.articles[0]
    assert (art.title, art.source) == ("医保服务更便捷", "人民日报")
    assert art.text.endswith("参保人可通过手机办理。")
    assert {d.text: d.reason for d in b.dropped}["本版责编：王某 版式设计：张某"] == "page credits"


def test_untagged_headline_group_of_three_lines_takes_the_middle_as_title():
    text, gold = corpus("D14")
    varied = text.replace("入股牛犊子 过上好日子\n", "入股牛犊子 过上好日子\n平武县阳南村的集体经济之路\n")
    assert varied != text
    b = read_structure(varied)
    assert titles(b) == gold_titles(gold)
    assert "平武县阳南村的集体经济之路" in {d.text for d in b.dropped if d.reason.startswith("引题")}


def test_page_title_with_the_site_name_is_not_the_headline():
    text, gold = corpus("D16")
    title = gold["articles"][0]["title"]
    b = read_structure(f"{title}_中新网\n\n{text}")
    assert titles(b) == gold_titles(gold)
    assert {d.text: d.reason for d in b.dropped}[f"{title}_中新网"].startswith("page title")


def test_a_date_over_the_headline_marks_a_web_page():
    text = (
        "2024.03.12\n\n某市卫生健康委关于开展春季健康义诊活动的通知\n\n各区卫生健康局，委属各医院：\n\n"
        "为方便群众就医，决定于3月下旬开展春季健康义诊活动，请各单位认真组织。\n\n某市卫生健康委员会\n\n2024年3月8日\n"
    )
    b = read_structure(text)
    assert b.layout == "web"
    assert b.metadata.date == "2024-03-12"  # the page's date, not the notice's
    assert b.articles[0].text.startswith("各区卫生健康局，委属各医院：")
    assert b.articles[0].text.endswith("请各单位认真组织。")
