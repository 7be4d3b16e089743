from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .languages import language_choices, usable
from .models import User


class LanguageSelect(forms.Select):
    """Each language named in itself, and marked so: `<option lang="tr">Türkçe</option>`."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


class LoginForm(auth_forms.AuthenticationForm):
    """Log in with e-mail address and password."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op hoofdletters in het wachtwoord."
        ),
        "inactive": _("Dit account is niet actief."),
    }


class AdminLoginForm(WagtailLoginForm):
    """The Wagtail admin's login (WAGTAILADMIN_USER_LOGIN_FORM): Wagtail's password field has
    no label, so Django names it "Password" from the field name, untranslated."""

    password = forms.CharField(
        label=_("Wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )


class AccountForm(forms.ModelForm):
    """What a member can change about themselves, their language included."""

    language = forms.TypedChoiceField(
        label=_("Taal"),
        # Left out of a post (an older form): the language stays as it was.
        required=False,
        choices=language_choices,
        widget=LanguageSelect,
        help_text=_("De taal van de website en van de e-mails die u van ons krijgt."),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Not chosen yet: the language the page is shown in now.
        if not self.instance.language:
            self.initial["language"] = translation.get_language()

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language


class TokenForm(forms.Form):
    """The six-digit code from the authenticator app."""

    token = forms.CharField(
        label=_("Code uit de app"),
        max_length=12,
        help_text=_("Zes cijfers; de code verandert elke 30 seconden."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class DeleteAccountForm(forms.Form):
    """Deleting one's account asks for the password and an explicit yes."""

    password = forms.CharField(
        label=_("Uw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Ja, verwijder mijn account en mijn gegevens. Dit kan niet ongedaan worden."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."), code="password_incorrect")
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, its e-mail written in the account's language (else the page's)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        chosen = getattr(context.get("user"), "language", "")
        with translation.override(usable(chosen or translation.get_language())):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
