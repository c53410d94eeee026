"""Footers and colours for the demo sites, as a webmaster would fill them in."""

from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Site

from network.models import Node
from themes.colours import DEFAULT_ACCENT
from themes.models import SiteTheme

# One site shows that each site picks its own accent colour.
ACCENTS = {"340123": "#8b0000"}


def dress_demo_sites(log=print) -> int:
    """Give every demo site its footer (主办单位, contact, 备案号) once; returns how many."""
    dressed = 0
    for index, node in enumerate(Node.objects.select_related("tenant").order_by("path"), 1):
        org = node.name.removesuffix("先锋网")
        with schema_context(node.tenant.schema_name):
            site = Site.objects.filter(pk=node.site_id).first()
            if site is None or SiteTheme.objects.filter(site=site).exists():
                continue
            SiteTheme.objects.create(
                site=site,
                organiser=f"中共{org}委员会组织部" if node.is_backbone else f"中共{org}委员会",
                operator=f"{org}党员教育中心" if node.is_backbone else "",
                address=f"安徽省{org}",
                phone=f"0551-6{index:03d}0000",
                icp_number=f"皖ICP备{20260000 + index}号-1",
                police_number=f"皖公网安备 {34010402000000 + index}号",
                accent_colour=ACCENTS.get(node.code, DEFAULT_ACCENT),
                # backbone sites are 党政机关 sites with a 网站标识码 (a made-up one here)
                site_code=f"{node.code[:6]}{index:04d}" if node.is_backbone else "",
                government_mark_url=(
                    f"https://bszs.conac.cn/sitename?method=show&id={node.code}"
                    if node.is_backbone
                    else ""
                ),
            )
            dressed += 1
    connection.set_schema_to_public()
    log(f"  站点页脚与外观：{dressed} 个站点")
    return dressed
