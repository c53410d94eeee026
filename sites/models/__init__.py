from .article import ArticlePage, ArticleTag
from .column import ColumnKind, ColumnPage
from .home import HomePage

__all__ = ["ArticlePage", "ArticleTag", "ColumnKind", "ColumnPage", "HomePage"]
