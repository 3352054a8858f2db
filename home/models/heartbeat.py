"""Heartbeats: when each periodic job last ran, kept in the database so the health check can tell a dead beat."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """One row per periodic job, updated each time it runs. In the database, not the cache: the cache is one of
    the things that may be down, and a Redis restart would make every job look dead."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    at = models.DateTimeField(_("last run"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"


def beat(name: str) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"at": timezone.now()})


def last_beat(name: str):
    return Heartbeat.objects.filter(name=name).values_list("at", flat=True).first()
