"""API access: anyone may read what is published; writes need the app's django-rules
permission, named on the view as `permission_required` ("app.change_thing")."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadPublicWriteByRule(BasePermission):
    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        permission = getattr(view, "write_permission", None)
        return bool(permission and request.user.has_perm(permission))

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        permission = getattr(view, "write_permission", None)
        return bool(permission and request.user.has_perm(permission, obj))
