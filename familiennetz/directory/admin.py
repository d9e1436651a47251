"""Django admin: the coordinators' stop-gap until the workspace UI lands."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from familiennetz.moderation.services import entry_set_status

from .models import (
    Category,
    Contact,
    Language,
    Location,
    Offer,
    OfferLocation,
    Organisation,
    Schedule,
    Status,
)


class ScheduleInline(admin.TabularInline):
    model = Schedule
    extra = 0
    fields = [
        "kind",
        "rrule",
        "opens_at",
        "closes_at",
        "valid_from",
        "valid_to",
        "description",
        "alliance",
    ]


class OfferLocationInline(admin.TabularInline):
    model = OfferLocation
    extra = 0
    autocomplete_fields = ["location"]
    fields = ["location", "notes", "alliance"]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["role", "name", "email", "phone", "offer", "alliance"]
    autocomplete_fields = ["offer"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "parent", "alliance", "position"]
    list_filter = ["alliance", ("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "name_en", "code", "synonyms"]
    autocomplete_fields = ["parent"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name_de", "name_en", "endonym", "position"]
    search_fields = ["code", "name_de", "name_en", "endonym"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "alliance", "last_checked_at"]
    list_filter = ["alliance", "kind"]
    search_fields = ["name", "operator", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactInline]
    date_hierarchy = "last_checked_at"


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "street",
        "district",
        "alliance",
        "is_wheelchair_accessible",
        "last_checked_at",
    ]
    list_filter = [
        "alliance",
        "is_wheelchair_accessible",
        "is_pram_accessible",
        ("district", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "street", "postal_code", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "district"]
    inlines = [ScheduleInline]


@admin.action(description=_("Publish selected offers"))
def publish_offers(modeladmin, request, queryset):
    for offer in queryset:
        entry_set_status(entry=offer, status=Status.PUBLISHED, user=request.user)


@admin.action(description=_("Archive selected offers"))
def archive_offers(modeladmin, request, queryset):
    for offer in queryset:
        entry_set_status(entry=offer, status=Status.ARCHIVED, user=request.user)


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "status", "is_free", "alliance", "last_checked_at"]
    list_filter = [
        "alliance",
        "status",
        "is_free",
        "participation",
        "for_pregnancy",
        "categories",
        "languages",
    ]
    search_fields = ["name", "summary", "description", "organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "categories", "languages"]
    list_select_related = ["organisation", "alliance"]
    inlines = [OfferLocationInline]
    actions = [publish_offers, archive_offers]
    date_hierarchy = "last_checked_at"


@admin.register(OfferLocation)
class OfferLocationAdmin(admin.ModelAdmin):
    list_display = ["offer", "location", "alliance"]
    list_filter = ["alliance"]
    search_fields = ["offer__name", "location__name"]
    autocomplete_fields = ["offer", "location"]
    inlines = [ScheduleInline]


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "location", "offer_location", "alliance"]
    list_filter = ["alliance", "kind"]
    autocomplete_fields = ["location", "offer_location"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["role", "name", "organisation", "offer", "alliance"]
    list_filter = ["alliance"]
    search_fields = ["role", "name", "organisation__name"]
    autocomplete_fields = ["organisation", "offer"]
