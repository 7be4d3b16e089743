"""Authentication backends: django-axes' lockout check, tolerant of calls without a request."""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuse a login for an e-mail address + IP pair that django-axes has locked out.

    Every login through the site (our login page, the Wagtail and Django admin) passes the
    request. A call without one (Django's test client `login()`, a management command) has no
    address to throttle on; it is left to the next backend instead of raising, as axes'
    own backend would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
