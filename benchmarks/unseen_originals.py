"""Originals the corpus lacks, made the way offices make them (run by hand; needs LibreOffice).

    .venv/bin/python benchmarks/unseen_originals.py OUT_DIR
    .venv/bin/python ../shared/tools/score.py OUT_DIR OUT_DIR

Writes Word files with python-docx in the shapes offices use (a 公文 with red header, 文号,
centred 小标宋 title and "— N —" page numbers; 简报 with masthead, 目录, sections and （来源）, on
A4, A5 and Letter, in one or two columns, with the masthead in a table; a 文件汇编 with running
heads; plans with chapters, parts and a 目录; reports with Title and Heading styles, tables, or
direct formatting only; a notice typed as plain text), converts each with
`soffice --headless --convert-to pdf` and `--convert-to doc`, and writes a gold yaml per file
in the corpus's format. All text is invented.
"""
import subprocess
import sys
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
import yaml

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "unseen-originals")
OUT.mkdir(parents=True, exist_ok=True)
GOLD = {}

XBS, FS, HT, KT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"


def font(run, name=FS, size=16, bold=None, color=None):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)
    run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def para(d, text, *, name=FS, size=16, bold=None, align=None, indent=0, color=None, style=None, before=0, after=0, exact=None, br_title=None):
    p = d.add_paragraph(style=style)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "j":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * indent)
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    if exact:
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(exact)
    parts = text.split("\n")
    for k, part in enumerate(parts):
        r = p.add_run(part)
        font(r, name, size, bold, color)
        if k < len(parts) - 1:
            r.add_break()
    return p


def runs(d, pieces, *, size=16, indent=2, exact=None):
    """A paragraph of (text, font, bold) runs: a 黑体 or bold lead-in then 仿宋 text."""
    p = d.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(size * indent)
    if exact:
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(exact)
    for text, name, bold in pieces:
        font(p.add_run(text), name, size, bold)
    return p


def border_bottom(p, color="FF0000", sz=18):
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(sz)), ("w:space", "1"), ("w:color", color)):
        b.set(qn(k), v)
    bdr.append(b)
    ppr.append(bdr)


def field(paragraph, code, *, name=FS, size=14):
    def r(el):
        run = paragraph.add_run()
        font(run, name, size)
        run._r.append(el)
    def mark(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code_text = OxmlElement("w:instrText")
    code_text.set(qn("xml:space"), "preserve")
    code_text.text = f" {code} "
    r(mark("begin"))
    r(code_text)
    r(mark("separate"))
    font(paragraph.add_run("1"), name, size)
    r(mark("end"))


def page_footer(section, style="— {} —", *, name="宋体", size=14, align="c"):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "c" else WD_ALIGN_PARAGRAPH.RIGHT
    before, after = style.split("{}")
    if before:
        font(p.add_run(before), name, size)
    field(p, "PAGE", name=name, size=size)
    if after:
        font(p.add_run(after), name, size)


def page_header(section, text, *, size=10.5):
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run(text), "宋体", size)
    border_bottom(p, "000000", 6)


def page_break(d):
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def a4(d, *, top=3.7, bottom=3.5, left=2.8, right=2.6, width=21.0, height=29.7):
    for s in d.sections:
        s.page_width, s.page_height = Cm(width), Cm(height)
        s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Cm(top), Cm(bottom), Cm(left), Cm(right)


def columns(section, n=2, space=1.0):
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), str(int(space * 567)))


def save(d, stem, gold):
    d.save(OUT / f"{stem}.docx")
    GOLD[stem] = gold


# ---------------------------------------------------------------- 公文 (red header)
GW_BODY = [
    ("h1", "一、充分认识做好夏季食源性疾病防控工作的重要性"),
    ("p", "入夏以来，我省气温持续偏高，雨水偏多，细菌性食物中毒和毒蘑菇中毒进入高发期。近三年全省报告的食源性疾病暴发事件中，六至九月发生的占全年总数的百分之六十以上，学校食堂、农村家宴和小型餐馆是主要发生场所。各地要从保障人民群众身体健康的高度，切实增强责任感和紧迫感，把防控工作摆在突出位置。"),
    ("h1", "二、强化监测报告"),
    ("h2", "（一）落实哨点医院主动监测。", "各哨点医院要按照《食源性疾病监测报告工作规范》要求，对符合病例定义的就诊者逐例填报病例信息，采集生物标本并及时送检，不得漏报、迟报。"),
    ("h2", "（二）做好聚集性病例核实。", "县级疾控机构接到两例及以上有共同饮食暴露史的病例报告后，应当在两小时内开展核实，确认为暴发事件的，二十四小时内通过突发公共卫生事件报告管理信息系统报告。"),
    ("p", "各设区市要每月对辖区监测数据进行分析，发现异常升高的，及时向同级卫生健康行政部门和市场监管部门通报。"),
    ("h1", "三、加强重点人群和场所的健康宣教"),
    ("p", "要针对学生、农村群众和外来务工人员，利用广播、短视频和村级宣传栏等方式，普及不采食野生蘑菇、生熟分开、剩饭剩菜彻底加热等知识。对承办农村集体聚餐的厨师，要会同有关部门开展培训，培训合格后方可承办。"),
    ("h1", "四、做好医疗救治准备"),
    ("p", "各级医疗机构要储备洗胃、血液净化等救治设备和常用解毒药品，畅通中毒患者转诊渠道。发生群体性中毒事件时，要按照就近就急原则集中收治，必要时请求省级专家组支援。"),
    ("h1", "五、工作要求"),
    ("p", "各设区市卫生健康委要于2025年10月15日前，将本地区夏季食源性疾病防控工作总结报送省卫生健康委疾控处。联系人：刘思源，联系电话：0791-86228317。"),
]


def gongwen(stem, *, plain=False, size=16):
    d = docx.Document()
    a4(d)
    sec = d.sections[0]
    if plain:
        # Typed as text only: no styles, one size, left-aligned, spaces for the indent.
        lines = ["江西省卫生健康委员会文件", "赣卫疾控字〔2025〕23号", "", "江西省卫生健康委员会关于做好2025年夏季食源性疾病防控工作的通知", "",
                 "各设区市卫生健康委，赣江新区社会发展局，委直属有关单位："]
        for _kind, *rest in GW_BODY:
            lines.append("　　" + "".join(rest))
        lines += ["", "　　附件：1.食源性疾病暴发事件信息报告表", "　　　　　2.夏季食源性疾病防控宣传要点", "",
                  "　　　　　　　　　　　　　　　　江西省卫生健康委员会", "　　　　　　　　　　　　　　　　　2025年7月8日", "　　（此件主动公开）"]
        for line in lines:
            para(d, line, name="宋体", size=12)
        page_footer(sec, "{}", size=10.5)
    else:
        para(d, "江西省卫生健康委员会文件", name=XBS, size=36, align="c", color="FF0000", before=30)
        p = para(d, "赣卫疾控字〔2025〕23号", size=size, align="c", before=24, after=6)
        border_bottom(p)
        para(d, "江西省卫生健康委员会关于做好2025年夏季食源性疾病防控工作的通知", name=XBS, size=22, align="c", before=24, after=18)
        para(d, "各设区市卫生健康委，赣江新区社会发展局，委直属有关单位：", size=size, exact=28)
        para(d, "为有效预防和控制夏季食源性疾病的发生，保障人民群众饮食安全和身体健康，现就有关工作通知如下：", size=size, indent=2, exact=28)
        for kind, *rest in GW_BODY:
            if kind == "h1":
                para(d, rest[0], name=HT, size=size, indent=2, exact=28)
            elif kind == "h2":
                runs(d, [(rest[0], KT, False), (rest[1], FS, False)], size=size, exact=28)
            else:
                para(d, rest[0], size=size, indent=2, exact=28)
        para(d, "", size=size)
        para(d, "附件：1.食源性疾病暴发事件信息报告表", size=size, indent=2, exact=28)
        para(d, "2.夏季食源性疾病防控宣传要点", size=size, indent=5, exact=28)
        para(d, "", size=size)
        para(d, "江西省卫生健康委员会", size=size, align="r", exact=28)
        para(d, "2025年7月8日", size=size, align="r", exact=28)
        para(d, "（此件主动公开）", size=size, indent=2, exact=28)
        page_break(d)
        p = para(d, "抄送：国家疾病预防控制局，省市场监管局。", size=14)
        border_bottom(p, "000000", 6)
        para(d, "江西省卫生健康委员会办公室　　　　　　2025年7月8日印发", size=14)
        page_footer(sec)
    save(d, stem, {
        "layout": "official",
        "bulletin": {"issue": "赣卫疾控字〔2025〕23号", "date": "2025-07-08"},
        "articles": [{"title": "江西省卫生健康委员会关于做好2025年夏季食源性疾病防控工作的通知",
                      "first": "各设区市卫生健康委，赣江新区社会发展局，委直属有关单位：",
                      "last": "联系电话：0791-86228317。"}],
    })


# ---------------------------------------------------------------- newsletter
NEWS = [
    ("工作动态", [
        ("省健康教育中心启动“健康知识进万家”夏季行动", "荆州市疾控中心",
         ["7月1日，省健康教育中心在武汉启动“健康知识进万家”夏季行动。行动为期三个月，围绕防溺水、防中暑、合理膳食和科学用药四个主题，组织各地健康教育机构深入社区、农村和学校开展宣传。",
          "启动仪式上，专家现场演示了中暑急救和心肺复苏操作，并向群众发放宣传折页两千余份。中心负责人表示，今年将重点面向老年人和留守儿童，力争覆盖全省所有乡镇。"]),
        ("宜昌市开展基层健康教育骨干培训", "宜昌市卫生健康委",
         ["6月24日至26日，宜昌市举办基层健康教育骨干培训班，来自各县市区乡镇卫生院和社区卫生服务中心的一百二十名骨干参加培训。",
          "培训采取专题讲座、案例分析和现场演练相结合的方式，内容包括健康传播材料设计、短视频制作和健康讲座技巧。培训结束后，学员分组制作了宣传作品，并进行了展示和点评。"]),
    ]),
    ("基层经验", [
        ("咸宁市嘉鱼县：“健康夜校”办到村民家门口", "咸宁日报",
         ["嘉鱼县利用农闲时节和夜间时段，在村委会和文化广场开设“健康夜校”，由乡镇卫生院医生和村医轮流授课，讲解高血压、糖尿病的日常管理和用药知识。",
          "截至6月底，全县已开课八十六场，参与群众四千三百余人次。不少村民反映，夜校讲的内容实用，听得懂、用得上。"]),
    ]),
    ("知识园地", [
        ("夏季预防中暑的五个要点", None,
         ["一是避免在上午十时至下午四时高温时段长时间户外活动。二是及时补充水分，不要等到口渴时才喝水。三是穿着浅色、宽松、透气的衣服。四是保证充足睡眠，合理安排作息。五是出现头晕、恶心、大量出汗等症状时，立即到阴凉通风处休息，症状不缓解的要及时就医。"]),
    ]),
]


def newsletter(stem, *, two_columns=False, page=None, toc=True, heading_styles=False):
    d = docx.Document()
    if page == "a5":
        a4(d, top=1.6, bottom=1.6, left=1.5, right=1.5, width=14.8, height=21.0)
        body, tsize = 10, 13
    elif page == "letter":
        a4(d, top=2.0, bottom=2.0, left=1.9, right=1.9, width=21.59, height=27.94)
        body, tsize = 11, 15
    else:
        a4(d, top=2.5, bottom=2.5, left=2.5, right=2.5)
        body, tsize = 12 if not two_columns else 10.5, 16 if not two_columns else 14
    d.sections[0]
    para(d, "健康促进工作简报", name=XBS, size=30 if page != "a5" else 24, align="c", color="C00000")
    para(d, "2025年第3期（总第58期）", name="宋体", size=12, align="c", after=4)
    p = para(d, "湖北省健康教育中心编" + ("　" * (4 if page == "a5" else 12)) + "2025年7月10日", name="宋体", size=11, align="c")
    border_bottom(p, "C00000", 12)
    if toc:
        para(d, "目　　录", name=HT, size=14, align="c", before=8, after=4)
        for section, items in NEWS:
            para(d, f"【{section}】", name=HT, size=body)
            for title, _, _ in items:
                para(d, title, name="宋体", size=body, indent=1)
        p = para(d, "", size=6)
        border_bottom(p, "C00000", 6)
    if two_columns:
        new = d.add_section(WD_SECTION.CONTINUOUS)
        columns(new, 2)
    for section, items in NEWS:
        para(d, f"【{section}】", name=HT, size=tsize - 1, before=10, after=4, color="C00000")
        for title, source, paras in items:
            if heading_styles:
                h = d.add_heading(level=2)
                font(h.add_run(title), HT, tsize, True, "000000")
            else:
                para(d, title, name=HT, size=tsize, bold=True, align="c", before=6, after=6)
            for text in paras:
                para(d, text, name=FS, size=body, indent=2, align="j")
            if source:
                para(d, f"（来源：{source}）", name=KT, size=body, align="r")
    page_footer(d.sections[0], "- {} -", size=10)  # later sections share it
    gold_arts = []
    for section, items in NEWS:
        for title, source, paras in items:
            gold_arts.append({"title": title, "section": section, "source": source,
                              "first": paras[0][:24], "last": paras[-1][-16:]})
    save(d, stem, {"layout": "newsletter",
                   "bulletin": {"title": "健康促进工作简报", "issue": "2025年第3期（总第58期）", "number": 3, "total_number": 58, "date": "2025-07-10"},
                   "articles": gold_arts})


# ---------------------------------------------------------------- compilation
COMP = [
    ("关于印发乡镇卫生院服务能力提升行动方案的通知", "黔卫基层发〔2025〕7号",
     "各市（州）卫生健康局，各县（市、区）卫生健康局：",
     ["为进一步提升乡镇卫生院服务能力，推动优质医疗资源下沉，现将《乡镇卫生院服务能力提升行动方案》印发给你们，请结合实际认真贯彻落实。",
      "各地要成立工作专班，明确责任分工，于每季度末向省卫生健康委基层处报送工作进展。对工作推进不力的地区，将予以通报。"]),
    ("关于开展二〇二五年度家庭医生签约服务质量评价的通知", "黔卫基层函〔2025〕19号",
     "各市（州）卫生健康局：",
     ["为巩固家庭医生签约服务成效，提高签约居民满意度，省卫生健康委决定开展年度签约服务质量评价。评价内容包括签约覆盖、履约情况、居民感受度和信息化支撑四个方面。",
      "评价采取县级自评、市级复核和省级抽查相结合的方式进行。各地要如实填报评价数据，不得弄虚作假。",
      "请于2025年11月30日前将自评报告报送省卫生健康委基层处。"]),
    ("关于加强村卫生室药品配备使用管理的通知", "黔卫药政发〔2025〕4号",
     "各市（州）卫生健康局，各县（市、区）卫生健康局：",
     ["村卫生室是农村居民看病就医的第一道关口。为保障村民基本用药需求，现就加强村卫生室药品配备使用管理有关事项通知如下。",
      "一、村卫生室应当按照乡村一体化管理要求，由乡镇卫生院统一采购、统一配送药品，配备品种不少于六十种。",
      "二、乡镇卫生院要定期对村卫生室药品质量和储存条件进行检查，发现过期失效药品及时处理。"]),
]


def compilation(stem):
    d = docx.Document()
    a4(d, top=3.0, bottom=2.8, left=2.6, right=2.6)
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    para(d, "基层卫生健康政策文件汇编", name=XBS, size=28, align="c", before=160)
    para(d, "（2025年）", name="楷体_GB2312", size=18, align="c", before=12)
    para(d, "贵州省卫生健康委员会基层卫生健康处　编", name="宋体", size=14, align="c", before=200)
    page_break(d)
    para(d, "目　　录", name=HT, size=18, align="c", after=12)
    for k, (title, *_rest) in enumerate(COMP):
        para(d, f"{title}\t{2 + 2 * k}", name="宋体", size=14)
    for (title, number, addressee, paras), date in zip(COMP, ("2025年3月4日", "2025年9月18日", "2025年5月20日"), strict=False):
        page_break(d)
        para(d, title, name=XBS, size=20, align="c", before=12, after=6)
        para(d, number, name=KT, size=15, align="c", after=12)
        para(d, addressee, name=FS, size=15, exact=27)
        for text in paras:
            para(d, text, name=FS, size=15, indent=2, exact=27)
        para(d, "", size=15)
        para(d, "贵州省卫生健康委员会", name=FS, size=15, align="r", exact=27)
        para(d, date, name=FS, size=15, align="r", exact=27)
    page_header(sec, "基层卫生健康政策文件汇编")
    page_footer(sec, "- {} -", size=11)
    save(d, stem, {"layout": "compilation", "bulletin": {},
                   "articles": [{"title": t, "first": a, "last": p[-1][-16:]} for t, n, a, p in COMP]})


# ---------------------------------------------------------------- plan with chapters
PLAN = [
    ("第一章 发展基础", [("第一节 主要成就", "“十四五”时期，全市卫生健康事业取得显著进展。人均预期寿命提高到七十九点二岁，孕产妇死亡率和婴儿死亡率持续下降，居民健康素养水平达到百分之三十一。"),
                    ("第二节 面临形势", "人口老龄化程度加深，慢性病负担日益加重，优质医疗资源总量不足、分布不均的问题依然存在，基层服务能力仍是短板。")]),
    ("第二章 总体要求", [("第一节 指导思想", "坚持以人民健康为中心，把保障人民健康放在优先发展的战略位置，推动卫生健康工作从以治病为中心转向以人民健康为中心。"),
                    ("第二节 发展目标", "到2030年，全市人均预期寿命达到八十岁，每千人口执业（助理）医师数达到三点六人，基本建成优质高效的整合型医疗卫生服务体系。")]),
    ("第三章 主要任务", [("第一节 完善公共卫生体系", "改革完善疾病预防控制体系，健全传染病监测预警网络，提升突发公共卫生事件应急处置能力。"),
                    ("第二节 推进分级诊疗", "以城市医疗集团和县域医共体为载体，推动优质医疗资源扩容下沉，引导常见病、多发病患者首诊在基层。")]),
    ("第四章 保障措施", [("第一节 加强组织领导", "各区县要将本规划确定的目标任务纳入经济社会发展总体规划，建立部门协同推进机制。"),
                    ("第二节 强化监测评估", "建立规划实施监测评估制度，开展中期评估和终期评估，评估结果向社会公开。")]),
]


def plan(stem):
    d = docx.Document()
    a4(d, top=3.0, bottom=2.8, left=2.8, right=2.6)
    sec = d.sections[0]
    para(d, "绵阳市“十五五”卫生健康事业发展规划", name=XBS, size=24, align="c", before=120)
    para(d, "绵阳市人民政府办公室", name=KT, size=16, align="c", before=40)
    para(d, "2025年12月", name=KT, size=16, align="c")
    page_break(d)
    para(d, "目　　录", name=HT, size=18, align="c", after=12)
    for k, (chapter, sections) in enumerate(PLAN):
        para(d, f"{chapter}……………………………………………{1 + 2 * k}", name="宋体", size=14)
        for s, _ in sections:
            para(d, f"{s}………………………………………{1 + 2 * k}", name="宋体", size=14, indent=1)
    for chapter, sections in PLAN:
        page_break(d)
        h = d.add_heading(level=1)
        h.alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(h.add_run(chapter), HT, 16, True, "000000")
        for s, text in sections:
            h = d.add_heading(level=2)
            font(h.add_run(s), KT, 16, True, "000000")
            para(d, text, size=16, indent=2, exact=28)
            para(d, text.replace("。", "，") + "各项工作稳步推进。", size=16, indent=2, exact=28)
    page_footer(sec, "— {} —")
    save(d, stem, {"layout": "chapters", "bulletin": {"title": "绵阳市“十五五”卫生健康事业发展规划"},
                   "articles": [{"title": c, "first": s[0][0], "last": "各项工作稳步推进。"} for c, s in PLAN]})


# ---------------------------------------------------------------- report with tables
def report(stem):
    d = docx.Document()
    a4(d, top=2.5, bottom=2.5, left=2.5, right=2.5)
    sec = d.sections[0]
    t = d.add_paragraph(style="Title")
    font(t.add_run("2025年上半年全市法定传染病疫情分析报告"), XBS, 20, True, "000000")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(d, "株洲市疾病预防控制中心　2025年7月15日", name=KT, size=12, align="c", after=12)
    parts = [
        ("一、总体情况", "2025年1月至6月，全市共报告法定传染病十八种一万二千四百三十六例，死亡九例，报告发病率为每十万人口三百二十一点五，较去年同期下降百分之六点二。", True),
        ("二、重点传染病分析", "流行性感冒仍居报告病例数首位，占全部报告病例的百分之五十八；手足口病在五月出现季节性高峰，病例以五岁以下散居儿童为主。", False),
        ("三、下阶段防控建议", "一是加强学校和托幼机构晨午检，及早发现聚集性疫情。二是做好登革热等蚊媒传染病输入风险评估，开展爱国卫生运动清除蚊虫孳生地。三是持续推进重点人群疫苗接种。", False),
    ]
    for head, text, table in parts:
        h = d.add_heading(level=1)
        font(h.add_run(head), HT, 15, True, "000000")
        para(d, text, name="宋体", size=12, indent=2)
        if table:
            rows = [("病种", "报告病例数", "较去年同期"), ("流行性感冒", "7214", "-8.1%"), ("手足口病", "1632", "+4.5%"),
                    ("其他感染性腹泻病", "1288", "-2.3%"), ("肺结核", "903", "-5.0%")]
            tbl = d.add_table(rows=len(rows), cols=3)
            tbl.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    tbl.cell(r, c).text = v
            para(d, "注：数据来源于中国疾病预防控制信息系统，统计截至2025年6月30日24时。", name="宋体", size=10.5)
        if head.startswith("二"):
            h = d.add_heading(level=2)
            font(h.add_run("（一）呼吸道传染病"), KT, 13, True, "000000")
            para(d, "流感样病例占门急诊就诊总数的比例在一月达到峰值，此后逐月回落，六月降至百分之二点一。", name="宋体", size=12, indent=2)
            h = d.add_heading(level=2)
            font(h.add_run("（二）肠道传染病"), KT, 13, True, "000000")
            para(d, "其他感染性腹泻病报告病例数与去年同期基本持平，未发生聚集性疫情，诺如病毒检出率有所下降。", name="宋体", size=12, indent=2)
    page_footer(sec, "第 {} 页", size=10)
    save(d, stem, {"layout": "headings", "bulletin": {"title": "2025年上半年全市法定传染病疫情分析报告"},
                   "articles": [
                       {"title": "一、总体情况", "first": "2025年1月至6月，全市共报告法定传染病", "last": "肺结核 903 -5.0%"},
                       {"title": "二、重点传染病分析", "first": "流行性感冒仍居报告病例数首位", "last": "诺如病毒检出率有所下降。"},
                       {"title": "三、下阶段防控建议", "first": "一是加强学校和托幼机构晨午检", "last": "持续推进重点人群疫苗接种。"}]})




# ---------------------------------------------------------------- batch 2 (measured before any fix)
def news_letter(stem):
    d = docx.Document()
    a4(d, top=1.8, bottom=1.8, left=1.8, right=1.8, width=21.59, height=27.94)
    para(d, "疾控信息", name=XBS, size=26, align="c", color="1F4E79")
    para(d, "第12期", name="宋体", size=12, align="c")
    para(d, "宁夏回族自治区疾病预防控制中心主办　　2025年11月3日", name="宋体", size=10.5, align="c", after=8)
    para(d, "本期目录", name=HT, size=13, align="l")
    stories = [
        ("全区启动秋冬季呼吸道传染病防控专项行动", "宁夏日报", ["10月28日，自治区卫生健康委召开电视电话会议，部署秋冬季呼吸道传染病防控工作。会议要求各地加强流感、新冠、支原体肺炎等多病原监测，做好医疗资源储备。", "会议强调，要加强养老机构、学校等重点场所防控，推动老年人和慢性病患者接种流感疫苗。"]),
        ("银川市完成第三轮病媒生物密度监测", None, ["银川市疾控中心近日完成今年第三轮病媒生物密度监测，共布设监测点一百二十个。结果显示，蚊虫密度较上一轮下降百分之十八，鼠密度保持在控制水平以下。"]),
        ("固原市开展学生近视筛查", "固原市教育局", ["固原市对全市中小学生开展视力筛查，共筛查学生六万余人。筛查结果将录入学生健康档案，并向家长反馈。", "下一步，固原市将推广课间户外活动，控制学生电子产品使用时间。"]),
    ]
    for k, (title, _, _) in enumerate(stories):
        para(d, f"{title}\t{k + 2}", name="宋体", size=11)
    page_break(d)
    for title, source, paras in stories:
        h = d.add_heading(level=2)
        font(h.add_run(title), HT, 15, True, "1F4E79")
        for k, text in enumerate(paras):
            last = k == len(paras) - 1
            para(d, text + (f"（{source}）" if last and source else ""), name="宋体", size=11, indent=2)
    page_footer(d.sections[0], "{}", size=9, align="r")
    save(d, stem, {"layout": "newsletter", "bulletin": {"title": "疾控信息", "date": "2025-11-03"},
                   "articles": [{"title": t, "source": s, "first": p[0][:20], "last": p[-1][-14:]} for t, s, p in stories]})


def gw_request(stem):
    d = docx.Document()
    a4(d, top=3.7, bottom=3.5, left=2.8, right=2.6)
    para(d, "青海省卫生健康委员会", name=XBS, size=32, align="c", color="FF0000", before=20)
    p = para(d, "青卫发展〔2025〕41号\t\t\t签发人：赵文华", size=16, before=18, after=4)
    border_bottom(p)
    para(d, "青海省卫生健康委员会关于申请\n省级区域医疗中心建设补助资金的请示", name=XBS, size=22, align="c", before=18, after=18)
    para(d, "省财政厅：", size=16, exact=29)
    body = [
        "为加快推进省级区域医疗中心建设，提升高原地区危急重症救治能力，现就申请建设补助资金有关事项请示如下。",
        "一、项目基本情况",
        "省级区域医疗中心建设项目共涉及西宁、海东、海西三个地区的四家医院，总投资九点六亿元，目前已完成投资五点二亿元。",
        "二、资金缺口及申请事项",
        "经测算，项目尚有资金缺口一点八亿元，恳请省财政厅在2026年预算中予以安排。",
        "妥否，请批示。",
    ]
    for text in body:
        para(d, text, name=HT if text[1:2] == "、" else FS, size=16, indent=2, exact=29)
    para(d, "", size=16)
    para(d, "青海省卫生健康委员会", size=16, align="r", exact=29)
    para(d, "2025年10月9日", size=16, align="r", exact=29)
    para(d, "（联系人：马晓燕　电话：0971-8233614）", size=16, indent=2, exact=29)
    page_footer(d.sections[0], "— {} —", size=14, align="r")
    save(d, stem, {"layout": "official", "bulletin": {"issue": "青卫发展〔2025〕41号", "date": "2025-10-09"},
                   "articles": [{"title": "青海省卫生健康委员会关于申请省级区域医疗中心建设补助资金的请示",
                                 "first": "省财政厅：", "last": "妥否，请批示。"}]})


def plan_parts(stem):
    d = docx.Document()
    a4(d, top=2.8, bottom=2.8, left=2.8, right=2.6)
    para(d, "某自治州健康促进行动实施方案（2025—2030年）", name=XBS, size=22, align="c", after=12)
    parts = [("第一篇 总体要求", [("第一章 指导思想", "坚持预防为主、防治结合，把健康融入所有政策，全方位、全周期保障各族群众健康。"),
                                 ("第二章 主要目标", "到2030年，全州居民健康素养水平达到百分之三十，重大慢性病过早死亡率明显下降。")]),
             ("第二篇 重点行动", [("第三章 健康知识普及行动", "建立健全健康科普专家库和资源库，利用双语宣传，推动健康知识进村入户。"),
                                 ("第四章 合理膳食行动", "针对高原地区饮食特点，开展减盐、减油、减糖宣传，推广营养健康食堂。"),
                                 ("第五章 全民健身行动", "完善城乡公共健身设施，每年举办全民健身运动会，推动体育场馆免费或低收费开放。")]),
             ("第三篇 保障措施", [("第六章 组织实施", "州健康促进委员会统筹推进方案实施，各县市制定具体落实措施，每年向州委、州政府报告进展。")])]
    for part, chapters in parts:
        h = d.add_heading(level=1)
        h.alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(h.add_run(part), HT, 18, True, "000000")
        for chapter, text in chapters:
            h = d.add_heading(level=2)
            h.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(h.add_run(chapter), HT, 16, True, "000000")
            para(d, text, size=16, indent=2, exact=28)
            para(d, "各有关部门要按照职责分工抓好落实。", size=16, indent=2, exact=28)
    page_footer(d.sections[0], "— {} —")
    save(d, stem, {"layout": "chapters", "bulletin": {"title": "某自治州健康促进行动实施方案（2025—2030年）"},
                   "articles": [{"title": c, "section": p, "first": t[:16], "last": "各有关部门要按照职责分工抓好落实。"} for p, cs in parts for c, t in cs]})


def report_direct(stem):
    """A report typed with direct formatting only: 小标宋 title, 黑体 一、 heads in body size."""
    d = docx.Document()
    a4(d)
    para(d, "关于全市医疗机构院感防控督导检查情况的报告", name=XBS, size=22, align="c", after=18)
    para(d, "市卫生健康委：", size=16, exact=28)
    para(d, "按照工作安排，市卫生监督所于9月对全市二级以上医疗机构院感防控工作开展了督导检查，现将有关情况报告如下。", size=16, indent=2, exact=28)
    secs = [("一、检查基本情况", "本次共检查医疗机构二十六家，查阅制度文件三百余份，现场抽查重点科室八十四个。"),
            ("二、发现的主要问题", "部分医疗机构手卫生依从性不高，个别科室消毒液未按要求标注开启日期，医疗废物暂存点管理不规范。"),
            ("三、下一步工作建议", "建议将院感防控纳入医疗机构年度考核，对问题整改不到位的单位进行约谈。")]
    for head, text in secs:
        para(d, head, name=HT, size=16, indent=2, exact=28)
        para(d, text, size=16, indent=2, exact=28)
    para(d, "", size=16)
    para(d, "市卫生监督所", size=16, align="r")
    para(d, "2025年10月20日", size=16, align="r")
    page_footer(d.sections[0], "— {} —")
    save(d, stem, {"layout": "official", "bulletin": {"date": "2025-10-20"},
                   "articles": [{"title": "关于全市医疗机构院感防控督导检查情况的报告", "first": "市卫生健康委：", "last": "对问题整改不到位的单位进行约谈。"}]})




# ---------------------------------------------------------------- batch 3
FILL = ["坚持以基层为重点，推动医疗卫生工作重心下移、资源下沉，提高基层医疗卫生机构服务能力和水平，让群众在家门口就能享受到优质便捷的医疗卫生服务。",
        "加强部门协同，完善财政投入、人员编制、薪酬待遇等配套政策，建立健全以结果为导向的绩效评价机制，确保各项任务落地见效。",
        "强化信息化支撑，推进电子健康档案和电子病历互联互通，推动检查检验结果互认，减少群众重复检查和就医负担。"]


def long_plan(stem):
    d = docx.Document()
    a4(d, top=3.0, bottom=2.8, left=2.8, right=2.6)
    sec = d.sections[0]
    para(d, "某省“十五五”基层卫生健康发展规划", name=XBS, size=22, align="c", after=18)
    chapters = ["第一章 规划背景", "第二章 总体要求", "第三章 健全基层服务网络", "第四章 加强人才队伍建设", "第五章 提升服务质量", "第六章 实施保障"]
    for chapter in chapters:
        para(d, chapter, name=HT, size=16, align="c", before=12, after=12)
        for k in range(5):
            para(d, FILL[k % 3], size=16, indent=2, exact=28)
        para(d, chapter[4:] + "的各项任务要在2030年前全面完成。", size=16, indent=2, exact=28)
    sec.different_first_page_header_footer = False
    d.settings.odd_and_even_pages_header_footer = True
    page_header(sec, "某省“十五五”基层卫生健康发展规划")
    p = sec.even_page_header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run("某省卫生健康委员会印发"), "宋体", 10.5)
    page_footer(sec, "— {} —", align="r")
    ep = sec.even_page_footer.paragraphs[0]
    font(ep.add_run("— "), "宋体", 14)
    field(ep, "PAGE", name="宋体", size=14)
    font(ep.add_run(" —"), "宋体", 14)
    save(d, stem, {"layout": "chapters", "bulletin": {"title": "某省“十五五”基层卫生健康发展规划"},
                   "articles": [{"title": c, "first": FILL[0][:16], "last": "的各项任务要在2030年前全面完成。"} for c in chapters]})


def table_masthead(stem):
    d = docx.Document()
    a4(d, top=2.0, bottom=2.0, left=2.2, right=2.2)
    t = d.add_table(rows=2, cols=2)
    cell = t.cell(0, 0).merge(t.cell(0, 1))
    cell.text = ""
    font(cell.paragraphs[0].add_run("卫生健康简报"), XBS, 28, None, "FF0000")
    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(t.cell(1, 0).paragraphs[0].add_run("第7期"), "宋体", 12)
    font(t.cell(1, 1).paragraphs[0].add_run("2025年8月15日"), "宋体", 12)
    t.cell(1, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para(d, "某市卫生健康委员会办公室", name="宋体", size=12, align="c", after=10)
    stories = [("我市召开医疗卫生领域群众身边不正之风和腐败问题集中整治推进会", ["8月12日，市卫生健康委召开集中整治推进会，通报前一阶段工作进展，部署下一阶段重点任务。", "会议要求，各单位要聚焦群众反映强烈的突出问题，坚持边查边改、立行立改。"]),
               ("市人民医院胸痛中心通过国家标准版认证", ["近日，市人民医院胸痛中心顺利通过国家胸痛中心标准版认证。该院胸痛中心自建设以来，急性心肌梗死患者平均门球时间缩短至六十八分钟。"]),
               ("全市启动适龄女生HPV疫苗免费接种工作", ["8月1日起，我市为全市十三至十四岁在校女生免费接种HPV疫苗，预计惠及一万二千余人。", "接种工作由各区疾控中心统一组织，接种点设在辖区社区卫生服务中心。"])]
    for title, paras in stories:
        para(d, title, name=HT, size=15, align="c", before=10, after=6)
        for text in paras:
            para(d, text, name=FS, size=14, indent=2)
    para(d, "报：市委、市政府　　送：省卫生健康委　　发：各区卫生健康局", name="宋体", size=10.5, before=20)
    page_footer(d.sections[0], "{}", size=10)
    save(d, stem, {"layout": "newsletter", "bulletin": {"title": "卫生健康简报", "date": "2025-08-15"},
                   "articles": [{"title": t, "first": p[0][:16], "last": p[-1][-14:]} for t, p in stories]})


def gw_attach(stem):
    d = docx.Document()
    a4(d)
    para(d, "某市卫生健康局文件", name=XBS, size=34, align="c", color="FF0000", before=30)
    p = para(d, "某卫发〔2025〕9号", size=16, align="c", before=20, after=6)
    border_bottom(p)
    para(d, "某市卫生健康局关于印发《2025年基层卫生健康工作要点》的通知", name=XBS, size=22, align="c", before=20, after=18)
    para(d, "各县（区）卫生健康局，局机关各科室，局属各单位：", size=16, exact=28)
    para(d, "现将《2025年基层卫生健康工作要点》印发给你们，请结合实际抓好贯彻落实。", size=16, indent=2, exact=28)
    para(d, "", size=16)
    para(d, "附件：2025年基层卫生健康工作要点", size=16, indent=2, exact=28)
    para(d, "", size=16)
    para(d, "某市卫生健康局", size=16, align="r", exact=28)
    para(d, "2025年2月26日", size=16, align="r", exact=28)
    page_break(d)
    para(d, "附件", name=HT, size=16)
    para(d, "2025年基层卫生健康工作要点", name=XBS, size=22, align="c", before=12, after=12)
    for k, text in enumerate(FILL):
        para(d, f"{'一二三'[k]}、" + text, size=16, indent=2, exact=28)
    page_footer(d.sections[0], "— {} —")
    save(d, stem, {"layout": "official", "bulletin": {"issue": "某卫发〔2025〕9号", "date": "2025-02-26"},
                   "articles": [{"title": "某市卫生健康局关于印发《2025年基层卫生健康工作要点》的通知",
                                 "first": "各县（区）卫生健康局，局机关各科室，局属各单位：", "last": "减少群众重复检查和就医负担。"}]})


def main() -> None:
    gongwen("gw_notice")
    gongwen("gw_plaintext", plain=True)
    newsletter("news_a4")
    newsletter("news_twocol", two_columns=True, toc=False, heading_styles=True)
    newsletter("news_a5", page="a5")
    compilation("compilation")
    plan("plan_chapters")
    report("report_tables")
    news_letter("b2_news_letter")
    gw_request("b2_gw_request")
    plan_parts("b2_plan_parts")
    report_direct("b2_report_direct")
    long_plan("b3_long_plan")
    table_masthead("b3_table_masthead")
    gw_attach("b3_gw_attach")
    newsletter("b4_news_styles", heading_styles=True, page="letter")
    gongwen("b4_gw_small", size=14)
    newsletter("b4_news_twocol_toc", two_columns=True, toc=True)
    words = sorted(str(p) for p in OUT.glob("*.docx"))
    for kind in ("pdf", "doc"):
        subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(OUT), *words], check=True, capture_output=True)
    for stem, gold in GOLD.items():
        for ext in ("docx", "doc", "pdf"):
            (OUT / f"{stem}_{ext}.yaml").write_text(yaml.safe_dump({"file": f"{stem}.{ext}", **gold}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    print(f"{len(GOLD) * 3} files and their gold in {OUT}")


if __name__ == "__main__":
    main()
