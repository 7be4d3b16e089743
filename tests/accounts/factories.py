import functools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

DEFAULT_PASSWORD = "liefenleed"


@functools.cache
def default_password_hash() -> str:
    """Hashed once per process: hashing for every one of hundreds of users takes minutes."""
    return make_password(DEFAULT_PASSWORD)


# Names no test looks for: a random name ("Anna Pieters") once held a word a test asserted
# was absent ("Piet") and failed one run in hundreds.
UNREMARKABLE_FIRST_NAMES = ("Mette", "Luuk", "Joost", "Femke", "Ruud", "Daan", "Lotte", "Thijs")
UNREMARKABLE_LAST_NAMES = ("Molen", "Heijman", "Claesner", "Dijkstra", "Verhoef", "Kuiper")


class UserFactory(DjangoModelFactory):
    first_name = factory.Iterator(UNREMARKABLE_FIRST_NAMES)
    last_name = factory.Iterator(UNREMARKABLE_LAST_NAMES)
    email = factory.Sequence(lambda n: f"buur{n}@example.org")
    password = factory.LazyFunction(default_password_hash)

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)


class OfflineUserFactory(UserFactory):
    email = None
    is_offline = True
    password = "!"  # unusable: this neighbour never logs in

    class Meta:
        django_get_or_create = ()
