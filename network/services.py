"""Writing in the exchange and between gangmakers; news goes through the outbox of
matching.services.notifications (quiet hours and digests respected), addressed to the
recipient's own street as gangmaker."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.languages import for_person
from matching.models import Notification
from matching.services.notifications import enqueue_send

from .access import gangmaker_streets, street_shown
from .models import ExchangeReport, GangmakerMessage, Reply, Topic


def _notify(user, kind: str, text: str) -> None:
    streets = gangmaker_streets(user)
    if not streets:
        return  # a coordinator reads the exchange itself
    notification = Notification.objects.create(
        user=user, street=streets[0], kind=kind, text=text[:300]
    )
    transaction.on_commit(lambda pk=notification.pk: enqueue_send(pk))


@transaction.atomic
def post_topic(user, municipality, *, title: str, body: str) -> Topic:
    return Topic.objects.create(
        municipality=municipality,
        title=title,
        body=body,
        author=user,
        author_street=street_shown(user, municipality),
    )


@transaction.atomic
def post_reply(user, topic: Topic, *, body: str) -> Reply:
    reply = Reply.objects.create(
        topic=topic, body=body, author=user, author_street=street_shown(user, topic.municipality)
    )
    Topic.objects.filter(pk=topic.pk).update(last_activity_at=reply.created_at)
    # The asker and everyone who answered before hear of it, once per reply.
    others = {topic.author_id} | set(topic.replies.values_list("author_id", flat=True))
    others.discard(user.pk)
    people = get_user_model().objects.filter(pk__in=others, is_active=True)
    for person in people:
        with for_person(person):
            _notify(
                person,
                "exchange_reply",
                _("%(name)s reageerde in de uitwisseling op “%(title)s”.")
                % {"name": user.first_name, "title": topic.title},
            )
    return reply


def hide(item, by) -> None:
    """Hide a topic or a reply (the coordinator); reports about it count as handled."""
    now = timezone.now()
    with transaction.atomic():
        type(item).objects.filter(pk=item.pk).update(hidden_at=now, hidden_by=by)
        reports = ExchangeReport.objects.filter(handled_at__isnull=True)
        if isinstance(item, Topic):
            reports.filter(topic=item).update(handled_at=now)
        else:
            reports.filter(reply=item).update(handled_at=now)


def report(user, topic: Topic, reply: Reply | None, reason: str) -> ExchangeReport:
    return ExchangeReport.objects.create(topic=topic, reply=reply, reporter=user, reason=reason)


@transaction.atomic
def send_message(sender, membership, *, body: str) -> GangmakerMessage:
    """Deliver a message to the gangmaker of `membership`, through the site."""
    sender_street = street_shown(sender, None)
    message = GangmakerMessage.objects.create(
        sender=sender,
        sender_street=sender_street,
        recipient=membership.user,
        recipient_street=membership.street,
        body=body,
    )
    with for_person(membership.user):
        _notify(
            membership.user,
            "gangmaker_message",
            _(
                "Bericht van %(name)s (%(street)s), gangmaker: lees het onder Berichten van gangmakers."
            )
            % {
                "name": sender.first_name,
                "street": sender_street.title if sender_street else _("coördinator"),
            },
        )
    return message


def create_meeting(organiser, **fields):
    """Store the meeting and invite its audience: gangmakers through the outbox, welzijn staff
    and coordinators by e-mail after the commit."""
    from accounts.mail import send_to_user

    from .access import invited
    from .models import Meeting

    with transaction.atomic():
        meeting = Meeting.objects.create(organiser=organiser, **fields)
        when = timezone.localtime(meeting.start).strftime("%d-%m-%Y %H:%M")
        staff = []
        for person in invited(meeting):
            if person.pk == organiser.pk:
                continue
            if gangmaker_streets(person):
                with for_person(person):
                    _notify(
                        person,
                        "meeting_invitation",
                        _("Uitnodiging: %(title)s, %(when)s, %(where)s. Zie Bijeenkomsten.")
                        % {"title": meeting.title, "when": when, "where": meeting.location},
                    )
            else:
                staff.append(person)
        transaction.on_commit(
            lambda: [
                send_to_user(person, "network/email/invitation", {"meeting": meeting})
                for person in staff
            ]
        )
    return meeting


def attend(user, meeting, coming: bool) -> None:
    from .models import MeetingAttendance

    if coming:
        MeetingAttendance.objects.get_or_create(meeting=meeting, user=user)
    else:
        MeetingAttendance.objects.filter(meeting=meeting, user=user).delete()
