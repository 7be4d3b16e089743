"""Each app's part of the neighbour's data rights: what to export, what to erase.

Registered from each app's AppConfig.ready() with accounts.privacy.register_personal_data;
framework.py scrubs what Wagtail, Django and django-q2 keep (run last by erase_user).
"""
