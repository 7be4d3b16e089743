"""Who may enter which exchange, moderate it, and see which wijk's directory of gangmakers.

The exchange of a municipality is for the gangmakers of its streets and its coordinators; the
national exchange for every gangmaker and coordinator, and the national coordinators, who
moderate it (with the superusers) and organise the national meetings. Welzijn staff and
neighbours who are not gangmakers have no place here.
"""

from wagtail.models import Page

from home.models import HomePage
from streets.choices import MemberRole, MembershipStatus
from streets.models import CoordinatorAssignment, NeighbourhoodPage, StreetMembership, StreetPage
from streets.permissions import is_coordinator_of, is_national_coordinator


def gangmaker_streets(user) -> list[StreetPage]:
    if not user.is_authenticated:
        return []
    return list(
        StreetPage.objects.live()
        .filter(
            memberships__user=user,
            memberships__role=MemberRole.GANGMAKER,
            memberships__status=MembershipStatus.APPROVED,
        )
        .order_by("title")
    )


def coordinated(user) -> list[HomePage]:
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return list(HomePage.objects.live().order_by("title"))
    ids = CoordinatorAssignment.objects.filter(user=user).values_list("municipality_id", flat=True)
    return list(HomePage.objects.filter(pk__in=ids).order_by("title"))


def municipalities_of(user) -> list[HomePage]:
    """The municipalities whose exchange this person may enter, by title."""
    found = {home.pk: home for home in coordinated(user)}
    streets = gangmaker_streets(user)
    # Every ancestor's tree path of every street, and the municipalities among them: one query.
    steplen = Page.steplen
    prefixes = {
        street.path[:length]
        for street in streets
        for length in range(steplen, len(street.path), steplen)
    }
    homes = list(HomePage.objects.filter(path__in=prefixes).order_by("path")) if prefixes else []
    for street in streets:
        # The topmost municipality above the street, as Page ordering by path gave before.
        home = next((home for home in homes if street.path.startswith(home.path)), None)
        if home is not None:
            found.setdefault(home.pk, home)
    return sorted(found.values(), key=lambda home: home.title)


def may_enter(user, municipality: HomePage | None) -> bool:
    if municipality is None:
        return bool(is_national_coordinator(user) or gangmaker_streets(user) or coordinated(user))
    return any(home.pk == municipality.pk for home in municipalities_of(user))


def may_moderate(user, municipality: HomePage | None) -> bool:
    if municipality is None:
        return user.is_superuser or is_national_coordinator(user)
    return is_coordinator_of(user, municipality)


def street_shown(user, municipality: HomePage | None) -> StreetPage | None:
    """The street an author is shown with: their gangmaker street in this municipality."""
    for street in gangmaker_streets(user):
        if municipality is None or street.path.startswith(municipality.path):
            return street
    return None


def directory_wijken(user) -> list[NeighbourhoodPage]:
    """The wijken whose gangmakers this person may see: where they are a gangmaker, and every
    wijk of a municipality they coordinate."""
    found = {}
    for street in gangmaker_streets(user):
        wijk = NeighbourhoodPage.objects.ancestor_of(street).first()
        if wijk is not None:
            found[wijk.pk] = wijk
    for home in coordinated(user):
        for wijk in NeighbourhoodPage.objects.live().descendant_of(home):
            found[wijk.pk] = wijk
    return sorted(found.values(), key=lambda wijk: wijk.title)


def gangmakers_of(wijk: NeighbourhoodPage):
    """The approved gangmaker memberships of the wijk's live streets, by street."""
    return (
        StreetMembership.objects.filter(
            street__in=StreetPage.objects.live().descendant_of(wijk),
            role=MemberRole.GANGMAKER,
            status=MembershipStatus.APPROVED,
        )
        .select_related("user", "street")
        .order_by("street__title", "user__first_name")
    )


def invited(meeting):
    """The people a meeting is meant for, as a queryset of users."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from streets.models import WelzijnAssignment

    from .models import Audience

    area = meeting.wijk or meeting.municipality
    streets = StreetPage.objects.live()
    wijken = NeighbourhoodPage.objects.live()
    if area is not None:
        streets = streets.descendant_of(area)
        wijken = wijken.descendant_of(area, inclusive=True)
    gangmakers = Q(
        memberships__street__in=streets,
        memberships__role=MemberRole.GANGMAKER,
        memberships__status=MembershipStatus.APPROVED,
    )
    welzijn = Q(pk__in=WelzijnAssignment.objects.filter(neighbourhood__in=wijken).values("user_id"))
    coordinators = CoordinatorAssignment.objects.all()
    if meeting.municipality_id:
        coordinators = coordinators.filter(municipality_id=meeting.municipality_id)
    coordinator = Q(pk__in=coordinators.values("user_id"))
    if not meeting.municipality_id:
        # The national meetings: the national coordinators are part of every audience.
        coordinator |= Q(national_coordinator_assignment__isnull=False)
    who = {
        Audience.GANGMAKERS: gangmakers | coordinator,
        Audience.GANGMAKERS_WELZIJN: gangmakers | welzijn | coordinator,
        Audience.STAFF: welzijn | coordinator,
    }[meeting.audience]
    return get_user_model().objects.filter(who, is_active=True).distinct()


def visible_meetings(user):
    """The meetings this person may see, as one queryset: those of the municipalities they
    coordinate, and those whose audience includes them (the rule `invited` applies from the
    meeting's side). Lists and the start page filter it once instead of asking per meeting."""
    from django.db.models import Q
    from wagtail.models import Page

    from streets.models import WelzijnAssignment

    from .models import Audience, Meeting

    if not user.is_authenticated:
        return Meeting.objects.none()
    if user.is_superuser:
        return Meeting.objects.all()
    steplen = Page.steplen
    national = Q(municipality__isnull=True)
    seen = Q(pk__in=[])
    homes = [home.pk for home in coordinated(user)]
    if homes:
        seen |= Q(municipality_id__in=homes) | national
    if is_national_coordinator(user):
        seen |= national

    def in_area(wijk_paths):
        # A meeting of one of these wijken, of their whole municipality, or national.
        areas = dict(
            Page.objects.filter(
                path__in=wijk_paths | {path[:-steplen] for path in wijk_paths}
            ).values_list("path", "pk")
        )
        wijk_ids = [areas[path] for path in wijk_paths if path in areas]
        home_ids = [areas[path[:-steplen]] for path in wijk_paths if path[:-steplen] in areas]
        return (
            Q(wijk_id__in=wijk_ids) | Q(wijk__isnull=True, municipality_id__in=home_ids) | national
        )

    streets = gangmaker_streets(user)
    if streets:
        seen |= Q(audience__in=[Audience.GANGMAKERS, Audience.GANGMAKERS_WELZIJN]) & in_area(
            {street.path[:-steplen] for street in streets}
        )
    welzijn = set(
        WelzijnAssignment.objects.filter(user=user, neighbourhood__live=True).values_list(
            "neighbourhood__path", flat=True
        )
    )
    if welzijn:
        seen |= Q(audience__in=[Audience.GANGMAKERS_WELZIJN, Audience.STAFF]) & in_area(welzijn)
    return Meeting.objects.filter(seen)


def may_see_meeting(user, meeting) -> bool:
    return visible_meetings(user).filter(pk=meeting.pk).exists()


def may_organise(user, municipality) -> bool:
    if municipality is None:
        return user.is_superuser or is_national_coordinator(user)
    return is_coordinator_of(user, municipality)
