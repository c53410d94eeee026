from django.apps import AppConfig


class ReadershipConfig(AppConfig):
    name = "readership"
    label = "readership"
    verbose_name = "阅读统计"

    def ready(self):
        # the document model is the tenant app's: connected once apps are loaded
        from wagtail.documents import get_document_model
        from wagtail.documents.models import document_served

        from .downloads import on_document_served

        document_served.connect(
            on_document_served, sender=get_document_model(), dispatch_uid="count_downloads"
        )
