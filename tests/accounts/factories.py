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


class UserFactory(DjangoModelFactory):
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
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
