"""People: neighbours, gangmakers, welzijn staff and coordinators share one user model.

A neighbour who is not online exists as a user without e-mail address and without a usable
password: the gangmaker registers them so they can be helped and can help.
"""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .languages import language_choices


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        email = self.normalize_email(email) if email else None
        user = self.model(email=email, **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # E-mail addresses are matched case-insensitively at login.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(
        _("e-mailadres"),
        unique=True,
        null=True,
        blank=True,
        help_text=_("Leeg voor een buur die niet online is."),
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    is_offline = models.BooleanField(
        _("niet online"),
        default=False,
        help_text=_("Deze buur heeft geen e-mail; de gangmaker regelt alles persoonlijk."),
    )
    # Empty until the person chooses (account page, footer) or joins: then the footer's choice
    # counts on the site, and e-mail is Dutch (accounts.languages.language_of).
    language = models.CharField(
        _("taal"),
        max_length=8,
        blank=True,
        default="",
        choices=language_choices,
        help_text=_("De taal van de website en van de e-mails die u van ons krijgt."),
    )
    is_staff = models.BooleanField(_("toegang tot Django-beheer"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("aangemeld op"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["first_name", "last_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_offline=True) | models.Q(email__isnull=False),
                name="online_user_has_email",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email or str(self.pk)

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name

    def get_session_auth_hash(self):
        """Django's HMAC of the password hash; for a user read from the per-person cache
        (accounts.backends.AccountBackend) the one kept with it, as long as the password has
        not been loaded or set on this instance (then it is computed from that)."""
        kept = self.__dict__.get("_kept_session_auth_hash")
        if kept is not None and "password" not in self.__dict__:
            return kept
        return super().get_session_auth_hash()


class PersonalDataLink(models.Model):
    """A one-time link to download "Mijn gegevens". Only a hash of the token is stored, so a copy
    of the database gives nobody a working link; the file itself is made when it is fetched."""

    user = models.ForeignKey(
        User,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="personal_data_links",
    )
    token_hash = models.CharField(_("kenmerk (hash)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"))
    used_at = models.DateTimeField(
        _("gebruikt op"), null=True, blank=True, help_text=_("Een link werkt maar één keer.")
    )

    class Meta:
        verbose_name = _("downloadlink voor eigen gegevens")
        verbose_name_plural = _("downloadlinks voor eigen gegevens")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="personal_data_link_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"Downloadlink {self.pk}"
