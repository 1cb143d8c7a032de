"""Log in and out, password reset, invitations."""

from django.contrib.auth import views as auth_views


class LoginView(auth_views.LoginView):
    """Public. Failed attempts are throttled by django-axes (see settings)."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True
