"""The account's own part of a person's data rights: its fields, its second factor, its login
attempts. Registered in AccountsConfig.ready() like every other app's part."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def export(user) -> dict:
    return {
        "e-mailadres": user.email,
        "voornaam": user.first_name,
        "achternaam": user.last_name,
        "telefoonnummer": user.phone,
        "niet_online": user.is_offline,
        "taal": user.language,
        "aangemeld_op": user.date_joined,
        "laatst_ingelogd": user.last_login,
        "tweestapsverificatie": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
    }


def erase(user, identity) -> None:
    """The second factor and its backup codes, download links and login attempts (axes keeps
    the e-mail address as the username that was tried)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.personal_data_links.all().delete()
    if identity.email:
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username__iexact=identity.email).delete()
