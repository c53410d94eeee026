"""Who is asking: the reader's address, for throttles and rate limits."""

from django.conf import settings


def client_ip(request) -> str:
    """The reader's address: REMOTE_ADDR, or behind XFNET_TRUSTED_PROXIES proxies the
    address the nearest of them saw (a reader can forge X-Forwarded-For entries to
    the left of it, never the one our own proxy appended)."""
    proxies = settings.XFNET_TRUSTED_PROXIES
    if proxies:
        hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
