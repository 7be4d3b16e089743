"""The product's URLs plus a constant response: the yardstick every page is measured against."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as product_urlpatterns


def bare(request):
    return HttpResponse(b"<!DOCTYPE html><title>bare</title><p>bare</p>", content_type="text/html")


urlpatterns = [path("bench/bare/", bare), *product_urlpatterns]
