"""What party affairs keeps in the public schema: only what crosses nodes.

Records stay in their node's schema; these rows name them by UUID.
"""

import uuid

from django.conf import settings
from django.db import models

from network.models import Node


class AuditAction(models.TextChoices):
    READ = "read", "查看档案"
    CREATE = "create", "登记"
    CHANGE = "change", "修改"
    EXPORT = "export", "导出"
    IMPORT = "import", "导入"
    TRANSFER = "transfer", "组织关系接转"


class AuditEntry(models.Model):
    """One read of a member's record by someone other than the member, or one change.

    Kept in public so a record's trail survives its moves between schemas and the
    province can review every node's. It names the member by UUID only.
    """

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    actor_name = models.CharField("操作人姓名", max_length=150)
    node = models.ForeignKey(Node, verbose_name="档案所在站点", on_delete=models.CASCADE,
                             related_name="+")  # fmt: skip
    member_uuid = models.UUIDField("党员", null=True, db_index=True)
    action = models.CharField("操作", max_length=10, choices=AuditAction.choices)
    detail = models.CharField("说明", max_length=500, blank=True)

    class Meta:
        verbose_name = "党员信息操作记录"
        verbose_name_plural = "党员信息操作记录"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()}"


class TransferState(models.TextChoices):
    PENDING = "pending", "待接收"
    ACCEPTED = "accepted", "已接收"
    RETURNED = "returned", "已退回"


class Transfer(models.Model):
    """组织关系接转: a member's record on its way to another node's organisation.

    The record stays where it is until the receiving officer accepts; accepting
    copies it into the receiving schema and leaves a stub behind, in one transaction.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    member_uuid = models.UUIDField("党员", db_index=True)
    member_name = models.CharField("姓名", max_length=50)
    from_node = models.ForeignKey(Node, verbose_name="转出站点", on_delete=models.CASCADE,
                                  related_name="+")  # fmt: skip
    from_organisation_name = models.CharField("转出组织", max_length=100)
    to_node = models.ForeignKey(Node, verbose_name="转入站点", on_delete=models.CASCADE,
                                related_name="+")  # fmt: skip
    to_organisation_uuid = models.UUIDField("转入组织")
    to_organisation_name = models.CharField("转入组织", max_length=100)
    state = models.CharField(
        "状态", max_length=10, choices=TransferState.choices, default=TransferState.PENDING,
        db_index=True,
    )  # fmt: skip
    reason = models.CharField("转接原因", max_length=200, blank=True)
    reply = models.CharField("退回理由", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "组织关系接转"
        verbose_name_plural = "组织关系接转"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["member_uuid"],
                condition=models.Q(state="pending"),
                name="one_pending_transfer_per_member",
            )
        ]

    def __str__(self):
        return f"{self.member_name}：{self.from_node.name} → {self.to_node.name}"


class MemberAccount(models.Model):
    """A member's login for the public site's 个人中心 (/my/), not for the admin.

    Learning, exams, forums and points hang off this account.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_account"
    )
    node = models.ForeignKey(Node, verbose_name="所在站点", on_delete=models.CASCADE,
                             related_name="+")  # fmt: skip
    member_uuid = models.UUIDField("党员", unique=True)
    created_at = models.DateTimeField("开通时间", auto_now_add=True)

    class Meta:
        verbose_name = "党员账号"
        verbose_name_plural = "党员账号"

    def __str__(self):
        return str(self.user)


class NodeFigures(models.Model):
    """A node's party figures, kept current on change (partyaffairs.figures).

    `own` counts the node's own register; `subtree` adds every descendant's, so a
    leader's view of any branch reads a handful of rows.
    """

    node = models.OneToOneField(Node, on_delete=models.CASCADE, related_name="party_figures")
    own = models.JSONField(default=dict)
    subtree = models.JSONField(default=dict)
    refreshed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "党务统计"
        verbose_name_plural = "党务统计"

    def __str__(self):
        return str(self.node)
