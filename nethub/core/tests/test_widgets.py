"""PlainSelect writes the select Django's template would, without a template per option."""

from django import forms

from nethub.core.widgets import PlainSelect


class _Form(forms.Form):
    pick = forms.ChoiceField(
        choices=[("", "---------"), ("1", "One <b>"), ("2", "Two")], widget=PlainSelect
    )


def test_plain_select_marks_the_choice_and_escapes_labels():
    html = str(_Form({"pick": "2"})["pick"])
    assert html.startswith('<select name="pick" id="id_pick" required>')
    assert '<option value="1">One &lt;b&gt;</option>' in html
    assert '<option value="2" selected>Two</option>' in html
    assert html.count(" selected") == 1 and html.endswith("</select>")
    assert '<option value="" selected>---------</option>' in str(_Form()["pick"])


def test_plain_select_writes_what_djangos_select_writes():
    """Same markup as the template-rendered select, for labels to escape, labels marked safe
    and quotes in values (the library's and the fund's boxes moved to PlainSelect)."""
    from django.utils.safestring import mark_safe

    choices = [("", "Any"), ('a"b', "Tom & Jerry's"), ("s", mark_safe("<i>safe</i>"))]
    plain = PlainSelect(choices=choices).render("box", "s", attrs={"id": "id_box"})
    django = forms.Select(choices=choices).render("box", "s", attrs={"id": "id_box"})
    assert plain == django.replace("\n", "").replace("  ", "")


def test_plain_select_of_a_model_field_lists_its_rows_in_one_query(
    reference_data, django_assert_num_queries
):
    """A ModelChoiceField's box: the empty choice, then each row with its label, read with
    one plain query (the iterator's server-side cursor is three round trips on PostgreSQL)."""
    from nethub.directory.models import Region

    class RegionForm(forms.Form):
        region = forms.ModelChoiceField(
            queryset=Region.objects.order_by("slug"), to_field_name="slug", widget=PlainSelect
        )

    form = RegionForm(initial={"region": Region.objects.order_by("slug").first().slug})
    with django_assert_num_queries(1):
        plain = str(form["region"])
    field = RegionForm.base_fields["region"]
    django = forms.Select(choices=field.choices).render(
        "region", form["region"].value(), attrs={"id": "id_region", "required": True}
    )
    assert plain == django.replace("\n", "").replace("  ", "")
    assert plain.count("<option") == Region.objects.count() + 1
