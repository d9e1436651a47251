from django.contrib import admin

from .models import ReviewReminder


@admin.register(ReviewReminder)
class ReviewReminderAdmin(admin.ModelAdmin):
    list_display = [
        "organisation",
        "alliance",
        "first_sent_at",
        "second_sent_at",
        "escalated_at",
        "closed_at",
        "outcome",
    ]
    list_filter = ["alliance", "outcome"]
    search_fields = ["organisation__name"]
    readonly_fields = [f.name for f in ReviewReminder._meta.fields]

    def has_add_permission(self, request):
        return False
