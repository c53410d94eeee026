import uuid

from django.db import models


class OrganisationKind(models.TextChoices):
    COMMITTEE = "committee", "党委"
    GENERAL_BRANCH = "general_branch", "党总支"
    BRANCH = "branch", "党支部"
    GROUP = "group", "党小组"


# Years a term runs before 换届 (党章: 党委 five, 党总支 and 党支部 three).
TERM_YEARS = {
    OrganisationKind.COMMITTEE: 5,
    OrganisationKind.GENERAL_BRANCH: 3,
    OrganisationKind.BRANCH: 3,
    OrganisationKind.GROUP: 3,
}


class Organisation(models.Model):
    """党组织: a 党委, 党总支, 党支部 or 党小组 of one node, nested by `parent`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    node_code = models.CharField("所属站点", max_length=12, db_index=True)
    name = models.CharField("组织名称", max_length=100)
    kind = models.CharField("组织类型", max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级组织", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )  # fmt: skip
    secretary = models.ForeignKey(
        "partyaffairs.Member", verbose_name="书记", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    committee = models.ManyToManyField(
        "partyaffairs.Member", verbose_name="委员", blank=True, related_name="committees"
    )
    term_started_on = models.DateField("本届任期开始", null=True, blank=True)
    term_ends_on = models.DateField("换届日期", null=True, blank=True, db_index=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "党组织"
        verbose_name_plural = "党组织"
        ordering = ["node_code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["node_code", "name"], name="unique_org_name_in_node")
        ]

    def __str__(self):
        return self.name
