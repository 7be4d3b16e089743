from pot.models import AuditEntry


def log(
    street, action: str, actor=None, pot=None, subject: str = "", municipality=None, **details
) -> AuditEntry:
    """Add one line to the pot log of a street (or of a municipality, for its settings).

    Callers pass amounts, states and ids, never the free text of tips and reminders.
    """
    return AuditEntry.objects.create(
        street=street,
        municipality=municipality,
        pot=pot,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject[:60],
        details={key: str(value) for key, value in details.items()},
    )
