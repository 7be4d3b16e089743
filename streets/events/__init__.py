"""Street events: recurrence (`recurrence`), the rules for changing them (`services`), forms.

Kept as a package with no re-exports so that `streets.models` can import `choices` without
pulling in the services, which import the models.
"""
