"""Spreadsheet import: a file with errors is refused whole with each error listed; a valid one
shows its preview, saves, and importing it again updates."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from nethub.fund import importer
from nethub.fund.models import Contribution, Programme, Stage

pytestmark = pytest.mark.django_db

HEADER = [
    "reference",
    "title",
    "stage",
    "thematic_area",
    "countries",
    "participating_entities",
    "currency",
    "usd_rate",
    "requested_budget",
    "gcm_objectives",
]


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def _xlsx(header, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    "CN-1",
    "Labour mobility",
    "pipeline",
    "4",
    "MX; Guatemala",
    "IOM; ILO",
    "USD",
    "",
    "2500000",
    "6; 23",
]


def test_bad_amount_unknown_country_and_duplicate_row_are_refused_with_nothing_saved(
    secretariat_user,
):
    data = _csv(
        [
            GOOD,
            ["CN-2", "Data", "eligible", "1", "MX", "IOM", "USD", "", "12,5O0", ""],
            ["CN-3", "Inclusion", "submitted", "5", "Atlantis", "IOM", "USD", "", "100", ""],
            GOOD,
        ]
    )
    rows = importer.read_rows(data, "pipeline.csv")
    result = importer.check(kind="programmes", rows=rows)
    messages = [(row.number, error) for row in result.errors for error in row.errors]
    assert messages == [
        (3, "requested_budget: “12,5O0” is not a number."),
        (4, "countries: unknown country “Atlantis”."),
        (5, "Duplicate row: reference CN-1 is already on row 2."),
    ]
    with pytest.raises(Exception, match="nothing was saved"):
        importer.apply(kind="programmes", rows=rows, actor=secretariat_user, filename="p.csv")
    assert not Programme.objects.exists()


def test_the_page_lists_the_three_errors_and_saves_nothing(client, secretariat_user):
    client.force_login(secretariat_user)
    bad = ["CN-2", "Data", "eligible", "1", "MX", "IOM", "USD", "", "-", ""]
    unknown = ["CN-3", "Inclusion", "submitted", "5", "Atlantis", "IOM", "USD", "", "100", ""]
    upload = io.BytesIO(_xlsx(HEADER, [GOOD, bad, unknown, GOOD]))
    upload.name = "pipeline.xlsx"
    response = client.post("/fund/import/", {"kind": "programmes", "file": upload}, follow=True)
    page = response.content.decode()
    assert "3 rows have errors" in page
    assert "“-” is not a number" in page and "unknown country “Atlantis”" in page
    assert "Duplicate row: reference CN-1 is already on row 2." in page
    assert "Save the import" not in page
    refused = client.post(response.redirect_chain[-1][0], follow=True)
    assert "nothing was saved" in refused.content.decode()
    assert not Programme.objects.exists()


def test_a_valid_file_is_previewed_saved_and_reimported_as_an_update(client, secretariat_user):
    client.force_login(secretariat_user)
    upload = io.BytesIO(_xlsx(HEADER, [GOOD]))
    upload.name = "pipeline.xlsx"
    preview = client.post("/fund/import/", {"kind": "programmes", "file": upload}, follow=True)
    assert "new" in preview.content.decode() and not Programme.objects.exists()
    client.post(preview.redirect_chain[-1][0])
    record = Programme.objects.get(reference="CN-1")
    assert record.stage == Stage.PIPELINE and record.requested_usd == Decimal("2500000")
    assert sorted(record.countries.values_list("iso2", flat=True)) == ["GT", "MX"]
    assert record.participating_entities.count() == 2 and record.gcm_elements.count() == 2
    changed = [*GOOD[:8], "3000000", GOOD[9]]
    upload = io.BytesIO(_xlsx(HEADER, [changed]))
    upload.name = "pipeline.xlsx"
    preview = client.post("/fund/import/", {"kind": "programmes", "file": upload}, follow=True)
    page = preview.content.decode()
    assert "update: requested_budget" in page, page[page.find("<main") : page.find("</main>")]
    client.post(preview.redirect_chain[-1][0])
    record.refresh_from_db()
    assert record.requested_usd == Decimal("3000000") and Programme.objects.count() == 1


def test_contributions_in_another_currency_need_their_rate(secretariat_user):
    header = ["reference", "donor", "date", "amount", "currency", "usd_rate"]
    rows = importer.read_rows(
        _xlsx(
            header,
            [
                ["G-1", "Germany", "2021-02-01", 1000000, "EUR", ""],
                ["G-2", "Germany", "2021-02-01", 1000000, "EUR", "1.2"],
            ],
        ),
        "c.xlsx",
    )
    result = importer.check(kind="contributions", rows=rows)
    assert [row.errors for row in result.rows] == [["usd_rate: a number is required."], []]
    rows = rows[1:]
    importer.apply(kind="contributions", rows=rows, actor=secretariat_user, filename="c.xlsx")
    assert Contribution.objects.get(reference="G-2").amount_usd == Decimal("1200000.00")


def test_a_file_that_is_not_a_table_is_refused():
    with pytest.raises(importer.ImportFileError):
        importer.read_rows(b"PK\x03\x04 not really a zip", "x.xlsx")
