"""REST API of Discussion Spaces: consultations and questions (read), comments (public read of
published comments; posting by rule, on behalf of the poster's organisation)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.settings import api_settings

from nethub.consultations import services
from nethub.consultations.models import Comment, Consultation, Question


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "consultation", "position", "text"]


class ConsultationSerializer(serializers.ModelSerializer):
    phase = serializers.CharField(read_only=True)
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Consultation
        fields = [
            "id",
            "slug",
            "title",
            "welcome",
            "document_title",
            "participation",
            "languages",
            "moderation",
            "opens_at",
            "closes_at",
            "phase",
            "questions",
        ]


class CommentSerializer(serializers.ModelSerializer):
    organization = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "consultation",
            "question",
            "parent",
            "organization",
            "byline",
            "reply_to_label",
            "body",
            "created_at",
            "edited_at",
        ]
        read_only_fields = ["organization", "byline", "reply_to_label", "created_at", "edited_at"]

    def get_organization(self, comment) -> str | None:
        return comment.organization.name if comment.organization_id else None


class ConsultationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Consultation.objects.prefetch_related("questions").order_by("-opens_at", "pk")
    serializer_class = ConsultationSerializer
    lookup_field = "slug"


class QuestionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Question.objects.order_by("consultation", "position")
    serializer_class = QuestionSerializer
    filterset_fields = ["consultation"]


class CommentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Published comments only. POST needs the right to comment in that consultation now."""

    queryset = (
        Comment.objects.filter(status=Comment.Status.VISIBLE)
        .select_related("organization")
        .order_by("created_at", "position", "pk")
    )
    serializer_class = CommentSerializer
    filterset_fields = ["consultation", "question", "parent"]
    write_permission = "consultations.comment"

    def get_permissions(self):
        # A post's permission object is the consultation named in its body, so
        # perform_create() checks it; the public is refused before its body is read.
        if self.request.method == "POST":
            return [IsAuthenticated()]
        return super().get_permissions()

    def perform_create(self, serializer):
        data = serializer.validated_data
        if not self.request.user.has_perm("consultations.comment", data["consultation"]):
            raise PermissionDenied("You may not comment in this consultation now.")
        try:
            serializer.instance = services.comment_create(
                consultation=data["consultation"],
                actor=self.request.user,
                body=data["body"],
                question=data.get("question"),
                parent=data.get("parent"),
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages}) from error


def register(router) -> None:
    router.register("consultations", ConsultationViewSet, basename="consultation")
    router.register("consultation-questions", QuestionViewSet, basename="consultation-question")
    router.register("consultation-comments", CommentViewSet, basename="consultation-comment")
