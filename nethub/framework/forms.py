"""The tag editor's one form: confirm or remove a tag of a record, or add one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.framework.models import FrameworkElement
from nethub.framework.selectors import tags_for


class TagEditForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[("confirm", _("Confirm")), ("remove", _("Remove")), ("add", _("Add"))],
    )
    tagging = forms.IntegerField(required=False, widget=forms.HiddenInput)
    element = forms.ModelChoiceField(
        label=_("Add a GCM tag"),
        queryset=FrameworkElement.objects.order_by("kind", "position"),
        required=False,
    )

    def __init__(self, *args, obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.obj = obj

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in {"confirm", "remove"}:
            data["tagging_obj"] = tags_for(self.obj).filter(pk=data.get("tagging")).first()
            if data["tagging_obj"] is None:
                raise forms.ValidationError(_("This tag is no longer on the record."))
        if action == "add" and not data.get("element"):
            raise forms.ValidationError(_("Choose a framework element to add."))
        return data
