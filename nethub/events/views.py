"""The calendar's pages: the calendar (events and meetings), an event, registering, feeds."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from nethub.core.pagination import querystring
from nethub.events import ical, selectors, services
from nethub.events.forms import CalendarFilterForm, EventChangeForm, EventForm
from nethub.events.models import CalendarFeedToken, Event


def require(perm: str, fn=None):
    """The public is sent to log in; a signed-in user without the permission gets a 403."""

    def decorator(view):
        redirecting = permission_required(perm, fn=fn)(view)
        raising = permission_required(perm, fn=fn, raise_exception=True)(view)

        def wrapped(request: HttpRequest, *args, **kwargs):
            chosen = raising if request.user.is_authenticated else redirecting
            return chosen(request, *args, **kwargs)

        wrapped.__doc__, wrapped.__name__ = view.__doc__, view.__name__
        return wrapped

    return decorator


def _event(request: HttpRequest, pk: int, **kwargs) -> Event:
    if getattr(request, "_event", None) is None:
        try:
            request._event = selectors.event_detail(pk=pk)
        except Event.DoesNotExist as error:
            raise Http404 from error
    return request._event


def calendar(request: HttpRequest) -> HttpResponse:
    """Public: the network's calendar, events and meetings together, filtered; its feed."""
    form = CalendarFilterForm(request.GET or None)
    filters = form.filters()
    page, entries = selectors.calendar_page(filters=filters, page_number=request.GET.get("page"))
    feed_query = urlencode({k: v for k, v in filters.items() if v})
    return render(
        request,
        "events/calendar.html",
        {
            "form": form,
            "page_obj": page,
            "entries": entries,
            "querystring": querystring(request),
            "feed_url": reverse("events:feed") + (f"?{feed_query}" if feed_query else ""),
            "can_add": request.user.has_perm("events.add_event"),
        },
    )


def feed(request: HttpRequest) -> HttpResponse:
    """Public: the calendar as iCalendar, for any filter of the calendar page."""
    form = CalendarFilterForm(request.GET or None)
    filters = form.filters()
    if not request.GET.get("when"):
        filters["when"] = "all"
    return ical.response(
        selectors.calendar_entries(filters=filters),
        name=_("UN Network on Migration"),
        filename="calendar",
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: an event, its time in its zone (and the reader's, in the browser), where, who,
    and registration."""
    event = _event(request, pk)
    user = request.user
    context = {
        "event": event,
        "registration": selectors.registration_for(event=event, user=user),
        "can_register": user.has_perm("events.register", event),
        "counts": selectors.registration_counts(event=event),
        "can_change": user.has_perm("events.change_event", event),
    }
    if user.has_perm("events.view_registrations", event):
        context["registrations"] = selectors.registrations(event=event)
    local = event.local_start
    if not event.date_is_approximate:
        end = event.local_end or local + datetime.timedelta(hours=1)
        context["google_url"] = "https://calendar.google.com/calendar/render?" + urlencode(
            {
                "action": "TEMPLATE",
                "text": event.title,
                "dates": local.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
                + "/"
                + end.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ"),
                "details": request.build_absolute_uri(event.get_absolute_url()),
                "location": event.place or event.online_url,
            }
        )
    return render(request, "events/event_detail.html", context)


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: one event as an .ics file ("add to calendar")."""
    event = _event(request, pk)
    entries = selectors.entries_for([("event", event.pk, event.starts_on)])
    return ical.response(entries, name=event.title, filename=f"event-{event.pk}")


@require("events.add_event")
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.event_create(
                actor=request.user,
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                starts=data["starts"].replace(tzinfo=None),
                ends=data["ends"].replace(tzinfo=None) if data["ends"] else None,
                tz=data["tz"],
                place=data["place"],
                online_url=data["online_url"],
                languages=data["languages"],
                interpretation=data["interpretation"],
                audience=data["audience"],
                organisers=data["organisers"],
                registration_open=data["registration_open"],
                capacity=data["capacity"],
            )
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is on the calendar."))
            return redirect(event.get_absolute_url())
    return render(request, "events/event_form.html", {"form": form})


@require("events.change_event", fn=_event)
def event_change(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: open or close registration, change the places, cancel, and attach the
    recording and the summary once the event has taken place."""
    event = _event(request, pk)
    initial = {
        "registration_open": event.registration_open,
        "capacity": event.capacity,
        "status": event.status,
        "recording": event.recording_id,
        "summary_document": event.summary_document_id,
    }
    form = EventChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.event_update(actor=request.user, event=event, **form.cleaned_data)
        messages.success(request, _("The event is updated."))
        return redirect(event.get_absolute_url())
    return render(request, "events/event_change.html", {"form": form, "event": event})


@require_POST
@login_required
def register(request: HttpRequest, pk: int) -> HttpResponse:
    """A member of the network takes a place (or joins the waiting list)."""
    event = _event(request, pk)
    try:
        registration = services.registration_create(actor=request.user, event=event)
    except PermissionDenied:
        raise
    if registration.status == "waiting":
        messages.info(request, _("The event is full: you are on the waiting list."))
    else:
        messages.success(request, _("Your place is confirmed. It is in your calendar feed."))
    return redirect(event.get_absolute_url())


@require_POST
@login_required
def unregister(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    services.registration_cancel(actor=request.user, event=event)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(event.get_absolute_url())


@require("events.use_feed")
def my_calendar(request: HttpRequest) -> HttpResponse:
    """The events a person registered for, and the address of their own calendar feed."""
    if request.method == "POST":
        token = services.feed_token_reset(actor=request.user)
        messages.success(
            request, _("Your calendar feed has a new address; the old one no longer works.")
        )
        return redirect("events:mine")
    token = services.feed_token_get_or_create(actor=request.user)
    return render(
        request,
        "events/my_calendar.html",
        {
            "entries": selectors.user_calendar(user=request.user),
            "feed_url": request.build_absolute_uri(reverse("events:user_feed", args=[token.token])),
        },
    )


def user_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own feed: the token in the address is the key (calendar apps cannot log
    in). An unknown token is a 404."""
    feed_token = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if feed_token is None or not feed_token.user.is_active:
        raise Http404
    entries = selectors.user_calendar(user=feed_token.user)
    return ical.response(entries, name=_("My events"), filename="my-events")
