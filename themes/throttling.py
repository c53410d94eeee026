"""Guessing passwords is slowed down: the admin login and every password-protected page
or document collection lock out an account (or a protected item) and an address after
a few wrong tries, for a while (django-axes keeps the count in the public schema).

Admin logins are counted by axes' own authentication backend; the page and document
password forms are Wagtail views, wrapped here so that each wrong password counts as
a failed login for "that item" and a locked item or address is refused before the
password is even looked at.
"""

from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth.signals import user_login_failed
from django.db import connection


def password_throttled(kind: str, restriction_kwarg: str):
    """Wrap a Wagtail password view: each protected item (the restriction the URL
    names, in the request's schema) counts its own wrong passwords."""

    def decorator(view):
        @wraps(view)
        def throttled_view(request, *args, **kwargs):
            item = f"{kind}#{connection.schema_name}:{kwargs[restriction_kwarg]}"
            credentials = {"username": item}
            if not AxesProxyHandler.is_allowed(request, credentials):
                return get_lockout_response(request, None, credentials)
            response = view(request, *args, **kwargs)
            # a wrong password shows the form again (200); a right one redirects
            if request.method == "POST" and response.status_code == 200:
                user_login_failed.send(sender=__name__, credentials=credentials, request=request)
                if getattr(request, "axes_locked_out", False):
                    return get_lockout_response(request, None, credentials)
            return response

        return throttled_view

    return decorator
