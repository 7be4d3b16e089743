"""Thin background tasks: ids in, objects fetched again, mail through accounts.mail."""

from django.urls import reverse

from accounts.mail import MAIL_ERRORS, send_to_user
from pot.models import Reminder, Tip
from streets.models import StreetPage


def tell_gangmakers_of_tip(tip_id: int) -> None:
    """Tell the street's gangmakers there is a tip. The mail holds no text about the neighbour."""
    tip = Tip.objects.select_related("street").filter(pk=tip_id).first()
    if tip is None:
        return
    url = reverse("pot:pot", args=[tip.street_id])
    for membership in tip.street.gangmaker_memberships():
        send_to_user(
            membership.user,
            "pot/email/new_tip",
            {"street": tip.street, "tip": tip, "pot_url": url},
        )


def send_reminder_digest(street_id: int, reminder_ids: list[int]) -> None:
    """Each gangmaker of the street gets one mail with the reminders that are due."""
    street = StreetPage.objects.filter(pk=street_id).first()
    reminders = list(
        Reminder.objects.filter(pk__in=reminder_ids, done_at__isnull=True).order_by("due_on")
    )
    if street is None or not reminders:
        return
    url = reverse("pot:pot", args=[street_id])
    told = 0
    for membership in street.gangmaker_memberships():
        try:
            told += send_to_user(
                membership.user,
                "pot/email/reminder_digest",
                {"street": street, "reminders": reminders, "pot_url": url},
                fail_silently=False,
            )
        except MAIL_ERRORS:
            # The mail server is down. If no gangmaker has the digest yet, the reminders were
            # not sent after all and tomorrow's run tries again; if one has, it is not repeated.
            if not told:
                Reminder.objects.filter(pk__in=[r.pk for r in reminders]).update(sent_at=None)
            return
