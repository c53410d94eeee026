from .article import ArticlePage, ArticleTag
from .column import ColumnPage
from .home import HomePage

__all__ = ["ArticlePage", "ArticleTag", "ColumnPage", "HomePage"]
