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
