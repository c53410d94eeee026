"""gunicorn for xfnet (deploy/systemd/xfnet-web.service: gunicorn -c this file).

Sync workers: a page is CPU-bound Python plus a few short queries, and nginx in front
buffers slow clients. Each worker keeps one database connection (CONN_MAX_AGE), so
PostgreSQL's max_connections must cover workers x web hosts + Celery (postgresql/).
"""

import multiprocessing
import os

bind = os.environ.get("XFNET_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("XFNET_WEB_WORKERS", 2 * multiprocessing.cpu_count()))
worker_class = "sync"
# A render that takes longer than this is killed and logged (the page cache and
# nginx's copy keep answering readers meanwhile).
timeout = 30
graceful_timeout = 30
keepalive = 5
# Restart workers now and then: a long-lived Python process only grows.
max_requests = 5000
max_requests_jitter = 500
# Logs go to the journal; nginx logs the requests.
accesslog = None
errorlog = "-"
loglevel = "warning"
proc_name = "xfnet-web"
