"""The words of the pot: occasions, gifts, ledger entry kinds and the states of things."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Occasion(models.TextChoices):
    ZIEK = "ill", _("ziek")
    EENZAAM = "lonely", _("eenzaam")
    NIEUWE_BEWONER = "new_resident", _("nieuwe bewoner")
    GEBOORTE = "birth", _("geboorte")
    HUWELIJKSJUBILEUM = "wedding_anniversary", _("huwelijksjubileum")
    DIPLOMA = "diploma", _("diploma")
    ROUW = "grief", _("rouw")
    VERHUIZING = "moving", _("verhuizing")
    ANDERS = "other", _("anders")


# Tips and reminders about these occasions are about someone's health: their free text is
# removed after the municipality's set time (the occasion stays, for the counts).
HEALTH_OCCASIONS = frozenset({Occasion.ZIEK, Occasion.ROUW, Occasion.EENZAAM})


class Gift(models.TextChoices):
    BLOEMEN = "flowers", _("bloemen")
    KAART = "card", _("kaart")
    CHOCOLADE = "chocolate", _("chocolade")
    FRUITMAND = "fruit_basket", _("fruitmand")
    # Presence: attentions that usually cost nothing (they may, when bought from the pot).
    BEZOEK = "visit", _("bezoekje")
    MAALTIJD = "meal", _("maaltijd")
    TELEFOONTJE = "phone_call", _("telefoontje")
    ZELFGEMAAKT = "home_made", _("iets zelfgemaakts")
    HULP = "help", _("hulp (boodschap, klusje)")
    FOLDER = "folder", _("folder startpakket")
    ANDERS = "other", _("anders")


# What a helper (a member, not a gangmaker) can say they gave: presence, never money.
HELPER_GIFTS = (Gift.BEZOEK, Gift.MAALTIJD, Gift.TELEFOONTJE, Gift.ZELFGEMAAKT, Gift.HULP)


class CardKind(models.TextChoices):
    """The printed cards "namens de straat", with the occasion an attention is recorded under."""

    BETERSCHAP = "get_well", _("Beterschap")
    STERKTE = "sympathy", _("Sterkte")
    WELKOM = "welcome", _("Welkom in de straat")
    GEFELICITEERD = "congratulations", _("Gefeliciteerd")
    BEDANKT = "thanks", _("Bedankt")


CARD_OCCASIONS = {
    CardKind.BETERSCHAP: Occasion.ZIEK,
    CardKind.STERKTE: Occasion.ROUW,
    CardKind.WELKOM: Occasion.NIEUWE_BEWONER,
    CardKind.GEFELICITEERD: Occasion.ANDERS,
    CardKind.BEDANKT: Occasion.ANDERS,
}


class EntryKind(models.TextChoices):
    FUNDING = "funding", _("bijdrage gemeente")
    CARRY_OVER = "carry_over", _("overgeboekt van vorig jaar")
    EXPENSE = "expense", _("uitgave")
    REVERSAL = "reversal", _("correctie")


class ExpenseStatus(models.TextChoices):
    PENDING_APPROVAL = "pending_approval", _("wacht op een tweede gangmaker")
    BOOKED = "booked", _("geboekt")
    DECLINED = "declined", _("niet goedgekeurd")
    REVERSED = "reversed", _("gecorrigeerd")


class TipStatus(models.TextChoices):
    OPEN = "open", _("nieuw")
    HANDLED = "handled", _("afgehandeld")
    DISMISSED = "dismissed", _("terzijde gelegd")


class AuditAction(models.TextChoices):
    POT_OPENED = "pot_opened", _("potje geopend")
    EXPENSE_RECORDED = "expense_recorded", _("uitgave ingevoerd")
    EXPENSE_APPROVED = "expense_approved", _("uitgave goedgekeurd")
    EXPENSE_DECLINED = "expense_declined", _("uitgave niet goedgekeurd")
    EXPENSE_REVERSED = "expense_reversed", _("uitgave gecorrigeerd")
    RECEIPT_ADDED = "receipt_added", _("bonnetje toegevoegd")
    TIP_RECEIVED = "tip_received", _("tip ontvangen")
    TIP_HANDLED = "tip_handled", _("tip afgehandeld")
    TIP_DISMISSED = "tip_dismissed", _("tip terzijde gelegd")
    REMINDER_SET = "reminder_set", _("herinnering gezet")
    REMINDER_DONE = "reminder_done", _("herinnering afgerond")
    TEXT_EXPIRED = "text_expired", _("tekst verlopen en gewist")
    SETTINGS_CHANGED = "settings_changed", _("instellingen gewijzigd")
    ATTENTION_RECORDED = "attention_recorded", _("attentie zonder geld ingevoerd")
