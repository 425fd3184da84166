"""Newsletters, compilations, newspaper pages, web pages and Markdown in shapes the corpus does
not have: documents of our own in tests/data/bulletins, and small variants of each rule built
here in a second shape, so that no rule stands on one document."""

from __future__ import annotations

import re

from conftest import DATA
from healthdigest.reading import read_file
from healthdigest.structure import read_structure
from healthdigest.textutil import normalize_line

BULLETINS = DATA / "bulletins"


def read(name):
    decoded = read_file(BULLETINS / name)
    return read_structure(decoded.text, path=name, encoding=decoded.encoding, hints=decoded.hints)


def every_line_has_a_role(text, bulletin) -> bool:
    nonblank = {i for i, line in enumerate(re.split(r"\r\n|\r|\n", text), 1) if normalize_line(line.replace("\f", ""))}
    return set(bulletin.line_roles) == nonblank


def reasons(bulletin) -> dict[str, str]:
    return {d.text: d.reason for d in bulletin.dropped}


# --- 简报 and 信息动态 -------------------------------------------------------------------------


def test_circulation_mark_publisher_dateline_enumerated_contents_and_distribution_list():
    b = read("newsletter_circulation_mark_colophon.txt")
    m = b.metadata
    assert (m.title, m.issue, m.number, m.date) == ("江西省卫生健康工作简报", "第7期", 7, "2025-04-16")
    assert m.publisher == ["江西省卫生健康委员会办公室"]  # from the line that also holds the date
    assert reasons(b)["内部资料\u3000注意保存"] == "circulation mark"
    assert [(a.section, a.title, a.source) for a in b.articles] == [
        ("工作动态", "全省二级以上公立医院全面推行检查检验结果互认", "医政处"),
        ("工作动态", "省卫生健康委部署春季爱国卫生运动", "爱卫办"),
        ("基层经验", "赣州市推进乡村医疗卫生一体化管理", "赣州市卫生健康委"),
        ("基层经验", "上饶市“流动医院”进山村", "上饶市卫生健康委"),
        ("信息快递", "我省新增3家国家区域医疗中心建设项目", "规划处"),
    ]
    assert b.articles[-1].text.endswith("建设项目总数达到8个。")  # 报/送/发 and 共印 are no text
    colophon = {t for t, r in reasons(b).items() if r == "colophon"}
    assert colophon == {
        "报：国家卫生健康委办公厅，省委办公厅，省政府办公厅", "送：委领导，委机关各处室，委直属各单位",
        "发：各设区市卫生健康委", "（共印80份）",
    }  # fmt: skip
    assert not b.warnings
    assert every_line_has_a_role((BULLETINS / "newsletter_circulation_mark_colophon.txt").read_text(encoding="utf-8"), b)


def test_masthead_variants_in_a_second_shape():
    # The mark in brackets, a publisher line with 编印 before the date, the total on its own line.
    text = (
        "（内部刊物　请勿外传）\n\n医保工作通讯\n\n第 2 期\n（总第 31 期）\n\n某市医疗保障局编印　2024年1月9日\n\n"
        "【工作动态】\n\n全市启动医保基金监管集中宣传月\n\n"
        "1月5日，市医保局启动基金监管集中宣传月活动，组织定点医药机构开展自查自纠，公布举报电话。（市医保局基金监管科供稿）\n"
    )
    b = read_structure(text)
    m = b.metadata
    assert (m.title, m.number, m.total_number, m.date, m.publisher) == ("医保工作通讯", 2, 31, "2024-01-09", ["某市医疗保障局"])
    assert m.issue == "第2期（总第31期）"
    assert [(a.title, a.source) for a in b.articles] == [("全市启动医保基金监管集中宣传月", "市医保局基金监管科")]


def test_letter_spaced_title_total_line_square_sections_and_reported_by_credits():
    b = read("newsletter_spaced_title_credits.txt")
    m = b.metadata
    assert (m.title, m.number, m.total_number, m.date) == ("卫生健康信息动态", 12, 156, "2025-06-30")
    assert m.publisher == ["四川省卫生健康信息中心"]
    # （人民网报道） credits 人民网; a credit without the word keeps its words.
    assert [a.source for a in b.articles] == ["人民网", "成都日报", "绵阳市卫生健康委", "信息中心综合整理"]
    assert [a.section for a in b.articles] == ["政策解读", "地方动态", "地方动态", "本期关注"]
    assert b.articles[-1].text.startswith("编者按：基层强则健康强。")


def test_unspaced_newsletter_numbered_highlights_tab_pages_and_source_lines():
    b = read("newsletter_unspaced_numbered_highlights.txt")
    m = b.metadata
    assert (m.title, m.number, m.total_number, m.date) == ("健康杭州建设简报", 4, 61, "2024-11-08")
    assert m.publisher == ["杭州市健康城市建设指导中心"]
    assert b.declared_highlights == [
        "我市启动第二轮健康促进县区建设", "萧山区打造“15分钟健身圈”", "世界卫生组织健康城市合作中心专家来杭调研",
    ]  # fmt: skip
    assert [e.page for e in b.contents] == [2, 3, 4, 5]
    assert [(a.section, a.source) for a in b.articles] == [
        ("工作部署", "市健康办"), ("区县动态", "萧山区健康办"), ("区县动态", "临安区卫生健康局"), ("交流合作", "市健康城市建设指导中心"),
    ]  # fmt: skip
    # A （来源：…） line closes its article: it is neither a subheading nor text.
    assert all("来源" not in a.text and not a.subheadings for a in b.articles)


def test_source_line_in_brackets_closes_an_article_without_a_contents():
    text = (
        "【基层动态】\n某镇卫生院开设康复科\n"
        "某镇卫生院新开设康复科，配备康复治疗师4名，为中风后遗症患者提供康复训练。\n（供稿：某县卫生健康局）\n"
        "某村卫生室实现医保结算\n"
        "某村卫生室接入医保信息系统，村民看病可直接刷医保电子凭证结算，不再往返镇上报销。\n（供稿：某县医保局）\n"
    )
    b = read_structure(text)
    assert [(a.title, a.source) for a in b.articles] == [
        ("某镇卫生院开设康复科", "某县卫生健康局"), ("某村卫生室实现医保结算", "某县医保局"),
    ]  # fmt: skip
    assert all(a.text.endswith("。") for a in b.articles)


def test_issue_editors_note_before_the_first_article_is_left_out_with_its_reason():
    text = (
        "卫生应急工作简报\n\n第1期\n\n某省卫生健康委应急办\n\n2024年2月1日\n\n"
        "【编者按】春节将至，各地要做好节日期间卫生应急值守。现将近期工作摘编如下。\n\n"
        "【应急值守】\n\n全省落实节日卫生应急值守制度\n\n"
        "省卫生健康委要求各地落实24小时值班和领导带班制度，确保突发事件信息及时报告。（应急办）\n"
    )
    b = read_structure(text)
    assert [a.title for a in b.articles] == ["全省落实节日卫生应急值守制度"]
    note = next(d for d in b.dropped if d.text.startswith("【编者按】"))
    assert note.reason.startswith("the issue's editor's note")
    assert not b.warnings  # a note left out on purpose is no loss to warn about


# --- compilations from PDF ----------------------------------------------------------------------


def test_compilation_with_arrow_entries_on_leaders_bare_page_numbers_and_circle_sections():
    b = read("compilation_wrapped_arrows.txt")
    assert (b.metadata.title, b.metadata.number, b.metadata.total_number) == ("卫生健康决策参考", 5, 48)
    assert [(e.title, e.source, e.page) for e in b.contents] == [
        ("国务院办公厅印发加快推进医疗卫生人才队伍建设意见", "中国政府网", 2),
        ("人工智能辅助诊断走进县级医院", "科技日报", 4),
        ("慢病管理进入“数字化”时代", "健康报", 6),
    ]
    assert [(a.section, a.title, a.source) for a in b.articles] == [
        ("政策速递", "国务院办公厅印发加快推进医疗卫生人才队伍建设意见", "中国政府网"),
        ("前沿观察", "人工智能辅助诊断走进县级医院", "科技日报"),
        ("前沿观察", "慢病管理进入“数字化”时代", "健康报"),
    ]
    first = b.articles[0]
    assert first.abstract.startswith("意见提出，到2030年") and first.abstract.endswith("进一步提高。")
    assert first.text.endswith("在职称晋升等方面给予倾斜。")  # wrapped lines joined, 返回目录 left out


def test_cover_name_repeated_as_running_head_is_still_the_title():
    page = "医院管理参考\n\n{body}\n\n— {n} —\n"
    text = (
        "医院管理参考\n\n2024年第3辑\n\n某省医院协会\n\n目  录\n\n"
        "智慧药房建设的实践 ........ 1\n日间手术管理经验谈 ........ 2\n\n— 0 —\n"
        + "\f" + page.format(n=1, body="智慧药房建设的实践\n来源：健康报\n某医院建成智慧药房，处方调配时间由过去的8分钟缩短到2分钟，患者取药排队时间明显减少。")
        + "\f" + page.format(n=2, body="日间手术管理经验谈\n来源：医师报\n某医院开展日间手术三年来，平均住院日缩短1.5天，患者满意度提高到98%。")
        + "\f" + page.format(n=3, body="编后记")
    )
    b = read_structure(text)
    assert (b.metadata.title, b.metadata.issue, b.metadata.number) == ("医院管理参考", "2024年第3辑", 3)
    assert [(a.title, a.source) for a in b.articles] == [("智慧药房建设的实践", "健康报"), ("日间手术管理经验谈", "医师报")]
    assert sum(d.reason == "running head" for d in b.dropped) == 3  # the pages after the cover


# --- newspaper pages ----------------------------------------------------------------------------


def test_pdf_page_kicker_subtitle_core_reading_box_caption_and_briefs():
    b = read("newspaper_pdf_core_reading.txt")
    assert b.layout == "newspaper"
    assert [(a.section, a.title) for a in b.articles] == [
        ("一线调查", "让群众就近享有优质医疗服务"), (None, "医疗服务价格改革试点扩围"),
        (None, "秋季学生健康提示"), ("健康讲堂", "老年人如何科学补钙"),
    ]  # fmt: skip
    kicker = {t for t, r in reasons(b).items() if r.startswith("引题")}
    assert kicker == {"聚焦基层医疗卫生服务能力提升", "——来自西部某省的蹲点报告"}
    lead = b.articles[0]
    # The 核心阅读 box runs to the reporters' line under it: both its points are the abstract.
    assert lead.abstract.startswith("近年来，该省持续推进") and lead.abstract.endswith("需要进一步完善激励机制。")
    assert lead.byline == "本报记者\u3000刘晓燕\u3000陈明"
    assert lead.text.endswith("“下得去、留得住、用得好”。")
    assert lead.footnotes == ["图为某县中心卫生院医生为村民进行健康体检。本报记者\u3000刘晓燕摄"]


def test_indented_page_with_flush_headlines_padded_names_and_briefs_under_a_column_head():
    b = read("newspaper_indented_flush_briefs.txt")
    assert [(a.section, a.title, a.byline) for a in b.articles] == [
        (None, "托育服务进社区\u3000家门口有了“带娃好帮手”", "本报记者\u3000周\u3000婷"),
        (None, "高温天气警惕热射病", "本报记者\u3000韩\u3000冰"),
        ("健康快讯", "全国儿童血液病诊疗协作网成立", "记者\u3000宋\u3000佳"),
        ("健康快讯", "第十届中医药文化节开幕", "通讯员\u3000许\u3000亮"),
    ]
    assert b.articles[0].text.startswith("“孩子两岁多")
    assert reasons(b)["——专家提醒户外作业人员做好防护"].startswith("引题")


def test_photo_caption_in_a_second_shape_stays_out_of_the_text():
    text = (
        "本报讯（记者 李明）某市120急救指挥中心新址日前启用，调度席位由12个增加到30个。\n\n"
        "上图：调度员在新址接听急救电话。\n\n"
        "新址配备智能调度系统，可实时显示全市急救车辆位置。\n\n"
        "本报讯（记者 王芳）某县建成县域影像诊断中心，乡镇卫生院拍片后由县医院出具报告。\n"
    )
    b = read_structure(text)
    assert b.layout == "newspaper"
    first = b.articles[0]
    assert first.footnotes == ["上图：调度员在新址接听急救电话。"]
    assert "上图" not in first.text


# --- web pages and CMS exports ------------------------------------------------------------------


def test_gov_page_menu_bar_two_fields_a_line_empty_field_and_footer_after_the_closing_links():
    b = read("web_gov_page_footer.txt")
    m = b.metadata
    # 发文字号 is empty: the 发布日期 after it is a date, not the issue.
    assert (m.title, m.issue, m.date, m.publisher) == (
        "河北省启动2025年“323”健康行动项目", None, "2025-05-12", ["河北省卫生健康委员会"]
    )
    (art,) = b.articles
    assert art.source == "基层卫生健康处"
    assert art.text.startswith("5月9日") and art.text.endswith("确保筛查数据真实准确。")
    r = reasons(b)
    assert r["首页 机构概况 政务公开 政务服务 互动交流 专题专栏"] == "site navigation"
    assert r["【字体：大 中 小】"] == "page furniture (button)"
    assert r["地址：石家庄市某某路某号\u3000邮编：050000"] == "site footer"
    assert not b.warnings


def test_info_table_cells_of_an_html_page():
    b = read("web_info_table_cells.html")
    m = b.metadata
    assert (m.issue, m.date, m.publisher) == ("晋卫基层函〔2025〕56号", "2025-08-22", ["山西省卫生健康委员会"])
    # The table's 标题 cell is the page's record of the notice, not a second document.
    assert [a.title for a in b.articles] == ["关于开展2025年全省基层卫生健康人才能力提升培训的通知"]
    art = b.articles[0]
    assert art.source == "基层卫生健康处"  # not "基层卫生健康处【字体：…"
    assert art.text.startswith("各市卫生健康委，省直有关医疗卫生单位：")
    assert art.text.endswith("将培训总结报送我委基层卫生健康处。")


def test_info_table_labels_and_values_on_lines_of_their_own_in_text():
    text = (
        "索 引 号：\n11000000-2024-0001\n发文机关：\n某市卫生健康委员会\n发文字号：\n某卫发〔2024〕3号\n发布日期：\n2024年02月01日\n\n"
        "某市卫生健康委员会关于公布第一批健康促进医院名单的通知\n\n发布时间：2024-02-01 来源：健康促进处\n\n"
        "各区卫生健康委：\n\n根据健康促进医院评审结果，现将第一批健康促进医院名单予以公布，请各单位持续做好健康促进工作。\n"
    )
    b = read_structure(text)
    assert (b.metadata.issue, b.metadata.date, b.metadata.publisher) == ("某卫发〔2024〕3号", "2024-02-01", ["某市卫生健康委员会"])
    assert [a.title for a in b.articles] == ["某市卫生健康委员会关于公布第一批健康促进医院名单的通知"]


def test_column_story_list_beside_the_article_is_navigation():
    text = (
        "工作动态\n\n- 全市开展夏季食品安全检查 2024-07-02\n- 某区新建3家社区医院 2024-06-28\n- 卫生监督执法培训举行 [2024-06-20]\n\n"
        "全市开展夏季食品安全检查\n\n日期：2024-07-02 来源：卫生监督所\n\n"
        "7月1日起，市卫生监督所在全市开展夏季食品安全专项检查，重点检查学校食堂和餐饮单位。\n"
    )
    b = read_structure(text)
    assert [a.title for a in b.articles] == ["全市开展夏季食品安全检查"]
    listed = [t for t, r in reasons(b).items() if r == "site navigation" and "20" in t]
    assert len(listed) == 3
    assert not b.warnings


def test_cms_posts_with_bare_date_lines():
    b = read("web_cms_dated_posts.txt")
    assert b.layout == "web"
    assert [a.title for a in b.articles] == [
        "区疾控中心开展学校传染病防控督导", "社区卫生服务中心推出夜间门诊", "全区启动“世界结核病防治日”宣传活动",
    ]  # fmt: skip
    assert b.articles[1].text.startswith("为方便上班族就医") and b.articles[1].text.endswith("累计接诊居民460人次。")
    assert "2025-03-11" not in b.articles[1].text


def test_cms_posts_parted_by_rules_in_a_second_shape():
    text = (
        "某区开展无偿献血活动\n2024年06月14日\n6月14日是世界献血者日，某区在中心广场开展无偿献血活动，共有126名市民参与献血。\n"
        "==========\n"
        "社区医院开设中医夜诊\n2024年06月20日\n某社区医院开设中医夜诊，每周一至周五晚上提供针灸、推拿和中药调理服务。\n"
    )
    b = read_structure(text)
    assert [a.title for a in b.articles] == ["某区开展无偿献血活动", "社区医院开设中医夜诊"]
    assert reasons(b)["=========="] == "separator rule"
    assert b.articles[0].text.endswith("共有126名市民参与献血。")


def test_reposted_article_account_dateline_and_single_editor_credit():
    text = (
        "专家提醒：秋冬季节注意预防呼吸道疾病\n\n健康某省 2024年10月12日 19:05 某省\n\n"
        "近期气温变化较大，呼吸道疾病进入高发期。专家建议，老年人和慢性病患者应及时接种流感疫苗，外出时做好个人防护。\n\n"
        "来源：某省疾控中心\n\n编辑：刘洋\n\n阅读原文\n"
    )
    b = read_structure(text)
    assert b.metadata.date == "2024-10-12"
    (art,) = b.articles
    assert art.source == "某省疾控中心"
    assert art.text.startswith("近期气温变化较大") and art.text.endswith("外出时做好个人防护。")
    assert reasons(b)["编辑：刘洋"] == "editor credit"


# --- Markdown -------------------------------------------------------------------------------------


def test_markdown_sections_over_stories_and_an_emphasised_source_line():
    b = read("markdown_sections_over_stories.md")
    m = b.metadata
    assert (m.title, m.issue, m.number, m.date, m.author) == ("疾控信息周报", "2025年第18期", 18, "2025-05-09", "广州市疾病预防控制中心")
    assert [(a.section, a.title) for a in b.articles] == [
        ("疫情动态", "本周全市报告法定传染病情况"), ("疫情动态", "登革热输入风险提示"), ("工作动态", "全市开展病媒生物防制集中行动"),
    ]  # fmt: skip
    assert b.articles[-1].source == "市爱卫办" and "来源" not in b.articles[-1].text


def test_markdown_issue_line_under_a_lone_title_and_stories_without_sections():
    text = (
        "# 健康促进工作简讯\n\n**2025年第2期**　　某区健康教育所　　2025年2月28日\n\n"
        "## 控烟志愿者走进商场\n\n2月25日，区控烟志愿者在辖区3家大型商场开展控烟宣传，劝阻室内吸烟行为36起。\n\n来源：区爱卫办\n\n"
        "## 健康步道建成开放\n\n某街道健康步道建成开放，全长2.6公里，沿线设置健康知识标识牌20块。\n"
    )
    b = read_structure(text)
    m = b.metadata
    assert (m.title, m.issue, m.number, m.date) == ("健康促进工作简讯", "2025年第2期", 2, "2025-02-28")
    # ## stories own text: they are the articles, not sections.
    assert [(a.section, a.title, a.source) for a in b.articles] == [
        (None, "控烟志愿者走进商场", "区爱卫办"), (None, "健康步道建成开放", None),
    ]  # fmt: skip


def test_indented_page_copied_from_word_with_every_paragraph_parted_by_a_blank_line():
    text = (BULLETINS / "newspaper_indented_flush_briefs.txt").read_text(encoding="utf-8")
    parted = "\n\n".join(line for line in text.splitlines() if line.strip("\u3000 "))
    b = read_structure(parted)
    assert [(a.section, a.title) for a in b.articles] == [
        (a.section, a.title) for a in read("newspaper_indented_flush_briefs.txt").articles
    ]


def test_contents_page_numbers_on_lines_of_their_own():
    # A tab before the page number can leave it on a line of its own (PDF and Word extractions).
    text = (
        "老年健康简报\n\n2024年第6期\n\n目录\n\n【工作动态】\n\n全市老年友善医疗机构建设过半\n\n2\n\n安宁疗护试点扩大到5个区\n\n3\n\n"
        "【工作动态】\n\n全市老年友善医疗机构建设过半\n\n截至5月底，全市已有62%的综合医院建成老年友善医疗机构，为老年人开设绿色通道。（市老龄办）\n\n"
        "安宁疗护试点扩大到5个区\n\n今年起，安宁疗护试点由2个区扩大到5个区，新增安宁疗护床位120张。（市卫生健康委）\n"
    )
    b = read_structure(text)
    assert [(e.title, e.page) for e in b.contents] == [("全市老年友善医疗机构建设过半", 2), ("安宁疗护试点扩大到5个区", 3)]
    assert [(a.title, a.page, a.source) for a in b.articles] == [
        ("全市老年友善医疗机构建设过半", 2, "市老龄办"), ("安宁疗护试点扩大到5个区", 3, "市卫生健康委"),
    ]  # fmt: skip


def test_word_file_with_iso_alignment_names_is_read(tmp_path):
    # LibreOffice writes w:jc "start"/"end" (ISO 29500), which python-docx has no name for.
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    for text, jc in (("医疗卫生动态", "center"), ("第1期", "start"), ("全省推进基层卫生服务能力建设。", "end")):
        p = document.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        el = ppr.makeelement(qn("w:jc"), {qn("w:val"): jc})
        ppr.append(el)
    path = tmp_path / "iso.docx"
    document.save(path)
    decoded = read_file(path)
    assert [line for line in decoded.text.splitlines() if line] == ["医疗卫生动态", "第1期", "全省推进基层卫生服务能力建设。"]
    assert [no for no, hint in decoded.hints.items() if hint.centred] == [1]  # "center" still read


def test_items_marked_with_a_star_open_articles_without_a_closing_source():
    b = read("newsletter_starred_items.txt")
    assert b.layout == "newsletter"
    assert [a.title for a in b.articles] == [
        "全省职工医保门诊共济保障机制运行平稳", "我省第三批药品集中带量采购结果落地执行", "医保基金监管“百日行动”成效明显",
    ]  # fmt: skip
    assert b.articles[0].text.endswith("纳入门诊统筹范围。")


def test_items_marked_with_a_diamond_and_a_square_section_in_a_second_shape():
    text = (
        "爱国卫生工作简报\n第4期\n某市爱卫办\n2024年4月30日\n■ 工作动态\n"
        "◆全市开展春季灭鼠活动\n4月以来，全市统一投放灭鼠毒饵，重点覆盖农贸市场、餐饮集中区和城中村。\n"
        "◆卫生城市复审迎检工作启动\n市爱卫会召开复审迎检动员会，对照标准逐项整改薄弱环节。\n"
    )
    b = read_structure(text)
    assert [(a.section, a.title) for a in b.articles] == [
        ("工作动态", "全市开展春季灭鼠活动"), ("工作动态", "卫生城市复审迎检工作启动"),
    ]  # fmt: skip


def test_newsletter_whose_items_carry_source_lines_under_their_titles():
    b = read("newsletter_source_lines_no_contents.txt")
    assert b.layout == "newsletter"  # the masthead's 第22期 says so, not the web-style source lines
    m = b.metadata
    assert (m.title, m.number, m.date) == ("卫生健康要闻摘编", 22, "2025-09-01")
    assert [(a.title, a.source) for a in b.articles] == [
        ("国家卫生健康委发布《健康中国行动2025年工作要点》", "健康报"), ("我国居民健康素养水平提升至31.87%", "新华网"),
    ]  # fmt: skip
    assert b.articles[0].byline == "李文"


def test_newspaper_stories_closed_by_reporter_credits():
    b = read("newspaper_trailing_reporters.txt")
    assert b.layout == "newspaper"
    assert [(a.section, a.title, a.byline) for a in b.articles] == [
        (None, "互联网医院让复诊不再跑腿", "本报记者 林小雨"),
        (None, "家庭医生签约服务提质扩面", "本报记者 郑 凯 通讯员 孙丽"),
        ("健康提示", "秋冬季如何预防流感", "某市疾控中心供稿"),
    ]
    assert all("记者" not in a.text for a in b.articles)


def test_web_metadata_fields_parted_by_bars_and_an_attachment_link():
    b = read("web_bar_fields_attachment.txt")
    (art,) = b.articles
    assert (art.source, art.byline, b.metadata.date) == ("县卫生健康局", "张敏", "2025-04-09")
    assert art.text.endswith("享受省级专家服务。")
    assert art.footnotes == ["附件：专科联盟合作协议（摘要）.pdf"]


def test_attachment_links_in_a_second_shape():
    text = (
        "当前位置：首页 > 通知公告\n\n全市护士执业注册集中办理安排\n\n时间：2024-03-01 丨 来源：医政科 丨 浏览量：88\n\n"
        "3月11日至15日，市政务服务中心卫生健康窗口集中办理护士执业注册业务，请申请人按附件要求准备材料。\n\n"
        "附件1：申请材料清单.docx\n\n附件2：办理流程图.jpg\n"
    )
    b = read_structure(text)
    (art,) = b.articles
    assert art.source == "医政科"
    assert art.footnotes == ["附件1：申请材料清单.docx", "附件2：办理流程图.jpg"]
    assert art.text.endswith("请申请人按附件要求准备材料。")


def test_pdf_paragraph_ending_in_a_credit_at_the_margin_is_not_joined_to_the_next_title():
    # Made by LibreOffice from our own text: the first story's last line runs to the right
    # margin and ends 。（成都日报报道）; the next story's title starts the next line.
    b = read("newsletter_credit_at_margin.pdf")
    assert [(a.title, a.source) for a in b.articles] == [
        ("成都市上线“一码通”就医服务", "成都日报"), ("绵阳市建成城市医疗集团网格化布局", "绵阳市卫生健康委"),
    ]  # fmt: skip
    assert b.articles[0].text.endswith("日均用码就医超过12万人次。")


def test_one_report_special_issue_with_an_editors_note_and_enumerated_parts():
    text = (
        "卫生健康信息专报\n\n第15期\n\n某市卫生健康委员会办公室编　　　　2025年7月15日\n\n"
        "关于我市基层医疗卫生机构人才队伍建设情况的调研报告\n\n"
        "编者按：为摸清基层医疗卫生人才队伍现状，市卫生健康委组成调研组开展专题调研。现将调研报告刊发，供参阅。\n\n"
        "一、基本情况\n\n截至2024年底，全市基层医疗卫生机构共有卫生技术人员1.26万人，其中全科医生1860人。\n\n"
        "二、对策建议\n\n建议进一步落实基层卫生人才“县管乡用”政策，拓宽职称晋升通道，让基层人才下得去、留得住。\n\n"
        "报：市委、市政府领导\n送：市委办公室、市政府办公室\n"
    )
    b = read_structure(text)
    assert (b.metadata.title, b.metadata.number, b.metadata.date) == ("卫生健康信息专报", 15, "2025-07-15")
    (art,) = b.articles
    assert art.title == "关于我市基层医疗卫生机构人才队伍建设情况的调研报告"
    assert art.text.startswith("编者按：") and art.text.endswith("让基层人才下得去、留得住。")
    assert art.subheadings == ["一、基本情况", "二、对策建议"]


def test_newspaper_page_header_gives_the_date():
    for head in ("2025年3月12日　星期三　　第7版　　健康周刊", "第7版：健康周刊　　2025年3月12日"):
        text = (
            f"{head}\n\n肿瘤早筛门诊在县医院开诊\n\n"
            "本报讯（记者 汪洋）某县人民医院日前开设肿瘤早筛门诊，为40岁以上居民提供常见肿瘤筛查服务。\n\n"
            "中医药文化进校园活动启动\n\n本报讯（记者 孙敏）某市中医药文化进校园活动日前启动，首批覆盖30所中小学。\n"
        )
        b = read_structure(text)
        assert b.metadata.date == "2025-03-12"
        assert [a.title for a in b.articles] == ["肿瘤早筛门诊在县医院开诊", "中医药文化进校园活动启动"]
        assert not b.warnings


def test_markdown_numbered_sections_and_stories_with_brackets_after_the_marks():
    text = (
        "# 某区卫生健康工作动态\n\n## 一、重点工作\n\n### （一）区人民医院胸痛中心通过国家认证\n\n"
        "近日，区人民医院胸痛中心通过国家标准版认证。\n\n### （二）全区启动儿童青少年近视筛查\n\n"
        "4月起，全区对中小学生开展视力筛查。\n\n## 二、基层动态\n\n### 【基层】某街道社区卫生服务中心开设中医馆\n\n"
        "中医馆设有针灸、推拿等诊疗项目。\n"
    )
    b = read_structure(text)
    assert [(a.section, a.title) for a in b.articles] == [
        ("一、重点工作", "（一）区人民医院胸痛中心通过国家认证"),
        ("一、重点工作", "（二）全区启动儿童青少年近视筛查"),
        ("二、基层动态", "【基层】某街道社区卫生服务中心开设中医馆"),
    ]


def test_cms_posts_with_the_original_address_under_their_dates():
    text = (
        "省卫生健康委召开全省医疗质量管理工作会议\n发布时间：2025-03-20 09:00:00\n"
        "原文链接：https://wsjkw.example.gov.cn/xwzx/t20250320_1.html\n"
        "3月19日，省卫生健康委召开全省医疗质量管理工作会议，部署2025年重点工作。\n\n"
        "省疾控局发布春季传染病防控健康提示\n发布时间：2025-03-25 16:30:00\n"
        "原文地址：https://wsjkw.example.gov.cn/xwzx/t20250325_2.html\n"
        "春季是流感、诺如病毒感染等传染病的高发季节，公众要勤洗手、常通风。\n"
    )
    b = read_structure(text)
    assert [a.title for a in b.articles] == ["省卫生健康委召开全省医疗质量管理工作会议", "省疾控局发布春季传染病防控健康提示"]
    assert [a.text[:6] for a in b.articles] == ["3月19日，", "春季是流感、"]
    assert b.articles[1].footnotes == ["原文地址：https://wsjkw.example.gov.cn/xwzx/t20250325_2.html"]


def test_reposted_article_page_with_its_app_button_bar():
    b = read("web_reposted_article.html")
    (art,) = b.articles
    assert (art.title, art.source, b.metadata.date) == ("儿童夏季腹泻，家长要注意这几点", "市妇幼保健院", "2025-07-18")
    assert art.text.startswith("夏季是儿童腹泻的高发季节。") and art.text.endswith("应及时就医。")
    assert [r for t, r in reasons(b).items() if t.startswith("阅读原文")] == ["navigation"]


def test_button_bar_in_a_second_shape():
    text = (
        "高温天气谨防热射病\n\n2024-07-20 来源：市疾控中心\n\n"
        "持续高温天气下，户外作业人员要避开正午时段，及时补充水分，出现头晕乏力时立即休息。\n\n"
        "分享 收藏 点赞 12 在看 3\n"
    )
    b = read_structure(text)
    assert b.articles[0].text.endswith("出现头晕乏力时立即休息。")
    assert [r for t, r in reasons(b).items() if t.startswith("分享")] == ["navigation"]


def test_several_article_elements_of_one_html_page():
    b = read("web_several_article_elements.html")
    assert [(a.title, a.source) for a in b.articles] == [
        ("我院开展“三伏贴”敷贴服务", "治未病科"), ("我院与社区卫生服务中心共建中医联合门诊", "医务科"),
    ]  # fmt: skip
    assert b.articles[0].text.endswith("避免排队等候。")


def _wrapped(paragraph: str, width: int = 30) -> str:
    return "\n".join(paragraph[k : k + width] for k in range(0, len(paragraph), width))


def test_hard_wrapped_newsletter_whose_full_lines_end_with_a_credit():
    # pdftotext's plain output: lines cut at one width, no blank lines; a story's last line is
    # full and ends 。（来源）, the next story's title follows it.
    first = (
        "省卫生健康委召开全省春季爱国卫生运动视频会议，要求各地以城乡环境卫生整治为重点，集中清理卫生死角和积水容器。"
        "会议强调，要发动群众广泛参与，形成文明健康绿色环保的生活方式。（爱卫办）"
    )
    second = (
        "今年以来，某市组建巡回医疗队四十二支，配备移动诊疗车和便携式检查设备，每月深入山区开展巡诊服务。"
        "巡回医疗队由县级医院专家和乡镇卫生院医生组成，提供常见病诊疗和慢病随访，累计服务群众五万余人次。（某市卫生健康委）"
    )
    assert len(first) % 30 == 0  # the credit closes a full line
    text = "\n".join([
        "爱国卫生工作简报", "第5期", "某省爱卫办", "2025年4月1日", "目", "", "录",
        "全省部署春季爱国卫生运动 ........ 1", "某市流动医院进山村 ........ 2",
        "全省部署春季爱国卫生运动", _wrapped(first), "某市流动医院进山村", _wrapped(second),
    ]) + "\n"
    b = read_structure(text)
    assert [(a.title, a.source) for a in b.articles] == [("全省部署春季爱国卫生运动", "爱卫办"), ("某市流动医院进山村", "某市卫生健康委")]
    assert [e.page for e in b.contents] == [1, 2]  # 目 / 录 on two lines head the 目录
    assert b.articles[0].text.endswith("形成文明健康绿色环保的生活方式。")


def test_page_credits_broken_into_pieces_by_a_pdf_extraction():
    text = (
        "肿瘤早筛门诊在县医院开诊\n\n本报讯（记者 汪洋）某县人民医院日前开设肿瘤早筛门诊，为40岁以上居民提供常见肿瘤筛查服务。\n\n"
        "中医药文化进校园活动启动\n\n本报讯（记者 孙敏）某市中医药文化进校园活动日前启动，首批覆盖30所中小学。\n\n"
        "本版责编：赵\n\n芳\n\n版式设计：王\n\n磊\n"
    )
    b = read_structure(text)
    assert b.articles[-1].text.endswith("首批覆盖30所中小学。")
    assert [d.text for d in b.dropped if d.reason == "page credits"] == ["本版责编：赵", "芳", "版式设计：王", "磊"]


def test_titles_led_by_their_column_in_brackets_with_and_without_a_contents():
    body = (
        "【工作动态】全县启动家庭医生签约服务提质行动\n\n"
        "5月6日，县卫生健康局召开动员会，明确今年重点人群签约率达到80%以上。\n\n"
        "【工作动态】县人民医院通过三级医院评审\n\n近日，县人民医院顺利通过三级医院现场评审，成为全县首家三级综合医院。\n\n"
        "【基层风采】某镇卫生院开展送医下乡活动\n\n某镇卫生院组织医务人员深入偏远村组开展巡回义诊，发放健康宣传资料。\n"
    )
    expected = [
        ("工作动态", "全县启动家庭医生签约服务提质行动"), ("工作动态", "县人民医院通过三级医院评审"),
        ("基层风采", "某镇卫生院开展送医下乡活动"),
    ]  # fmt: skip
    bare = read_structure("卫生健康工作信息\n\n第9期\n\n某县卫生健康局　　2025年5月8日\n\n" + body)
    assert [(a.section, a.title) for a in bare.articles] == expected
    contents = (
        "卫生健康工作信息\n\n第9期\n\n目录\n\n全县启动家庭医生签约服务提质行动……1\n县人民医院通过三级医院评审……1\n"
        "某镇卫生院开展送医下乡活动……2\n\n"
    )
    listed = read_structure(contents + body)
    assert [(a.section, a.title, a.page) for a in listed.articles] == [(s, t, p) for (s, t), p in zip(expected, (1, 1, 2), strict=True)]
    assert not listed.warnings


def test_numbered_contents_entries_match_unnumbered_titles():
    text = (
        "健康促进工作简报\n\n2025年第6期\n\n目　录\n\n1.全省启动“健康知识进万家”活动……1\n2.控烟立法调研座谈会召开……3\n\n"
        "全省启动“健康知识进万家”活动\n\n6月10日，省健康教育中心启动活动，组织专家编写健康科普读本。（省健康教育中心）\n\n"
        "控烟立法调研座谈会召开\n\n6月15日，省人大教科文卫委员会召开控烟立法调研座谈会。（省健康教育中心）\n"
    )
    b = read_structure(text)
    assert [e.title for e in b.contents] == ["全省启动“健康知识进万家”活动", "控烟立法调研座谈会召开"]
    assert [(a.title, a.page) for a in b.articles] == [("全省启动“健康知识进万家”活动", 1), ("控烟立法调研座谈会召开", 3)]


def test_a_reporters_notes_box_is_a_sidebar_not_a_reporter_named_in_a_byline():
    b = read("newspaper_reporters_notes.txt")
    assert [(a.section, a.title) for a in b.articles] == [
        ("健康提醒", "夏季游泳谨防中耳炎"), ("健康提醒", "高温作业注意防暑降温"),
        (None, "“健康副校长”走进校园"), ("记者手记", "让专业的人做专业的事"),
    ]  # fmt: skip
    assert b.articles[2].byline is None and b.articles[3].byline == "本报记者 张晓"
    assert b.articles[2].text.endswith("心理健康辅导。")


def test_masthead_staff_are_not_its_publisher():
    head = "卫生健康简报\n\n第3期（总第45期）\n\n{staff}\n\n2025年3月5日　星期三\n\n"
    body = (
        "【工作动态】\n\n全市开展春季爱国卫生运动\n\n"
        "3月1日起，全市开展春季爱国卫生运动，集中整治城乡环境卫生，清除病媒生物孳生地。（市爱卫办）\n"
    )
    for staff in ("编印：某市卫生健康委员会办公室　　　签发：李明", "主编：王芳　　签发：李明\n\n某市卫生健康委员会办公室编"):
        b = read_structure(head.format(staff=staff) + body)
        assert b.metadata.publisher == ["某市卫生健康委员会办公室"]
        assert (b.metadata.date, b.metadata.total_number) == ("2025-03-05", 45)
        assert [a.title for a in b.articles] == ["全市开展春季爱国卫生运动"]
        assert not b.warnings


def test_masthead_name_set_over_two_lines():
    body = "\n\n第12期\n\n某省卫生健康委员会办公室　　2025年6月30日\n\n【工作动态】\n\n全省推进医疗卫生强基工程\n\n" \
        "6月28日，全省医疗卫生强基工程推进会召开，部署下半年重点任务。（基层处）\n"
    for head, title in (("某省卫生健康委员会\n工作简报", "某省卫生健康委员会工作简报"), ("卫 生 健 康\n工 作 简 报", "卫生健康工作简报")):
        b = read_structure(head + body)
        assert (b.metadata.title, b.metadata.publisher) == (title, ["某省卫生健康委员会办公室"])
    # A publisher under a name that is already a periodical's is no part of it.
    b = read_structure("疫情信息\n某市疾控中心\n" + body)
    assert (b.metadata.title, b.metadata.publisher) == ("疫情信息", ["某市疾控中心", "某省卫生健康委员会办公室"])


def test_highlights_marked_with_circles_or_stars():
    body = (
        "【工作动态】\n\n我市启动健康城市建设\n\n2月10日，市政府召开健康城市建设推进会，发布三年行动方案。（市健康办）\n\n"
        "全市新增社区医院8家\n\n今年以来，全市新增社区医院8家，社区医院总数达到32家。（基层卫生处）\n"
    )
    for mark in ("◎ ", "★", "- "):
        text = f"健康资讯\n\n2025年第2期\n\n本期要点\n\n{mark}我市启动健康城市建设\n\n{mark}全市新增社区医院8家\n\n" + body
        b = read_structure(text)
        assert b.declared_highlights == ["我市启动健康城市建设", "全市新增社区医院8家"]
        assert [(a.section, a.title) for a in b.articles] == [("工作动态", "我市启动健康城市建设"), ("工作动态", "全市新增社区医院8家")]


def test_web_headline_with_a_subtitle_over_its_metadata():
    for sub in ("——《关于进一步改善医疗服务的若干措施》解读", "—— 一图读懂改善医疗服务措施"):
        text = (
            f"首页 > 政策解读\n\n让群众看病就医更便捷\n{sub}\n\n"
            "发布时间：2025年03月05日　　信息来源：医政医管处　　【大 中 小】\n\n"
            "近日，市卫生健康委印发《关于进一步改善医疗服务的若干措施》。现就有关内容解读如下。\n\n"
            "措施从预约诊疗、检查检验、住院服务等方面提出18条具体举措，推动改善群众就医体验。\n\n【打印】【关闭】\n"
        )
        b = read_structure(text)
        (art,) = b.articles
        assert (art.title, art.source, b.metadata.date) == ("让群众看病就医更便捷", "医政医管处", "2025-03-05")
        assert art.text.startswith("近日，市卫生健康委印发")
