import datetime

import factory

from nethub.meetings.models import ActionPoint, AgendaItem, Meeting, MeetingSeries


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSeries
        django_get_or_create = ["name"]

    name = "Executive Committee Principals Meeting"
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    kind = MeetingSeries.Kind.EC_PRINCIPALS


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    series = factory.SubFactory(MeetingSeriesFactory)
    title = "EC Principals Meeting"
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class ActionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPoint

    meeting = factory.SubFactory(MeetingFactory)
    agenda_item = factory.SubFactory(AgendaItemFactory, meeting=factory.SelfAttribute("..meeting"))
    text = factory.Sequence(lambda n: f"Prepare the note number {n}.")
    owner = "Secretariat"
    due_date = datetime.date(2030, 1, 1)
