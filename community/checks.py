"""System checks of the community app's settings: the client address that every rate limit counts by."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def trusted_proxy_count(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count is None:
        return [
            checks.Error(
                "TRUSTED_PROXY_COUNT is not set.",
                hint=(
                    "Set it to the number of reverse proxies in front of gunicorn that append to X-Forwarded-For "
                    "(1 for one TLS proxy), or to 0 if the client connects directly or the proxy sets REMOTE_ADDR "
                    "itself (PROXY protocol). With a wrong value every client looks like the proxy, and the log-in "
                    "limit of one address locks everyone out."
                ),
                id="community.E001",
            )
        ]
    if not isinstance(count, int) or count < 0:
        return [checks.Error("TRUSTED_PROXY_COUNT must be a whole number, 0 or more.", id="community.E002")]
    return []
