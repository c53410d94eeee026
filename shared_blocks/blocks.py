"""Blocks any site can place on its home page; each renders with one query.

They find the site's node on the request (network.middleware), so a block placed
on a village home shows what reaches that village.
"""

from wagtail import blocks

from syndication.reach import accepted_for, network_top, pushed_news_for

from .models import AllianceLink, current_campaign


def _node(parent_context):
    request = (parent_context or {}).get("request")
    return getattr(request, "node", None)


class _ListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="板块标题", required=False, max_length=30)
    count = blocks.IntegerBlock(label="条数", default=6, min_value=1, max_value=20)

    default_title = ""

    def items(self, node, count):  # pragma: no cover - each subclass says
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        node = _node(parent_context)
        context["heading"] = value.get("title") or self.default_title
        context["items"] = self.items(node, value.get("count") or 6) if node else []
        return context


class PushedNewsBlock(_ListBlock):
    default_title = "上级要闻"

    def items(self, node, count):
        return [push.story for push in pushed_news_for(node, count)]

    class Meta:
        icon = "arrow-down"
        label = "上级要闻"
        template = "shared_blocks/story_list.html"
        description = "上级站点下发的要闻，置顶的排在前面"
        preview_value = {"title": "上级要闻", "count": 6}


class DownstreamHighlightsBlock(_ListBlock):
    default_title = "基层动态"

    def items(self, node, count):
        return [submission.story for submission in accepted_for(node)[:count]]

    class Meta:
        icon = "arrow-up"
        label = "基层动态"
        template = "shared_blocks/story_list.html"
        description = "本站采用的下级站点报送稿件"
        preview_value = {"title": "基层动态", "count": 6}


class NetworkTopBlock(_ListBlock):
    default_title = "全网头条"

    def items(self, node, count):
        return network_top(count)

    class Meta:
        icon = "pick"
        label = "全网头条"
        template = "shared_blocks/story_list.html"
        description = "省级站点从全网采用的优秀稿件"
        preview_value = {"title": "全网头条", "count": 6}


class CampaignBannerBlock(blocks.StaticBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["campaign"] = current_campaign()
        return context

    class Meta:
        icon = "image"
        label = "专题横幅"
        template = "shared_blocks/campaign_banner.html"
        description = "省级站点为全网设置的当前专题"
        admin_text = "显示省级站点设置的当前专题横幅，无需填写。"
        preview_value = None


class AllianceLinksBlock(blocks.StaticBlock):
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["links"] = list(AllianceLink.objects.all())
        return context

    class Meta:
        icon = "link"
        label = "党网联盟"
        template = "shared_blocks/alliance_links.html"
        description = "全网统一的党网联盟链接"
        admin_text = "显示全网统一的党网联盟链接，无需填写。"
        preview_value = None


class SharedBlocks(blocks.StreamBlock):
    campaign = CampaignBannerBlock()
    upstream = PushedNewsBlock()
    network_top = NetworkTopBlock()
    downstream = DownstreamHighlightsBlock()
    alliance = AllianceLinksBlock()

    class Meta:
        block_counts = {name: {"max_num": 1} for name in ("campaign", "alliance")}


# What a home page shows when its webmaster has not arranged the blocks.
DEFAULT_LAYOUT = [
    ("campaign", None),
    ("upstream", {"title": "", "count": 8}),
    ("network_top", {"title": "", "count": 6}),
    ("downstream", {"title": "", "count": 6}),
    ("alliance", None),
]
