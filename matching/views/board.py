"""The help board's pages under /straat/<id>/prikbord/. Thin: the rules are in services/board.py.

Every view is street-scoped through streets.permissions.street_view, so anonymous visitors go to
the login page and people outside the street get 403. A post is always looked up within the
street of the URL, so another street's post id is a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.ratelimit import rate_limited
from matching.forms import BoardSettingsForm, HelpOfferForm, HelpRequestForm, ReasonForm
from matching.models import HelpPost, PostKind, PostReport, PostStatus, ReportStatus
from matching.services import board as services
from matching.services import board_queries as queries
from matching.services.board import BoardError
from streets import page_cache
from streets.page_cache import page_number_of
from streets.permissions import GANGMAKER, MEMBER, street_view


def _street_post(access, post_id: int) -> HelpPost:
    return get_object_or_404(
        queries.with_board_details(HelpPost.objects.all()),
        pk=post_id,
        street=access.street,
    )


def _to_board(access):
    return redirect("matching:board", street_id=access.street.pk)


def _to_moderation(access):
    return redirect("matching:moderation", street_id=access.street.pk)


def _tell_in_person(request, post: HelpPost) -> None:
    """The author has no e-mail: the gangmaker passes the news on."""
    if not services.author_is_reachable(post):
        messages.warning(
            request,
            _("%(name)s is niet online en krijgt dus geen e-mail. Vertel het persoonlijk.")
            % {"name": post.author.first_name},
        )


def _board_sections(board: queries.BoardPage) -> list[dict]:
    """Requests, then offers, each with what to say when this page has none of them."""
    return [
        {
            "id": "requests",
            "title": _("Buren zoeken hulp"),
            "posts": board.requests,
            "empty": _("Op deze pagina staan geen hulpvragen.")
            if board.request_count
            else _(
                "Op dit moment vraagt niemand hulp. Hebt u zelf iets nodig? Kies “Ik zoek hulp”."
            ),
        },
        {
            "id": "offers",
            "title": _("Buren bieden hulp"),
            "posts": board.offers,
            "empty": _("Op deze pagina staat geen hulpaanbod.")
            if board.offer_count
            else _("Nog niemand biedt hulp aan. Wilt u een buur helpen? Kies “Ik bied hulp aan”."),
        },
    ]


@never_cache
@street_view(MEMBER)
def board(request, access):
    """The members' board: who asks and who offers what, a page at a time, and one's own posts.

    The lists are the same for every member and kept per street version by the template
    (`{% streetpart %}`); they are read only when no current copy is kept, hence lazy here."""
    # The number keys the kept copy, so the page rendered must be the one that number gives.
    page_number = page_number_of(request.GET.get("pagina"))
    board_page = SimpleLazyObject(lambda: queries.board_page(access.street, page_number))
    context = {
        "street": access.street,
        "access": access,
        "page_number": page_number,
        "sections": SimpleLazyObject(lambda: _board_sections(board_page)),
        "page_obj": SimpleLazyObject(lambda: board_page.page),
        # Kept per street version and person: every change of a post, a membership or a
        # member's name replaces the street's version.
        "own_posts": page_cache.street_cached(
            access.street.pk,
            "own-posts",
            lambda: list(queries.own_posts(access.street, request.user)),
            request.user.pk,
        ),
        "offline_posts": list(queries.offline_neighbours_posts(access.street))
        if access.is_gangmaker
        else [],
    }
    return render(request, "matching/board.html", context)


def _post_form(request, access, form_class, instance=None):
    """Create (instance None) or edit a request or an offer; re-shows the form on errors."""
    creating = instance is None
    for_members = creating and access.is_gangmaker
    form = form_class(
        request.POST or None,
        instance=instance,
        street=access.street,
        for_members=for_members,
        # A gangmaker posts for themselves unless they choose a neighbour.
        initial={"for_member": access.membership.pk} if for_members else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if creating:
                member = form.cleaned_data.get("for_member")
                author = member.user if member else request.user
                post = services.create_post(
                    form.save(commit=False), access.street, author, request.user
                )
            else:
                post = services.update_post(form.save(commit=False), request.user, access)
        except BoardError as error:
            form.add_error(None, str(error))
        else:
            if not creating:
                messages.success(request, _("Uw wijzigingen zijn bewaard."))
            elif post.status == PostStatus.PENDING:
                messages.success(
                    request,
                    _(
                        "Bedankt! Een gangmaker kijkt uw bericht eerst even na; daarna staat het op "
                        "het prikbord. U krijgt bericht."
                    ),
                )
            else:
                messages.success(request, _("Uw bericht staat op het prikbord."))
            return _to_board(access)
    is_request = form_class is HelpRequestForm
    context = {
        "street": access.street,
        "form": form,
        "creating": creating,
        "is_request": is_request,
        "post": instance,
    }
    return render(request, "matching/post_form.html", context)


@never_cache
@street_view(MEMBER)
@rate_limited("board_post")
def new_request(request, access):
    return _post_form(request, access, HelpRequestForm)


@never_cache
@street_view(MEMBER)
@rate_limited("board_post")
def new_offer(request, access):
    return _post_form(request, access, HelpOfferForm)


def _changeable_post(request, access, post_id: int) -> HelpPost:
    post = _street_post(access, post_id)
    if not services.can_change(post, request.user, access):
        raise PermissionDenied
    return post


@never_cache
@street_view(MEMBER)
def edit(request, access, post_id):
    post = _changeable_post(request, access, post_id)
    if post.status not in services.EDITABLE:
        messages.error(
            request,
            _("Dit bericht staat niet meer op het prikbord en kan niet meer worden gewijzigd."),
        )
        return _to_board(access)
    form_class = HelpRequestForm if post.kind == PostKind.REQUEST else HelpOfferForm
    return _post_form(request, access, form_class, instance=post.detail)


@never_cache
@street_view(MEMBER)
def withdraw(request, access, post_id):
    """Confirm, then withdraw. The post is kept, marked withdrawn."""
    post = _changeable_post(request, access, post_id)
    if request.method == "POST":
        try:
            services.withdraw_post(post, request.user, access)
        except BoardError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Het bericht is van het prikbord gehaald."))
        return _to_board(access)
    return render(request, "matching/withdraw.html", {"street": access.street, "post": post})


@never_cache
@require_POST
@street_view(MEMBER)
def renew(request, access, post_id):
    """One click: the post stands another month."""
    post = _changeable_post(request, access, post_id)
    try:
        post = services.renew_post(post, request.user, access)
    except BoardError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Verlengd: het bericht staat tot en met %(date)s.")
            % {"date": post.valid_until.strftime("%d-%m-%Y")},
        )
    return _to_board(access)


@never_cache
@street_view(MEMBER)
def report(request, access, post_id):
    """A member tells the gangmakers that a post does not belong on the board."""
    post = _street_post(access, post_id)
    if post.status != PostStatus.OPEN or post.author_id == request.user.pk:
        raise PermissionDenied
    form = ReasonForm(
        request.POST or None,
        label=_("Wat is er mis met dit bericht?"),
        help_text=_("Alleen de gangmakers lezen dit. De schrijver ziet niet wie het meldde."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(post, request.user, form.cleaned_data["reason"])
        except BoardError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Dank u. De gangmakers kijken ernaar."))
        return _to_board(access)
    return render(
        request, "matching/report.html", {"street": access.street, "post": post, "form": form}
    )


@never_cache
@street_view(GANGMAKER)
def moderation(request, access):
    """The gangmakers' queue: waiting posts, reports, hidden posts and the log."""
    queue = queries.moderation_queue(access.street)
    reports = list(queue["reports"])
    context = {
        "street": access.street,
        "access": access,
        "pending": queue["pending"],
        "reports": reports,
        "hidden": queue["hidden"],
        "log": queue["log"],
        "settings": services.settings_for(access.street),
    }
    return render(request, "matching/moderation.html", context)


@never_cache
@require_POST
@street_view(GANGMAKER)
def approve(request, access, post_id):
    post = _street_post(access, post_id)
    try:
        services.approve_post(post, request.user)
    except BoardError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Het bericht staat nu op het prikbord."))
        _tell_in_person(request, post)
    return _to_moderation(access)


def _moderate_with_reason(request, access, post_id, action, template_title, success):
    post = _street_post(access, post_id)
    form = ReasonForm(
        request.POST or None,
        label=_("Reden (de schrijver leest dit)"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            action(post, request.user, form.cleaned_data["reason"])
        except BoardError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, success)
            _tell_in_person(request, post)
        return _to_moderation(access)
    context = {"street": access.street, "post": post, "form": form, "title": template_title}
    return render(request, "matching/moderate.html", context)


@never_cache
@street_view(GANGMAKER)
def hide(request, access, post_id):
    return _moderate_with_reason(
        request,
        access,
        post_id,
        services.hide_post,
        _("Bericht verbergen"),
        _("Het bericht is verborgen. De schrijver krijgt bericht met uw reden."),
    )


@never_cache
@street_view(GANGMAKER)
def restore(request, access, post_id):
    return _moderate_with_reason(
        request,
        access,
        post_id,
        services.restore_post,
        _("Bericht terugzetten"),
        _("Het bericht staat weer op het prikbord. De schrijver krijgt bericht."),
    )


@never_cache
@street_view(GANGMAKER)
def dismiss_report(request, access, report_id):
    """The gangmaker looked at a report and lets the post stand."""
    post_report = get_object_or_404(
        PostReport.objects.select_related("post", "post__author", "reporter"),
        pk=report_id,
        post__street=access.street,
        status=ReportStatus.OPEN,
    )
    form = ReasonForm(
        request.POST or None,
        label=_("Toelichting voor het logboek (mag leeg blijven)"),
        required=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.dismiss_report(post_report, request.user, form.cleaned_data["reason"])
        except BoardError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De melding is afgehandeld; het bericht blijft staan."))
        return _to_moderation(access)
    context = {
        "street": access.street,
        "report": post_report,
        "post": _street_post(access, post_report.post_id),
        "form": form,
    }
    return render(request, "matching/dismiss_report.html", context)


@never_cache
@street_view(GANGMAKER)
def board_settings(request, access):
    """Whether new neighbours' posts wait for a gangmaker, and how long someone is new."""
    current = services.settings_for(access.street)
    form = BoardSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.change_settings(
            access.street,
            request.user,
            form.cleaned_data["premoderate_new_members"],
            form.cleaned_data["new_member_days"],
        )
        messages.success(request, _("De instellingen van het prikbord zijn bewaard."))
        return _to_moderation(access)
    return render(request, "matching/settings.html", {"street": access.street, "form": form})
