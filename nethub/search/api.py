"""The search endpoint of the API: GET /api/search/?q=...&kind=...&page=..."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.pagination import PageNumberPagination

from nethub.search import selectors


class HitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML: escaped text, query terms in <mark>.")
    language = serializers.CharField(source="passage.language")
    date = serializers.DateField(source="passage.date", allow_null=True)
    content_type = serializers.IntegerField(source="passage.content_type_id")
    object_id = serializers.IntegerField(source="passage.object_id")
    score = serializers.FloatField(help_text="Reciprocal rank fusion score.")
    keyword_rank = serializers.IntegerField(allow_null=True)
    semantic_rank = serializers.IntegerField(allow_null=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    values = FacetValueSerializer(many=True)


class SearchPagination(PageNumberPagination):
    page_size = 20

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["facets"] = FacetSerializer(self.facets, many=True).data
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["facets"] = {"type": "array", "items": {"type": "object"}}
        return schema


FACET_PARAMETERS = [
    OpenApiParameter(
        facet, OpenApiTypes.STR, many=True, description=f"Only results with this {facet}."
    )
    for facet in selectors.FACETS
]


class SearchViewSet(viewsets.GenericViewSet):
    """Search every public record: keyword and semantic search fused into one ranking, with
    facet counts. Anyone may use it; only public records are indexed."""

    serializer_class = HitSerializer
    pagination_class = SearchPagination
    filter_backends: list = []

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Words to search for."),
            *FACET_PARAMETERS,
        ]
    )
    def list(self, request):
        query = (request.query_params.get("q") or "")[:500]
        results = selectors.search(
            query=query, filters=selectors.clean_filters(request.query_params)
        )
        self.paginator.facets = results.facets
        page = self.paginate_queryset(results.hits)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


def register(router) -> None:
    router.register("search", SearchViewSet, basename="search")
