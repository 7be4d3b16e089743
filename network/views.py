"""The gangmakers' exchange and directory. Every view checks on the server who may enter
(network.access); a topic or message outside a person's exchanges is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.models import HomePage
from streets.models import NeighbourhoodPage, StreetMembership

from . import access, services
from .forms import MessageForm, ReplyForm, ReportForm, TopicForm
from .models import GangmakerMessage, Reply, Topic


def _municipality(home_id):
    if home_id is None:
        return None
    return get_object_or_404(HomePage.objects.live(), pk=home_id)


def _exchange_url(municipality):
    if municipality is None:
        return redirect("network:national")
    return redirect("network:exchange", home_id=municipality.pk)


def _topic(request, topic_id) -> Topic:
    topic = get_object_or_404(Topic.objects.select_related("municipality"), pk=topic_id)
    if not access.may_enter(request.user, topic.municipality):
        raise Http404
    if topic.hidden_at and not access.may_moderate(request.user, topic.municipality):
        raise Http404
    return topic


@never_cache
@login_required
def index(request):
    homes = access.municipalities_of(request.user)
    national = access.may_enter(request.user, None)
    if not (homes or national):
        raise PermissionDenied(
            _("De uitwisseling is voor gangmakers en coördinatoren van Lief & Leedstraten.")
        )
    return render(
        request,
        "network/index.html",
        {"homes": homes, "national": national, "wijken": access.directory_wijken(request.user)},
    )


@never_cache
@login_required
def exchange(request, home_id=None):
    municipality = _municipality(home_id)
    if not access.may_enter(request.user, municipality):
        raise PermissionDenied(
            _("Deze uitwisseling is voor de gangmakers van een andere gemeente.")
        )
    moderator = access.may_moderate(request.user, municipality)
    topics = Topic.objects.filter(municipality=municipality).select_related(
        "author", "author_street"
    )
    if not moderator:
        topics = topics.filter(hidden_at__isnull=True)
    reports = []
    if moderator:
        from .models import ExchangeReport

        reports = ExchangeReport.objects.filter(
            topic__municipality=municipality, handled_at__isnull=True
        ).select_related("topic", "reply")
    return render(
        request,
        "network/exchange.html",
        {
            "municipality": municipality,
            "topics": topics,
            "moderator": moderator,
            "reports": reports,
        },
    )


@never_cache
@login_required
def new_topic(request, home_id=None):
    municipality = _municipality(home_id)
    if not access.may_enter(request.user, municipality):
        raise PermissionDenied(
            _("Deze uitwisseling is voor de gangmakers van een andere gemeente.")
        )
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        topic = services.post_topic(
            request.user,
            municipality,
            title=form.cleaned_data["title"].strip(),
            body=form.cleaned_data["body"].strip(),
        )
        messages.success(request, _("Uw vraag staat in de uitwisseling."))
        return redirect("network:topic", topic_id=topic.pk)
    return render(request, "network/new_topic.html", {"municipality": municipality, "form": form})


@never_cache
@login_required
def topic(request, topic_id):
    item = _topic(request, topic_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["body"].strip():
            services.post_reply(request.user, item, body=form.cleaned_data["body"].strip())
            messages.success(request, _("Uw reactie is geplaatst."))
            return redirect("network:topic", topic_id=item.pk)
        if form.is_valid():
            form.add_error("body", _("Schrijf eerst iets."))
    moderator = access.may_moderate(request.user, item.municipality)
    replies = item.replies.select_related("author", "author_street")
    if not moderator:
        replies = replies.filter(hidden_at__isnull=True)
    return render(
        request,
        "network/topic.html",
        {"topic": item, "replies": replies, "form": form, "moderator": moderator},
    )


def _reply(topic, reply_id) -> Reply | None:
    if reply_id is None:
        return None
    return get_object_or_404(topic.replies, pk=reply_id)


@never_cache
@login_required
def hide(request, topic_id, reply_id=None):
    """The coordinator hides a topic or a reply, after a confirmation."""
    item = _topic(request, topic_id)
    if not access.may_moderate(request.user, item.municipality):
        raise PermissionDenied(_("Alleen de coördinator van deze gemeente kan iets verbergen."))
    reply = _reply(item, reply_id)
    if request.method == "POST":
        services.hide(reply or item, request.user)
        messages.success(request, _("Verborgen. Deelnemers zien het niet meer."))
        if reply is None:
            return _exchange_url(item.municipality)
        return redirect("network:topic", topic_id=item.pk)
    return render(request, "network/hide.html", {"topic": item, "reply": reply})


@never_cache
@login_required
def report(request, topic_id, reply_id=None):
    item = _topic(request, topic_id)
    reply = _reply(item, reply_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report(request.user, item, reply, form.cleaned_data["reason"])
        messages.success(request, _("Dank u. De coördinator kijkt ernaar."))
        return redirect("network:topic", topic_id=item.pk)
    return render(request, "network/report.html", {"topic": item, "reply": reply, "form": form})


@never_cache
@login_required
def directory(request, wijk_id):
    wijk = get_object_or_404(NeighbourhoodPage.objects.live(), pk=wijk_id)
    if wijk.pk not in {w.pk for w in access.directory_wijken(request.user)}:
        raise PermissionDenied(_("U ziet alleen de gangmakers van uw eigen wijk."))
    return render(
        request,
        "network/directory.html",
        {"wijk": wijk, "gangmakers": access.gangmakers_of(wijk)},
    )


@never_cache
@login_required
def contact(request, membership_id):
    """Write to a gangmaker of a wijk one may see; neither sees the other's e-mail address."""
    wijken = access.directory_wijken(request.user)
    membership = get_object_or_404(
        StreetMembership.objects.select_related("user", "street"), pk=membership_id
    )
    if not any(access.gangmakers_of(w).filter(pk=membership.pk).exists() for w in wijken):
        raise Http404
    if membership.user_id == request.user.pk:
        raise Http404
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["body"].strip():
            form.add_error("body", _("Schrijf eerst iets."))
        else:
            services.send_message(request.user, membership, body=form.cleaned_data["body"].strip())
            messages.success(
                request,
                _("Uw bericht is verstuurd naar %(name)s.") % {"name": membership.user.first_name},
            )
            wijk = NeighbourhoodPage.objects.ancestor_of(membership.street).first()
            return redirect("network:directory", wijk_id=wijk.pk)
    return render(request, "network/contact.html", {"membership": membership, "form": form})


@never_cache
@login_required
def inbox(request):
    """Messages from other gangmakers, with a way to answer through the site. Marking them
    read is a POST (the button), never a side effect of looking."""
    if request.method == "POST":
        GangmakerMessage.objects.filter(recipient=request.user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        messages.success(request, _("Alles is als gelezen gemarkeerd."))
        return redirect("network:inbox")
    received = list(
        GangmakerMessage.objects.filter(recipient=request.user).select_related(
            "sender", "sender_street"
        )
    )
    # Where to answer each sender: their membership of the street they wrote from, in one query.
    memberships = {
        (user_id, street_id): pk
        for pk, user_id, street_id in StreetMembership.objects.filter(
            user_id__in={m.sender_id for m in received},
            street_id__in={m.sender_street_id for m in received},
        ).values_list("pk", "user_id", "street_id")
    }
    for message in received:
        message.reply_membership = memberships.get((message.sender_id, message.sender_street_id))
    return render(request, "network/inbox.html", {"received": received})


def _meeting(request, meeting_id):
    from .models import Meeting

    meeting = get_object_or_404(
        Meeting.objects.select_related("municipality", "wijk"), pk=meeting_id
    )
    if not access.may_see_meeting(request.user, meeting):
        raise Http404
    return meeting


@never_cache
@login_required
def meetings(request):
    """The meetings meant for this person, from today on; a coordinator plans new ones here."""

    mine = list(
        access.visible_meetings(request.user)
        .filter(end__gte=timezone.now())
        .select_related("municipality", "wijk")
    )
    going = set(
        request.user.meeting_attendances.filter(meeting__in=mine).values_list(
            "meeting_id", flat=True
        )
    )
    return render(
        request,
        "network/meetings.html",
        {
            "meetings": mine,
            "going": going,
            "may_organise": bool(access.coordinated(request.user))
            or access.may_organise(request.user, None),
        },
    )


@never_cache
@login_required
def new_meeting(request):
    from .forms import MeetingForm

    homes = access.coordinated(request.user)
    national = access.may_organise(request.user, None)
    if not homes and not national:
        raise PermissionDenied(_("Alleen coördinatoren plannen bijeenkomsten."))
    form = MeetingForm(homes, request.POST or None, national=national)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.create_meeting(request.user, **data)
        messages.success(
            request,
            _("De bijeenkomst staat erin; %(count)s mensen zijn uitgenodigd.")
            % {"count": access.invited(meeting).exclude(pk=request.user.pk).count()},
        )
        return redirect("network:meeting", meeting_id=meeting.pk)
    return render(request, "network/new_meeting.html", {"form": form})


@never_cache
@login_required
def meeting(request, meeting_id):
    item = _meeting(request, meeting_id)
    organiser = access.may_organise(request.user, item.municipality)
    return render(
        request,
        "network/meeting.html",
        {
            "meeting": item,
            "going": item.attendances.filter(user=request.user).exists(),
            "count": item.attendances.count(),
            # Names for the municipality's coordinators; the national coordinators, who see no
            # street's personal data, get the count only.
            "attendees": item.attendances.select_related("user")
            if organiser and (item.municipality_id or request.user.is_superuser)
            else [],
            "organiser": organiser,
        },
    )


@login_required
def attend(request, meeting_id):
    item = _meeting(request, meeting_id)
    if request.method != "POST":
        return redirect("network:meeting", meeting_id=item.pk)
    coming = request.POST.get("coming") == "ja"
    services.attend(request.user, item, coming)
    messages.success(
        request, _("Fijn, tot dan!") if coming else _("Jammer. Dank u voor het laten weten.")
    )
    return redirect("network:meeting", meeting_id=item.pk)


@login_required
def meeting_ics(request, meeting_id):
    import icalendar
    from django.http import HttpResponse

    item = _meeting(request, meeting_id)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Lief & Leed//Bijeenkomsten//NL")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"meeting-{item.pk}@liefenleed")
    event.add("dtstamp", item.created_at)
    event.add("dtstart", item.start)
    event.add("dtend", item.end)
    event.add("summary", item.title)
    event.add("location", item.location)
    if item.description:
        event.add("description", item.description)
    calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{item.pk}.ics"'
    return response


@never_cache
@login_required
def invitation(request, meeting_id):
    """A printable invitation, for gangmakers who are not online."""
    item = _meeting(request, meeting_id)
    if not access.may_organise(request.user, item.municipality):
        raise PermissionDenied(_("Alleen de organisator drukt uitnodigingen af."))
    return render(request, "network/invitation.html", {"meeting": item})
