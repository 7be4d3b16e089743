"""The exchange on a gangmaker's or coordinator's start page (accounts.todos)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.todos import Todo

from . import access
from .models import GangmakerMessage


def network_todos(user):
    upcoming = list(access.visible_meetings(user).filter(end__gte=timezone.now()))
    if upcoming:
        yield Todo(
            label=ngettext(
                "%(count)s bijeenkomst voor u: %(title)s",
                "%(count)s bijeenkomsten voor u, de eerste: %(title)s",
                len(upcoming),
            )
            % {"count": len(upcoming), "title": upcoming[0].title},
            url=reverse("network:meetings"),
            count=len(upcoming),
            kind="meetings",
            order=150,
        )
    if not (access.gangmaker_streets(user) or access.coordinated(user)):
        return
    unread = GangmakerMessage.objects.filter(recipient=user, read_at__isnull=True).count()
    if unread:
        yield Todo(
            label=ngettext(
                "%(count)s nieuw bericht van een gangmaker",
                "%(count)s nieuwe berichten van gangmakers",
                unread,
            )
            % {"count": unread},
            url=reverse("network:inbox"),
            count=unread,
            kind="gangmaker_messages",
        )
    yield Todo(
        label=_("Uitwisseling: vragen en tips van andere gangmakers"),
        url=reverse("network:index"),
        kind="exchange",
        order=200,
    )
