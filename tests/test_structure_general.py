"""The structure rules are the genre's, not the seeds': small bulletins in other shapes."""

from __future__ import annotations


from conftest import DATA
from healthdigest.reading import read_file
from healthdigest.structure import read_structure

BULLETINS = DATA / "bulletins"


def read(name):
    decoded = read_file(BULLETINS / name)
    return read_structure(decoded.text, path=name, encoding=decoded.encoding)


def shape(bulletin):
    return [(a.section, a.title, a.source) for a in bulletin.articles]


def test_square_section_markers_dotted_contents_and_source_prefix():
    b = read("newsletter_square_sections.txt")
    assert b.layout == "newsletter"
    assert shape(b) == [
        ("工作动态", "全市推进紧密型城市医疗集团建设", "市卫生健康委"),
        ("工作动态", "县级医院综合能力提升工程启动", "健康报"),
        ("经验交流", "某区家庭医生签约服务提质增效", "区卫生健康局"),
    ]
    assert [a.page for a in b.articles] == [1, 2, 3]


def test_masthead_with_issue_and_total_on_one_line_without_brackets():
    m = read("newsletter_square_sections.txt").metadata
    assert (m.title, m.number, m.total_number, m.date) == ("医改工作简报", 12, 108, "2023-11-20")
    assert m.publisher == ["某市深化医药卫生体制改革领导小组办公室"]


def test_newsletter_without_contents_is_split_at_titles():
    b = read("newsletter_no_contents.txt")
    assert shape(b) == [
        ("疫情防控", "春季传染病防控工作部署会召开", "省疾控中心"),
        ("疫情防控", "全省完成流感疫苗接种120万剂次", "健康时报"),
        ("基层动态", "某县建成村级健康小屋", "县卫生健康局"),
    ]
    assert b.metadata.publisher == ["某省疾病预防控制中心"]
    assert (b.metadata.number, b.metadata.date) == (5, "2024-04-08")


def test_gb18030_file_gives_the_same_structure():
    b = read("newsletter_gb18030.txt")
    assert b.encoding == "GB18030"
    assert shape(b) == shape(read("newsletter_no_contents.txt"))


def test_contents_that_disagree_with_the_body_are_reported():
    b = read("contents_disagrees.txt")
    assert [a.title for a in b.articles] == ["国家出台改善就医感受新举措", "某省推进检查检验结果互认", "某市开展基层中医药服务能力提升行动"]
    assert b.articles[1].source == "省医保局"
    assert any("not found in the body: 医疗服务价格改革试点扩围" in w for w in b.warnings)
    assert any("not listed in the contents: 某市开展基层中医药服务能力提升行动" in w for w in b.warnings)


def test_several_web_articles_in_one_file():
    b = read("web_several_articles.txt")
    assert b.layout == "web"
    assert shape(b) == [(None, "我省召开医疗保障工作会议", "省医疗保障局"), (None, "省卫生健康委部署冬春季疫情防控工作", "省卫生健康委")]
    reasons = {d.reason for d in b.dropped}
    assert {"repeated title", "site footer", "site navigation"} <= reasons
    assert all("版权所有" not in a.text for a in b.articles)


def test_dateline_ledes_and_column_heads_of_a_newspaper():
    b = read("newspaper_xinhua.txt")
    assert b.layout == "newspaper"
    assert [(a.section, a.title, a.byline) for a in b.articles] == [
        ("健康时评", "基层医疗服务能力持续提升", "记者 王某某"),
        ("健康时评", "医保基金监管持续加强", "记者 李某"),
        ("地方新闻", "某省启动智慧医院建设三年行动", "通讯员 张某"),
    ]


def test_compilation_with_dash_page_markers_and_wrapped_contents():
    b = read("compilation_dash_pages.txt")
    assert b.layout == "compilation"
    assert [(a.section, a.title, a.source, a.page) for a in b.articles] == [
        ("医保改革", "门诊共济保障机制改革成效初显", "中国医疗保险", 3),
        ("公立医院", "公立医院高质量发展评价指标发布", "健康报", 5),
    ]
    first = b.articles[0]
    assert first.abstract.startswith("职工医保门诊共济保障机制改革实施以来") and first.abstract.endswith("明显提高。")
    # Hard wraps are joined: the first paragraph is one paragraph, not three lines.
    assert first.paragraphs[0].text.endswith("最高支付限额逐步完善。")
    assert {d.reason for d in b.dropped} >= {"page marker", "navigation"}


def test_plain_news_text_stays_one_article():
    text = (
        "国家医保局：2024年医保目录调整工作启动\n\n"
        "国家医保局6月13日发布2024年国家基本医疗保险、生育保险和工伤保险药品目录调整工作方案。\n\n"
        "方案明确，今年目录调整将继续向罕见病患者、儿童等特殊人群倾斜。\n\n"
        "建设：调整程序更加规范\n\n"
        "今年调整分为准备、申报、专家评审、谈判、公布结果五个阶段。"
    )
    b = read_structure(text)
    assert b.layout == "plain"
    assert len(b.articles) == 1
    assert b.articles[0].title == "国家医保局：2024年医保目录调整工作启动"
    assert b.articles[0].subheadings == ["建设：调整程序更加规范"]


def test_an_abstract_alone_is_summarised_and_its_printed_keywords_kept_apart(settings):
    from healthdigest.pipeline import digest_bytes

    text = (
        "紧密型县域医共体建设的成效与挑战\n\n"
        "摘要：目的 分析紧密型县域医共体建设成效。方法 对某省12个县开展问卷调查和访谈。"
        "结果 医共体建设提升了基层服务能力，县域就诊率提高到90%。结论 应完善医保支付和人员激励机制。\n\n"
        "关键词：紧密型县域医共体；分级诊疗；基层医疗卫生服务\n"
    )
    bulletin = digest_bytes(text.encode(), name="abstract.txt", settings=settings)
    (article,) = bulletin.articles
    assert article.declared_keywords == ["紧密型县域医共体", "分级诊疗", "基层医疗卫生服务"]
    assert article.summary and article.summary[0].paragraph == -1
    assert article.keywords
    assert "关键词" not in article.text


def test_a_story_tail_placed_inside_another_story_is_moved_back():
    from healthdigest.pipeline import joins_words

    text = read_file(BULLETINS / "newspaper_moved_tail.txt").text
    b = read_structure(text, joins_words=joins_words)
    host, target = b.articles
    assert host.title == "甲市推进智慧医院建设" and target.title == "乙县开展居家护理服务"
    assert host.text.endswith("落实网络安全等级保护制度。")
    assert "为行动不便的老年患者提供上门护理服务" in target.text
    assert target.text.endswith("实现紧急情况一键呼救。")
    assert any("moved there from '甲市推进智慧医院建设'" in w for w in b.warnings)
    assert host.lines == (3, 7)


def test_a_story_that_merely_stops_mid_sentence_is_only_warned_about():
    text = read_file(BULLETINS / "newspaper_moved_tail.txt").text
    text = text.replace("者提供上门护理服务，今年已服务失能老人1200余人次，群众满意度达到96%。\n\n", "")
    text = text.replace("此外，乙县还为居家老人安装智能呼叫设备，实现紧急情况一键呼救。", "此外，甲市还将扩大互联网医院服务范围。")
    from healthdigest.pipeline import joins_words

    b = read_structure(text, joins_words=joins_words)
    host, target = b.articles
    assert host.text.endswith("扩大互联网医院服务范围。")  # no paragraph goes on with the cut sentence
    assert target.text.endswith("为行动不便的老年患")
    assert any("ends mid-sentence" in w for w in b.warnings)


def test_without_a_word_test_the_tail_stays_put_and_is_warned_about():
    """`segment` reads structure with no segmenter: the cut story is reported, not repaired."""
    b = read("newspaper_moved_tail.txt")
    host, target = b.articles
    assert "上门护理服务" in host.text
    assert any("ends mid-sentence" in w for w in b.warnings)


def test_a_missed_title_between_two_stories_is_warned_about():
    """A closing （source） with more story after it means a title was missed: say so."""
    text = (
        "卫生健康简讯\n\n第 3 期\n\n【地方动态】\n\n"
        "甲省推进紧密型县域医共体建设\n\n"
        "甲省卫生健康委日前印发通知，要求各县在年底前完成医共体牵头医院与成员单位的人财物统一管理，并将考核结果与医保支付挂钩。（甲省日报）\n\n"
        "乙市卫生健康委近日召开会议，部署今年社区卫生服务中心标准化建设，计划新建和改造二十个中心，提升基层首诊能力。（乙市晚报）\n"
    )
    b = read_structure(text)
    assert len(b.articles) == 1
    assert any("may hold two stories" in w and "line 9" in w for w in b.warnings)
