"""Welcome's part of a person's data rights (registered in WelcomeConfig.ready()).

A welcome made by approving someone is about their home; erasing the person removes it. A
welcome a gangmaker noted (a house number) stays, without who noted or gave it.
"""

from .models import Welcome


def export(user) -> dict:
    return {
        "welkom_bij_uw_aanmelding": list(
            Welcome.objects.filter(membership__user=user).values(
                "street__title", "house_number", "created_at", "done_at", "outcome"
            )
        ),
    }


def erase(user, identity) -> None:
    Welcome.objects.filter(membership__user=user).delete()
    Welcome.objects.filter(created_by=user).update(created_by=None)
    Welcome.objects.filter(done_by=user).update(done_by=None)
