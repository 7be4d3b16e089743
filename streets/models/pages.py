"""Wijken and streets (Wagtail pages)."""

import contextlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import join_codes
from ..choices import MemberRole, MembershipStatus
from ..postcodes import format_postcode, parse_postcode_list


def new_join_code():
    """A new street's code: eight capitals and digits without look-alikes (join_codes.py).
    Kept here by this name, as the first migration refers to it."""
    return join_codes.new_join_code()


class NeighbourhoodPage(Page):
    """A wijk: groups streets; welzijn staff are assigned per wijk."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    # The wijk's welzijn contact as a sounding board for its gangmakers: shown only on the
    # gangmakers' pages (insights' questions page), not on the public wijk page or in search.
    welzijn_contact_name = models.CharField(_("naam"), max_length=200, blank=True)
    welzijn_contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    welzijn_contact_hours = models.CharField(
        _("bereikbaar"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: maandag tot en met donderdag, 9 tot 12 uur."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("welzijn_contact_name"),
                FieldPanel("welzijn_contact_phone"),
                FieldPanel("welzijn_contact_hours"),
            ],
            heading=_("Welzijn: aanspreekpunt voor de gangmakers"),
            help_text=_("Alleen de gangmakers van de straten in deze wijk zien dit."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    template = "pages/neighbourhood_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["streets.StreetPage"]

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def get_context(self, request, *args, **kwargs):
        # The coming events come from the template (event_tags): events build on this module.
        context = super().get_context(request, *args, **kwargs)
        context["streets"] = StreetPage.objects.child_of(self).live().public().order_by("title")
        return context

    def serve(self, request, *args, **kwargs):
        # The same for every visitor: kept under the site version (streets.page_cache).
        from ..page_cache import SITE, is_cacheable, serve_cached

        if is_cacheable(request):
            return serve_cached(
                request,
                SITE,
                lambda: super(NeighbourhoodPage, self).serve(request, *args, **kwargs),
            )
        return super().serve(request, *args, **kwargs)


class StreetPage(Page):
    """One Lief & Leedstraat: public intro and events, a members-only area for its neighbours."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    postcodes = models.CharField(
        _("postcodes"),
        max_length=500,
        blank=True,
        help_text=_("De postcodes van de straat, gescheiden door komma's: 3072 AB, 3072 AC"),
    )
    how_to_join = RichTextField(
        _("zo doet u mee"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Leeg laten voor de standaardtekst."),
    )
    join_code = models.CharField(
        _("aanmeldcode"),
        max_length=20,
        unique=True,
        default=new_join_code,
        editable=False,
        help_text=_("Staat in de QR-code op de straatkaart."),
    )
    legacy_join_code = models.CharField(
        _("oude aanmeldcode"),
        max_length=20,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("De code van vóór de leesbare codes; kaarten met die code werken nog."),
    )
    # A copy of a street is another street: it gets a code of its own.
    exclude_fields_in_copy = ["join_code", "legacy_join_code"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("postcodes")], _("Adres")),
        FieldPanel("how_to_join"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("postcodes"),
        index.AutocompleteField("title"),
        index.FilterField("postcodes"),
    ]

    template = "pages/street_page.html"
    parent_page_types = ["streets.NeighbourhoodPage"]
    subpage_types = ["streets.EventPage"]

    class Meta:
        verbose_name = _("Lief & Leedstraat")
        verbose_name_plural = _("Lief & Leedstraten")

    def clean(self):
        super().clean()
        try:
            self.postcodes = ", ".join(parse_postcode_list(self.postcodes))
        except ValueError as bad:
            raise ValidationError(
                {
                    "postcodes": _("“%(value)s” is geen postcode. Schrijf zo: 3072 AB.")
                    % {"value": bad}
                }
            ) from None

    def save(self, *args, **kwargs):
        # Stored normalised ("3072AB, 3072AC") so a postcode search is a simple filter.
        with contextlib.suppress(ValueError):
            self.postcodes = ", ".join(parse_postcode_list(self.postcodes))
        if not self.join_code:
            self.join_code = new_join_code()
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Publishing an older revision must not bring back the code of that time: the codes
        # belong to the street, not to a version of its page.
        obj = super().with_content_json(content)
        obj.join_code = self.join_code
        obj.legacy_join_code = self.legacy_join_code
        return obj

    @property
    def join_code_display(self) -> str:
        """The code as printed and read aloud: "K7WM-4QHT"."""
        return join_codes.format_join_code(self.join_code)

    @property
    def postcode_list(self):
        return [format_postcode(p) for p in self.postcodes.split(", ") if p]

    def gangmaker_memberships(self):
        return self.memberships.filter(
            role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
        ).select_related("user")

    def get_context(self, request, *args, **kwargs):
        from ..permissions import street_access

        # The coming events come from the template (event_tags), as on the wijk page.
        context = super().get_context(request, *args, **kwargs)
        context["access"] = street_access(request.user, self)
        context["gangmakers"] = self.gangmaker_memberships()
        return context

    def get_view_restrictions(self):
        """For a street served by a kept route (streets.middleware marks that instance), the
        restrictions on it and above it as kept per street version: adding, changing or
        removing one replaces the version of every street below it. Wagtail's hook still
        checks each against the request (a group restriction reads the groups live).
        Everywhere else (the admin filters and orders it) Wagtail's query."""
        if not getattr(self, "view_restrictions_kept", False):
            return super().get_view_restrictions()
        from ..page_cache import street_cached

        return street_cached(
            self.pk,
            "view-restrictions",
            lambda: list(super(StreetPage, self).get_view_restrictions()),
        )

    def serve(self, request, *args, **kwargs):
        from ..page_cache import (
            is_cacheable,
            is_routable_from_cache,
            remember_route,
            route_versions,
            serve_cached,
        )

        if is_cacheable(request):
            return serve_cached(
                request, self.pk, lambda: super(StreetPage, self).serve(request, *args, **kwargs)
            )
        remember = (
            is_routable_from_cache(request)
            and not args
            and not getattr(request, "is_preview", False)
            and not getattr(request, "street_route_cached", False)
        )
        versions = route_versions(self.pk) if remember else None
        response = super().serve(request, *args, **kwargs)
        if remember and response.status_code == 200:
            remember_route(request, self.pk, versions)
        # Members see names on this page; a shared cache must never keep their version.
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response
