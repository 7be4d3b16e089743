"""The startpakket on the gangmaker's pot page (registered with pot.panels)."""

from django.template.loader import render_to_string

from .models import StarterPack


def starter_pack_panel(request, access, year: int) -> str:
    pack = StarterPack.objects.filter(street=access.street, year=year).first()
    if pack is None:
        return ""
    return render_to_string(
        "programme/_pack_panel.html", {"pack": pack, "access": access}, request=request
    )
