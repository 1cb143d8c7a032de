"""Loading the pipeline or contributions from a spreadsheet (CSV or XLSX, first sheet).

`read_rows` turns a file into rows; `check` validates every row (nothing is written) and says
what each would change; `apply` writes them all in one transaction, and refuses the whole file
if any row has an error. The columns are documented in `docs/fund-import.md` and in the template
the import page offers (`template_xlsx`)."""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nethub.directory.models import Country, Region
from nethub.directory.selectors import OrganizationResolver
from nethub.framework.models import FrameworkElement
from nethub.fund import services
from nethub.fund.models import Contribution, FundingWindow, Marker, Programme, Stage

PROGRAMME_COLUMNS = [
    ("reference", True, "CN-2020-001"),
    ("title", True, "Joint programme title"),
    ("stage", False, "pipeline"),
    ("thematic_area", False, "2"),
    ("window", False, "thematic"),
    ("countries", False, "MX; GT"),
    ("region", False, ""),
    ("convening_entity", False, "IOM"),
    ("participating_entities", False, "IOM; UNICEF"),
    ("partners", False, "Ministry of Labour; migrant associations"),
    ("currency", False, "USD"),
    ("usd_rate", False, "1"),
    ("requested_budget", True, "2500000"),
    ("approved_budget", False, ""),
    ("duration_months", False, "24"),
    ("gender_marker", False, "2a"),
    ("human_rights_marker", False, "2b"),
    ("gcm_objectives", False, "1; 23"),
    ("guiding_principles", False, "1; 4"),
    ("submitted_on", False, "2020-03-15"),
]
CONTRIBUTION_COLUMNS = [
    ("reference", True, "C-2020-DE-1"),
    ("donor", True, "Germany"),
    ("kind", False, "commitment"),
    ("date", True, "2020-01-20"),
    ("received_on", False, "2020-02-10"),
    ("amount", True, "1000000"),
    ("currency", True, "EUR"),
    ("usd_rate", False, "1.1"),
    ("window", False, "thematic"),
    ("earmarking", False, "unearmarked"),
    ("earmarked_thematic_area", False, ""),
    ("note", False, ""),
]
COLUMNS = {"programmes": PROGRAMME_COLUMNS, "contributions": CONTRIBUTION_COLUMNS}


class ImportFileError(ValueError):
    """The file cannot be read as a table."""


@dataclass
class RowResult:
    number: int  # as the spreadsheet numbers it (the header is row 1)
    reference: str
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    action: str = ""  # create, update, unchanged
    changes: list[str] = field(default_factory=list)


@dataclass
class Check:
    rows: list[RowResult]

    @property
    def errors(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)


def _header(value) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(value or "").strip().lower()).strip("_")


def read_rows(data: bytes, filename: str) -> list[dict]:
    """Rows as dicts keyed by normalised column names. XLSX by its content, else UTF-8 CSV."""
    if data[:2] == b"PK":
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise ImportFileError(_("The spreadsheet cannot be read.")) from error
        sheet = book.worksheets[0]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Save the CSV file as UTF-8.")) from error
        table = list(csv.reader(io.StringIO(text)))
    table = [row for row in table if any(str(v or "").strip() for v in row)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    headers = [_header(v) for v in table[0]]
    return [
        {headers[i]: row[i] for i in range(min(len(headers), len(row))) if headers[i]}
        for row in table[1:]
    ]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).strip()


def _decimal(value, name: str, errors: list[str], *, required: bool, positive: bool = True):
    text = _text(value)
    if not text:
        if required:
            errors.append(_("%(column)s: a number is required.") % {"column": name})
        return None
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        errors.append(
            _("%(column)s: “%(value)s” is not a number.") % {"column": name, "value": text}
        )
        return None
    if positive and number <= 0:
        errors.append(_("%(column)s: must be more than zero.") % {"column": name})
        return None
    if number.as_tuple().exponent < -8:
        errors.append(_("%(column)s: too many decimals.") % {"column": name})
        return None
    return number


def _date(value, name: str, errors: list[str], *, required: bool):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        if required:
            errors.append(_("%(column)s: a date is required.") % {"column": name})
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        errors.append(
            _("%(column)s: “%(value)s” is not a date (YYYY-MM-DD).")
            % {"column": name, "value": text}
        )
        return None


def _list(value) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", _text(value)) if part.strip()]


class _Lookups:
    """Reference data loaded once per file."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        for country in Country.objects.all():
            for key in (country.iso2, country.iso3, country.name, country.official_name):
                if key:
                    self.countries[key.casefold()] = country
        self.regions = {r.name.casefold(): r for r in Region.objects.all()}
        self.windows = {w.code.casefold(): w for w in FundingWindow.objects.all()}
        self.elements = {
            (e.kind, e.code): e
            for e in FrameworkElement.objects.filter(
                kind__in=["objective", "principle", "thematic_area"]
            )
        }
        self.organizations = OrganizationResolver()


def _element(lookups, kind, code, name, errors):
    element = lookups.elements.get((kind, code))
    if element is None:
        errors.append(_("%(column)s: no “%(value)s”.") % {"column": name, "value": code})
    return element


def _check_programme(raw: dict, lookups: _Lookups, errors: list[str]) -> dict:
    values: dict = {"title": _text(raw.get("title"))}
    if not values["title"]:
        errors.append(_("title: required."))
    stage = _text(raw.get("stage")).lower().replace(" ", "_") or Stage.SUBMITTED
    if stage not in Stage.values:
        errors.append(_("stage: “%(value)s” is not a stage.") % {"value": stage})
    values["stage"] = stage
    area = _text(raw.get("thematic_area"))
    values["thematic_area"] = (
        _element(lookups, "thematic_area", area, "thematic_area", errors) if area else None
    )
    window = _text(raw.get("window"))
    values["window"] = lookups.windows.get(window.casefold()) if window else None
    if window and values["window"] is None:
        errors.append(_("window: unknown window “%(value)s”.") % {"value": window})
    countries = []
    for name in _list(raw.get("countries")):
        country = lookups.countries.get(name.casefold())
        if country is None:
            errors.append(_("countries: unknown country “%(value)s”.") % {"value": name})
        else:
            countries.append(country)
    values["countries"] = countries
    region = _text(raw.get("region"))
    values["region"] = lookups.regions.get(region.casefold()) if region else None
    if region and values["region"] is None:
        errors.append(_("region: unknown region “%(value)s”.") % {"value": region})
    convening = _text(raw.get("convening_entity"))
    values["convening_organization"] = (
        lookups.organizations.resolve(convening) if convening else None
    )
    if convening and values["convening_organization"] is None:
        errors.append(
            _("convening_entity: unknown organisation “%(value)s”.") % {"value": convening}
        )
    entities = []
    for name in _list(raw.get("participating_entities")):
        organization = lookups.organizations.resolve(name)
        if organization is None:
            errors.append(
                _("participating_entities: unknown organisation “%(value)s”.") % {"value": name}
            )
        else:
            entities.append(organization)
    values["participating_entities"] = entities
    values["partners"] = _text(raw.get("partners"))
    values.update(_currency(raw, errors))
    values["requested_budget"] = _decimal(
        raw.get("requested_budget"), "requested_budget", errors, required=True
    )
    values["approved_budget"] = _decimal(
        raw.get("approved_budget"), "approved_budget", errors, required=False
    )
    duration = _text(raw.get("duration_months"))
    values["duration_months"] = None
    if duration:
        if duration.isdigit() and 0 < int(duration) < 200:
            values["duration_months"] = int(duration)
        else:
            errors.append(
                _("duration_months: “%(value)s” is not a number of months.") % {"value": duration}
            )
    for column in ("gender_marker", "human_rights_marker"):
        marker = _text(raw.get(column)).lower()
        if marker and marker not in Marker.values:
            errors.append(
                _("%(column)s: “%(value)s” is not 0, 1, 2a or 2b.")
                % {"column": column, "value": marker}
            )
            marker = ""
        values[column] = marker
    elements = []
    for column, kind in (("gcm_objectives", "objective"), ("guiding_principles", "principle")):
        for code in _list(raw.get(column)):
            element = _element(lookups, kind, code, column, errors)
            if element:
                elements.append(element)
    values["gcm_elements"] = elements
    values["submitted_on"] = _date(raw.get("submitted_on"), "submitted_on", errors, required=False)
    # Left empty, these keep what the record has (the region of its countries, the day it was
    # first recorded) rather than clearing it.
    for derived in ("region", "submitted_on"):
        if values[derived] is None:
            del values[derived]
    return values


def _currency(raw: dict, errors: list[str]) -> dict:
    currency = _text(raw.get("currency")).upper() or "USD"
    if not re.fullmatch(r"[A-Z]{3}", currency):
        errors.append(_("currency: “%(value)s” is not a currency code.") % {"value": currency})
    rate = _decimal(raw.get("usd_rate"), "usd_rate", errors, required=currency != "USD")
    return {"currency": currency, "usd_rate": rate if rate is not None else Decimal(1)}


def _check_contribution(raw: dict, lookups: _Lookups, errors: list[str]) -> dict:
    values: dict = {}
    donor = _text(raw.get("donor"))
    values["donor"] = lookups.organizations.resolve(donor) if donor else None
    if values["donor"] is None:
        errors.append(
            _("donor: unknown organisation “%(value)s”.") % {"value": donor}
            if donor
            else _("donor: required.")
        )
    kind = _text(raw.get("kind")).lower() or Contribution.Kind.COMMITMENT
    if kind not in Contribution.Kind.values:
        errors.append(_("kind: “%(value)s” is not pledge or commitment.") % {"value": kind})
    values["kind"] = kind
    values["date"] = _date(raw.get("date"), "date", errors, required=True)
    values["received_on"] = _date(raw.get("received_on"), "received_on", errors, required=False)
    values["amount"] = _decimal(raw.get("amount"), "amount", errors, required=True)
    values.update(_currency(raw, errors))
    window = _text(raw.get("window"))
    values["window"] = lookups.windows.get(window.casefold()) if window else None
    if window and values["window"] is None:
        errors.append(_("window: unknown window “%(value)s”.") % {"value": window})
    earmarking = _text(raw.get("earmarking")).lower() or Contribution.Earmarking.UNEARMARKED
    if earmarking not in Contribution.Earmarking.values:
        errors.append(
            _("earmarking: “%(value)s” is not a kind of earmarking.") % {"value": earmarking}
        )
    values["earmarking"] = earmarking
    area = _text(raw.get("earmarked_thematic_area"))
    values["earmarked_thematic_area"] = (
        _element(lookups, "thematic_area", area, "earmarked_thematic_area", errors)
        if area
        else None
    )
    values["note"] = _text(raw.get("note"))
    return values


def _compare(obj, values: dict) -> list[str]:
    changes = []
    for name, new in values.items():
        if name == "stage":
            old = obj.stage
        elif hasattr(getattr(obj, name, None), "all"):
            old, new = {o.pk for o in getattr(obj, name).all()}, {o.pk for o in new}
        else:
            old = getattr(obj, name)
        if old != new:
            changes.append(name)
    return changes


def check(*, kind: str, rows: list[dict]) -> Check:
    """Validate every row; nothing is written. Each row says what it would do."""
    lookups = _Lookups()
    model = Programme if kind == "programmes" else Contribution
    existing = model.objects.in_bulk(
        [_text(r.get("reference")) for r in rows if _text(r.get("reference"))],
        field_name="reference",
    )
    seen: dict[str, int] = {}
    results = []
    required = [name for name, needed, _example in COLUMNS[kind] if needed]
    missing = [name for name in required if rows and name not in rows[0]]
    for index, raw in enumerate(rows, start=2):
        reference = _text(raw.get("reference"))
        result = RowResult(number=index, reference=reference)
        if missing:
            result.errors.append(
                _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
            )
            results.append(result)
            continue
        if not reference:
            result.errors.append(_("reference: required."))
        elif reference in seen:
            result.errors.append(
                _("Duplicate row: reference %(ref)s is already on row %(row)s.")
                % {"ref": reference, "row": seen[reference]}
            )
        else:
            seen[reference] = index
        checker = _check_programme if kind == "programmes" else _check_contribution
        result.values = checker(raw, lookups, result.errors)
        current = existing.get(reference)
        if current is None:
            result.action = "create"
        else:
            result.changes = _compare(current, result.values)
            result.action = "update" if result.changes else "unchanged"
        results.append(result)
    return Check(rows=results)


@transaction.atomic
def apply(*, kind: str, rows: list[dict], actor, filename: str) -> Check:
    """Write every row, or nothing: a file with one error is refused whole."""
    result = check(kind=kind, rows=rows)
    if not result.is_valid:
        raise ValidationError(_("The file has errors; nothing was saved."))
    reason = _("Imported from %(file)s.") % {"file": filename}
    for row in result.rows:
        values = dict(row.values)
        if kind == "programmes":
            stage = values.pop("stage")
            if row.action == "create":
                services.programme_create(
                    reference=row.reference, actor=actor, stage=stage, **values
                )
            elif row.action == "update":
                programme = Programme.objects.get(reference=row.reference)
                services.programme_update(programme=programme, actor=actor, **values)
                if stage != programme.stage:
                    services.programme_record_stage(
                        programme=programme, stage=stage, actor=actor, reason=reason
                    )
        elif row.action == "create":
            services.contribution_create(reference=row.reference, actor=actor, **values)
        elif row.action == "update":
            services.contribution_update(
                contribution=Contribution.objects.get(reference=row.reference),
                actor=actor,
                **values,
            )
    return result


def template_xlsx(kind: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = kind
    sheet.append([name for name, _needed, _example in COLUMNS[kind]])
    sheet.append([example for _name, _needed, example in COLUMNS[kind]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
