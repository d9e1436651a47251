from xml.etree import ElementTree

from familiennetz.core.charts import Series, bar_chart, line_chart

NS = {"svg": "http://www.w3.org/2000/svg"}


def _parse(chart):
    return ElementTree.fromstring(str(chart.svg))


def test_a_bar_chart_is_valid_svg_with_a_title_and_one_bar_per_shown_value():
    chart = bar_chart(
        title="Antworten <nach> Stadtteil",
        categories=["Nord", "Süd", "Ost"],
        series=[Series("2026", [12, None, 30])],
    )
    root = _parse(chart)
    assert root.get("role") == "img"
    assert root.find("svg:title", NS).text == "Antworten <nach> Stadtteil"
    assert len(root.findall("svg:rect", NS)) == 2  # the hidden count draws no bar
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<5" in texts and "Süd" in texts
    assert "style=" not in str(chart.svg)  # strict CSP: presentation attributes only


def test_the_table_alternative_holds_the_same_figures():
    chart = bar_chart(
        title="Plätze",
        categories=["A", "B"],
        series=[Series("frei", [1.5, 2]), Series("belegt", [3, None])],
    )
    assert chart.table["columns"] == ["frei", "belegt"]
    assert chart.table["rows"] == [("A", ["1,5", "3"]), ("B", ["2", "<5"])]


def test_a_line_chart_breaks_at_hidden_values():
    chart = line_chart(
        title="Kinder unter 6",
        categories=["2022", "2023", "2024", "2025"],
        series=[Series("Nord", [420, 431, None, 450])],
    )
    root = _parse(chart)
    assert len(root.findall("svg:polyline", NS)) == 1  # 2022–2023; 2025 stands alone
    assert len(root.findall("svg:circle", NS)) == 3
