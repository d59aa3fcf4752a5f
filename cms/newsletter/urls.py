"""The newsletter's public addresses on the CMS: sign-up, confirmation, unsubscribe."""

from django.urls import path

from . import signup

urlpatterns = [
    path("", signup.sign_up, name="newsletter_sign_up"),
    path("bekrafta/<str:token>/", signup.confirm, name="newsletter_confirm"),
    path("avsluta/<str:key>/", signup.unsubscribe, name="newsletter_unsubscribe"),
]
