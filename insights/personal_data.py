"""Care signals. A signal about a neighbour is the gangmaker's and welzijn's working record,
written by someone else about them; it is not in the neighbour's own download (AVG art. 15(4):
it would also show who raised it and what they wrote). The neighbour can ask the municipality,
which weighs the other people's rights. On erasure the signals about the person are removed,
so no health-adjacent text about them stays behind. Registered with accounts.privacy in
InsightsConfig.ready()."""

from .models import CareSignal, WelzijnQuestion


def export(user) -> dict:
    # Signals the person raised as a gangmaker are about another neighbour: only that they
    # raised them, not the text or the name.
    return {
        "zorgsignalen_door_u_gemeld": list(
            CareSignal.objects.filter(raised_by=user).values("id", "street__title", "created_at")
        ),
        # Questions to welzijn carry no names by design: the gangmaker's own words.
        "vragen_aan_welzijn": list(
            WelzijnQuestion.objects.filter(asked_by=user).values(
                "street__title", "question", "created_at", "answer", "answered_at"
            )
        ),
    }


def erase(user, identity) -> None:
    CareSignal.objects.filter(neighbour=user).delete()
    WelzijnQuestion.objects.filter(asked_by=user).delete()
