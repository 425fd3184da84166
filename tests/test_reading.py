"""Reading: every supported encoding is decoded and named; bad bytes get a clear error."""

from __future__ import annotations

import codecs

import pytest

from healthdigest.errors import InputError
from healthdigest.reading import decode_bytes, read_file

TEXT = "卫生健康信息动态\n2024年第9期（总第296期）\n国家卫生健康委员会召开发布会。\n"


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
        (TEXT.encode("utf-16"), "UTF-16 with BOM"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 with BOM"),
        (TEXT.encode("gb18030"), "GB18030"),
        (TEXT.encode("gbk"), "GB18030"),
    ],
)
def test_encodings_are_decoded_and_reported(data, label):
    decoded = decode_bytes(data)
    assert decoded.text.lstrip("\ufeff") == TEXT
    assert decoded.encoding == label


def test_big5_is_decoded_and_named():
    text = "衛生健康資訊動態：國家衛生健康委員會召開新聞發布會，介紹醫療衛生服務體系建設進展。" * 3
    decoded = decode_bytes(text.encode("big5"))
    assert decoded.text == text
    assert decoded.encoding == "Big5"


def test_pdf_saved_as_txt_says_extract_text_first():
    with pytest.raises(InputError, match="PDF.*extract its text"):
        decode_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")


def test_empty_file_is_an_error():
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"  \n\n\t ")


def test_nul_bytes_are_refused_as_binary():
    with pytest.raises(InputError, match="NUL"):
        decode_bytes("正文".encode() + b"\x00\x01\x02" + "内容".encode())


def test_utf16_without_bom_is_recognised():
    text = "Health bulletin 2024: 卫生健康 news digest for the week, issue 9.\n" * 4
    decoded = decode_bytes(text.encode("utf-16-le"))
    assert decoded.text == text
    assert decoded.warnings


def test_mixed_gbk_and_utf8_lines_are_decoded_line_by_line():
    data = "第一行是UTF-8编码的文字。\n".encode() + "第二行是GBK编码的文字。\n".encode("gbk")
    decoded = decode_bytes(data)
    assert "第二行是GBK编码的文字" in decoded.text and "第一行是UTF-8编码的文字" in decoded.text
    assert decoded.warnings


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_oversized_file_gets_a_limit_message(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("卫生".encode() * 1000)
    with pytest.raises(InputError, match="limit"):
        read_file(big, max_bytes=1000)


def test_gbk_file_is_not_mistaken_for_mixed():
    text = "第一行：医保基金监管。\n第二行“数据”—说明。\n" * 20
    decoded = decode_bytes(text.encode("gbk"))
    assert decoded.encoding == "GB18030" and decoded.text == text


def test_mixed_lines_with_only_punctuation_in_utf8():
    data = "“——”\n".encode() + "会议召开。\n".encode("gbk")
    decoded = decode_bytes(data)
    assert decoded.text == "“——”\n会议召开。\n"


def test_utf8_cut_off_mid_character_is_read_and_the_damage_reported():
    data = "国家医保局推进医保基金监管。".encode() * 50
    decoded = decode_bytes(data[:-1])  # a file still being written
    assert decoded.encoding == "UTF-8 (damaged)"
    assert decoded.text.startswith("国家医保局") and decoded.text.endswith("\ufffd")
    assert "replaced with U+FFFD" in decoded.warnings[0]


def test_a_stray_nul_in_a_long_text_is_removed_and_reported():
    data = "医保基金监管。".encode() * 500
    decoded = decode_bytes(data[:300] + b"\x00" + data[300:])
    assert "\x00" not in decoded.text and "NUL" in decoded.warnings[0]
