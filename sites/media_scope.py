"""Images and documents a form may use: only those the account may choose.

Wagtail's choosers list only the account's own collections, but a form post can
name any id; a foreign unpublished document would then be shown, and linked for
anyone, from this site. Page forms and the site settings form check every image
and document they were given (fields, body blocks, document links in rich text)
against the account's `choose` permission on collections.
"""

import re

from django.core.exceptions import ValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

_DOCUMENT_LINK = re.compile(r'<a[^>]*\blinktype="document"[^>]*\bid="(\d+)"')


def chosen_media(value, images: set, documents: set) -> None:
    """Collect the ids of images and documents anywhere inside a form value."""
    if value is None or isinstance(value, str | int | float | bool):
        return
    if isinstance(value, get_image_model()):
        images.add(value.pk)
    elif isinstance(value, get_document_model()):
        documents.add(value.pk)
    elif isinstance(value, RichText):
        documents.update(int(pk) for pk in _DOCUMENT_LINK.findall(value.source))
    elif isinstance(value, dict):  # StructValue
        for item in value.values():
            chosen_media(item, images, documents)
    elif hasattr(value, "raw_data"):  # StreamValue: its children carry the values
        for child in value:
            chosen_media(child.value, images, documents)
    elif hasattr(value, "bound_blocks"):  # ListValue
        for bound in value.bound_blocks:
            chosen_media(bound.value, images, documents)
    elif isinstance(value, list | tuple):
        for item in value:
            chosen_media(item, images, documents)


def foreign_media(user, cleaned_data) -> tuple[set, set]:
    """(image ids, document ids) in the form's data that the user may not choose."""
    images, documents = set(), set()
    for value in cleaned_data.values():
        chosen_media(value, images, documents)
    if user is None or user.is_superuser:
        return set(), set()
    return (
        _not_choosable(user, get_image_model(), images),
        _not_choosable(user, get_document_model(), documents),
    )


def _not_choosable(user, model, ids: set) -> set:
    if not ids:
        return set()
    policy = policy_registry.get_by_type(model)
    allowed = policy.instances_user_has_permission_for(user, "choose").filter(pk__in=ids)
    return ids - set(allowed.values_list("pk", flat=True))


class ChosenMediaFormMixin:
    """For Wagtail admin forms (they know `for_user`): refuse other sites' media."""

    def clean(self):
        cleaned_data = super().clean()
        images, documents = foreign_media(self.for_user, cleaned_data)
        if images or documents:
            raise ValidationError(
                "所选的图片或文档不属于您可以使用的图片库、文档库，请重新选择。"
                "（图片编号：%(images)s；文档编号：%(documents)s）",
                params={
                    "images": "、".join(map(str, sorted(images))) or "无",
                    "documents": "、".join(map(str, sorted(documents))) or "无",
                },
            )
        return cleaned_data
