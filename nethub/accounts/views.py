"""Log in and out, password reset, invitations."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from nethub.accounts import services
from nethub.accounts.forms import InvitationAcceptForm, InvitationForm
from nethub.accounts.models import Invitation


class LoginView(auth_views.LoginView):
    """Public. Failed attempts are throttled by django-axes (see settings)."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True


@login_required
@permission_required("accounts.invite", raise_exception=True)
def invitation_create(request: HttpRequest) -> HttpResponse:
    """Secretariat only: invite a person by e-mail to an organisation with a role, and see
    the invitations sent lately."""
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invitation_create(
            **form.cleaned_data, actor=request.user, language=get_language()
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return redirect("accounts:invitation_create")
    invitations = Invitation.objects.select_related("organization", "invited_by")[:50]
    return render(
        request, "accounts/invitation_create.html", {"form": form, "invitations": invitations}
    )


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone holding the link: choose a user name and password, and be logged in with the
    invitation's role and organisation. Expired or used invitations are refused."""
    invitation = get_object_or_404(Invitation.objects.select_related("organization"), token=token)
    if not invitation.is_usable:
        return render(
            request, "accounts/invitation_unusable.html", {"invitation": invitation}, status=410
        )
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to Network Hub."))
            return redirect("core:home")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )
