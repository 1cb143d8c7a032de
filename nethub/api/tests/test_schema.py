"""The OpenAPI description tells the truth: it validates without a warning, every field that can
be null in the database (or is reached through a relation that can be null) is `nullable`, and
every operation documents its error responses."""

from __future__ import annotations

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.db import models
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from nethub.api.schema import model_field_of
from nethub.api.urls import router


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_validates_without_warnings(tmp_path):
    # --fail-on-warn turns every drf-spectacular warning (a name collision, an unresolvable
    # field type) into an error; --validate checks it against the OpenAPI 3 meta-schema.
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert out.read_text().startswith("openapi: 3")


def _nullable_through(model, source_attrs: list[str]) -> bool | None:
    """Whether the value at `source_attrs` from a `model` instance may be None; None when the
    path leaves the model's fields (a property, a method), where the model cannot tell."""
    nullable = False
    for attr in source_attrs:
        try:
            field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return None
        if field.many_to_many or field.one_to_many or not field.concrete:
            return None
        nullable = nullable or field.null
        model = field.related_model if field.is_relation else None
        if model is None and attr != source_attrs[-1]:
            return None
    return nullable


def _serializers():
    """Every serializer class the API uses, with the nested ones."""
    found = {}
    for _prefix, viewset, _basename in router.registry:
        classes = [viewset.serializer_class] if getattr(viewset, "serializer_class", None) else []
        for extra in viewset.get_extra_actions():
            if extra.kwargs.get("serializer_class"):
                classes.append(extra.kwargs["serializer_class"])
        for cls in classes:
            _collect(cls(), found)
    return found


def _collect(serializer, found):
    found.setdefault(type(serializer), serializer)
    for field in serializer.fields.values():
        child = field.child if isinstance(field, serializers.ListSerializer) else field
        if isinstance(child, serializers.BaseSerializer) and type(child) not in found:
            _collect(child, found)


def _is_nullable(prop: dict) -> bool:
    if prop.get("nullable"):
        return True
    return any(
        option.get("$ref", "").endswith("/NullEnum") or option.get("nullable")
        for option in prop.get("oneOf", []) + prop.get("allOf", [])
    )


SERIALIZERS = _serializers()


def test_the_walk_finds_the_api_serializers():
    names = {cls.__name__ for cls in SERIALIZERS}
    assert {"ActionPointSerializer", "RegionSerializer", "TagSerializer"} <= names
    assert len(names) > 25


def _allows_blank(prop: dict, schemas: dict) -> bool:
    options = [prop, *prop.get("oneOf", []), *prop.get("allOf", [])]
    for option in options:
        if option.get("$ref"):
            option = schemas[option["$ref"].rsplit("/", 1)[1]]
        if "" in option.get("enum", []):
            return True
    return False


@pytest.mark.parametrize("cls", list(SERIALIZERS), ids=lambda cls: cls.__qualname__)
def test_blank_choice_fields_admit_blank_in_the_schema(schema, cls):
    """A choice column with blank=True is sent as "": the schema must allow it."""
    serializer = SERIALIZERS[cls]
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    if model is None:
        pytest.skip("not a model serializer")
    component = AutoSchema()._get_serializer_name(serializer, "response")
    schemas = schema["components"]["schemas"]
    wrong = [
        f"{component}.{name}"
        for name, field in serializer.fields.items()
        if isinstance(field, serializers.ChoiceField)
        and (model_field := model_field_of(field)) is not None
        and model_field.blank
        and not _allows_blank(schemas[component]["properties"][name], schemas)
    ]
    assert wrong == []


@pytest.mark.parametrize("cls", list(SERIALIZERS), ids=lambda cls: cls.__qualname__)
def test_nullable_model_fields_are_nullable_in_the_schema(schema, cls):
    serializer = SERIALIZERS[cls]
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    if model is None:
        pytest.skip("not a model serializer")
    component = AutoSchema()._get_serializer_name(serializer, "response")
    properties = schema["components"]["schemas"][component]["properties"]
    checked, wrong = [], []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.SerializerMethodField | serializers.ListSerializer):
            continue  # typed by the method's annotation; lists are never null
        if isinstance(field, serializers.ManyRelatedField) or field.source == "*":
            continue
        if _nullable_through(model, field.source_attrs):
            checked.append(name)
            if not _is_nullable(properties[name]):
                wrong.append(f"{component}.{name}")
    assert wrong == [], "null in the database, not nullable in the schema"
    # The serializers the issue named: these must have been checked, not skipped.
    expected = {"ActionPointSerializer": "owner_organization", "RegionSerializer": "parent"}
    if cls.__name__ in expected:
        assert expected[cls.__name__] in checked


def test_a_nullable_field_is_found_through_a_relation():
    from nethub.fund.models import Programme
    from nethub.meetings.models import ActionPoint

    assert _nullable_through(ActionPoint, ["owner_organization"]) is True
    assert _nullable_through(ActionPoint, ["text"]) is False
    assert _nullable_through(Programme, ["thematic_area", "code"]) is True
    assert _nullable_through(ActionPoint, ["is_overdue"]) is None
    assert isinstance(ActionPoint._meta.get_field("owner_organization"), models.ForeignKey)


def test_every_operation_documents_its_errors(schema):
    operations = 0
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations += 1
            for code in ("400", "403", "404", "429"):
                response = operation["responses"].get(code)
                assert response, f"{method.upper()} {path} does not document {code}"
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.rsplit("/", 1)[1] in schema["components"]["schemas"]
            if method in ("post", "put", "patch"):
                assert "413" in operation["responses"]
    assert operations > 50
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]
