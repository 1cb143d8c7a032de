"""Documents: the library list, a document, uploading it and following its processing."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from nethub.core.files import file_response
from nethub.core.pagination import paginate
from nethub.ingest.extract import IngestError
from nethub.library import selectors, services
from nethub.library.forms import DocumentEditForm, DocumentFilterForm, DocumentUploadForm
from nethub.library.models import Document
from nethub.library.views.common import require


def _document(request: HttpRequest, pk: int, **kwargs) -> Document:
    if getattr(request, "_library_document", None) is None:
        try:
            request._library_document = selectors.document_detail(pk=pk)
        except Document.DoesNotExist as error:
            raise Http404 from error
    return request._library_document


def index(request: HttpRequest) -> HttpResponse:
    """Public: the library's documents that are ready, filterable; a signed-in user also sees
    their own recent uploads and their state."""
    form = DocumentFilterForm(request.GET or None)
    page, querystring = paginate(request, selectors.document_list(filters=form.filters()), 20)
    return render(
        request,
        "library/index.html",
        {
            "form": form,
            "page_obj": page,
            "querystring": querystring,
            "my_uploads": selectors.document_uploads_of(user=request.user),
        },
    )


@require("library.view_document", fn=_document)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public once ready; while processing or failed, only its uploader and the secretariat."""
    document = _document(request, pk)
    return render(
        request,
        "library/document_detail.html",
        {
            "document": document,
            "can_change": request.user.has_perm("library.change_document", document),
        },
    )


@require("library.view_document", fn=_document)
def document_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Who may see the document: the htmx partial polled while it is processed. When
    processing ends, the page is reloaded to show the result."""
    document = Document.objects.get(pk=pk)
    response = render(request, "library/_document_progress.html", {"document": document})
    if document.status != Document.Status.PROCESSING and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@require("library.upload_document")
def document_upload(request: HttpRequest) -> HttpResponse:
    """Network members: upload a file; it is processed in the background."""
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        content, filename = data["file"]
        try:
            document = services.document_upload(
                actor=request.user,
                data=content,
                filename=filename,
                title=data["title"],
                kind=data["kind"],
                date=data["date"],
                summary=data["summary"],
                language=data["language"],
                organizations=data["organizations"],
                countries=data["countries"],
                regions=data["regions"],
            )
        except IngestError as error:
            form.add_error("file", str(error))
        else:
            return redirect(document)
    return render(request, "library/document_upload.html", {"form": form})


@require("library.view_document", fn=_document)
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Who may see the document: its file."""
    return file_response(request, _document(request, pk), "file")


@require("library.change_document", fn=_document)
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat and the uploader: correct the description, language and GCM tags."""
    document = _document(request, pk)
    form = DocumentEditForm(request.POST or None, initial=DocumentEditForm.initial_for(document))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.document_update(
            document=document,
            actor=request.user,
            organizations=data["organizations"],
            countries=data["countries"],
            regions=data["regions"],
            tags=[*data["objectives"], *data["principles"]],
            title=data["title"],
            kind=data["kind"],
            date=data["date"],
            summary=data["summary"],
            language=data["language"],
        )
        messages.success(request, _("The document was saved."))
        return redirect(document)
    return render(request, "library/document_edit.html", {"form": form, "document": document})


@require("library.delete_document", fn=_document)
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat and the uploader: delete the document, after confirming."""
    document = _document(request, pk)
    if request.method == "POST":
        services.document_delete(document=document, actor=request.user)
        messages.success(request, _("The document was deleted."))
        return redirect("library:index")
    return render(request, "library/document_delete.html", {"document": document})
